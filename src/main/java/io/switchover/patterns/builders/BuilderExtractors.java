package io.switchover.patterns.builders;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import io.switchover.SwitchoverException;
import io.switchover.patterns.ExtractionResult;
import io.switchover.patterns.JavaSources;
import io.switchover.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the builder and framework readers of this package over a service. Their mappings span files (generated jOOQ
 * tables, an aggregate and its repository), so this is one job over all of the service's Java and Kotlin files: a file
 * is read only when it names one of the frameworks, and each Java file is parsed once for every reader.
 */
public final class BuilderExtractors {
    /** Words without which a file holds nothing these readers read. */
    private static final List<String> JAVA_MARKERS = List.of("org.jooq", "SimpleJdbcInsert",
            "springframework.data.relational", "springframework.data.annotation", "springframework.data.repository",
            "io.micronaut.data");
    private static final List<String> KOTLIN_MARKERS = List.of("org.jetbrains.exposed");
    /** Files whose fields' types the mapping readers follow into other files. */
    private static final List<String> MAPPING_MARKERS = List.of("springframework.data", "io.micronaut.data");
    private static final Pattern TYPE_NAME = Pattern.compile("\\b\\p{Lu}\\w*\\b");
    private static final int MAX_TYPE_ROUNDS = 3;

    /**
     * What the readers found in the service's files among {@code paths} (other files are ignored): the files that
     * name a framework, and the Java files of the types their fields use (an aggregate's entities, its embedded
     * values), a few levels deep.
     */
    public ExtractionResult extract(Snapshot snapshot, Collection<String> paths) {
        Map<String, String> sources = new LinkedHashMap<>();
        Map<String, List<String>> javaByTypeName = new HashMap<>();
        for (String path : paths) {
            if (!path.endsWith(".java") && !path.endsWith(".kt")) {
                continue;
            }
            if (path.endsWith(".java")) {
                String name = path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
                javaByTypeName.computeIfAbsent(name, n -> new ArrayList<>()).add(path);
            }
            read(snapshot, path).ifPresent(text -> {
                List<String> markers = path.endsWith(".java") ? JAVA_MARKERS : KOTLIN_MARKERS;
                if (markers.stream().anyMatch(text::contains)) {
                    sources.put(path, text);
                }
            });
        }
        Set<String> wanted = new HashSet<>();
        List<String> added = new ArrayList<>(sources.keySet());
        for (int round = 0; round < MAX_TYPE_ROUNDS && !added.isEmpty(); round++) {
            List<String> next = new ArrayList<>();
            for (String path : added) {
                if (!path.endsWith(".java") || !MAPPING_MARKERS.stream().anyMatch(sources.get(path)::contains)
                        && round == 0) {
                    continue;
                }
                Matcher type = TYPE_NAME.matcher(sources.get(path));
                while (type.find()) {
                    if (wanted.add(type.group()) && javaByTypeName.containsKey(type.group())) {
                        for (String file : javaByTypeName.get(type.group())) {
                            if (!sources.containsKey(file)) {
                                read(snapshot, file).ifPresent(text -> sources.put(file, text));
                                next.add(file);
                            }
                        }
                    }
                }
            }
            added = next;
        }
        return extract(sources);
    }

    private static Optional<String> read(Snapshot snapshot, String path) {
        try {
            return Optional.of(snapshot.read(path));
        } catch (SwitchoverException e) {
            return Optional.empty(); // the per-file extractors report a file that cannot be read
        }
    }

    /** @param sources path to text of Java and Kotlin files */
    public ExtractionResult extract(Map<String, String> sources) {
        Map<String, CompilationUnit> units = new LinkedHashMap<>();
        Map<String, String> kotlin = new LinkedHashMap<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            if (source.getKey().endsWith(".kt")) {
                kotlin.put(source.getKey(), source.getValue());
                continue;
            }
            try {
                ParseResult<CompilationUnit> parsed = JavaSources.parse(source.getValue());
                parsed.getResult().filter(u -> parsed.isSuccessful()).ifPresent(u -> units.put(source.getKey(), u));
            } catch (RuntimeException | StackOverflowError e) {
                // the generic Java extractor reports a file JavaParser cannot read
            }
        }
        List<ExtractionResult> results = new ArrayList<>();
        JooqDsl jooq = new JooqDsl(new JooqGeneratedTables(units.values()));
        SimpleJdbcInserts inserts = new SimpleJdbcInserts();
        for (Map.Entry<String, CompilationUnit> unit : units.entrySet()) {
            results.add(guarded(unit.getKey(), () -> jooq.extract(unit.getKey(), unit.getValue())));
            results.add(guarded(unit.getKey(), () -> inserts.extract(unit.getKey(), unit.getValue())));
        }
        results.add(guarded("Spring Data JDBC aggregates", () -> new SpringDataJdbcAggregates().extract(units)));
        results.add(guarded("Micronaut Data entities", () -> new MicronautDataEntities().extract(units)));
        results.add(guarded("Exposed tables", () -> new ExposedTables().extract(kotlin)));
        return ExtractionResult.combine(results);
    }

    /** A defect of one reader costs its file only, and says so. */
    private static ExtractionResult guarded(String what, Supplier<ExtractionResult> reader) {
        try {
            return reader.get();
        } catch (RuntimeException | StackOverflowError e) {
            return ExtractionResult.warning(what + ": its query builders could not be read ("
                    + e.getClass().getSimpleName() + ", a bug of switchover); their SQL is not checked");
        }
    }
}
