package io.switchover.patterns.builders;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import io.switchover.patterns.JavaSources;
import io.switchover.patterns.ServiceWideExtractor;
import io.switchover.patterns.SourceFile;
import io.switchover.patterns.model.ExtractionResult;

import java.util.ArrayList;
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
 * tables, an aggregate, its repository and the entities it holds), so this is a service-wide extractor: a Java file
 * that names one of the frameworks gives its shared tree ({@link SourceFile#java()}), a Kotlin file that uses Exposed
 * or is small (a Spring Data JDBC aggregate, its repository, the values it holds) its text, and any other small Java
 * file its text, which is parsed only when a framework file uses a type of that
 * name (an aggregate's entity, an embedded value), a few levels deep.
 */
public final class BuilderExtractors implements ServiceWideExtractor<BuilderExtractors.FilePart> {
    /** Words without which a file holds nothing these readers read. */
    private static final List<String> JAVA_MARKERS = List.of("org.jooq", "SimpleJdbcInsert",
            "springframework.data.relational", "springframework.data.annotation", "springframework.data.repository",
            "io.micronaut.data");
    private static final List<String> KOTLIN_MARKERS = List.of("org.jetbrains.exposed");
    /** Files whose fields' types the mapping readers follow into other files. */
    private static final List<String> MAPPING_MARKERS = List.of("springframework.data", "io.micronaut.data");
    private static final Pattern TYPE_NAME = Pattern.compile("\\b\\p{Lu}\\w*\\b");
    private static final int MAX_TYPE_ROUNDS = 3;
    /** Larger files are not kept for following: entities and values held by an aggregate are small. */
    private static final int MAX_FOLLOWED_CHARS = 64 * 1024;

    /** What one file gives: its tree (a framework's Java file), its text (Kotlin, or a Java file to follow), or nothing. */
    public static final class FilePart {
        private static final FilePart NOTHING = new FilePart(null, null, null, null, false);
        private final String path;
        private final CompilationUnit unit;
        private final String text;
        private final String kotlin;
        private final boolean exposed;

        private FilePart(String path, CompilationUnit unit, String text, String kotlin, boolean exposed) {
            this.path = path;
            this.unit = unit;
            this.text = text;
            this.kotlin = kotlin;
            this.exposed = exposed;
        }
    }

    @Override
    public boolean reads(String path) {
        return path.endsWith(".java") || path.endsWith(".kt");
    }

    @Override
    public FilePart collect(SourceFile file) {
        String text = file.text();
        if (file.endsWith(".kt")) {
            boolean exposed = KOTLIN_MARKERS.stream().anyMatch(text::contains);
            return exposed || text.length() <= MAX_FOLLOWED_CHARS
                    ? new FilePart(file.path(), null, null, text, exposed) : FilePart.NOTHING;
        }
        if (JAVA_MARKERS.stream().noneMatch(text::contains)) {
            return text.length() <= MAX_FOLLOWED_CHARS ? new FilePart(file.path(), null, text, null, false) : FilePart.NOTHING;
        }
        try {
            ParseResult<CompilationUnit> parsed = file.java();
            return parsed.isSuccessful() && parsed.getResult().isPresent()
                    ? new FilePart(file.path(), parsed.getResult().get(), text, null, false) : FilePart.NOTHING;
        } catch (RuntimeException | StackOverflowError e) {
            return FilePart.NOTHING; // the Java literal extractor reports a file JavaParser cannot read
        }
    }

    @Override
    public ExtractionResult combine(List<FilePart> parts) {
        Map<String, CompilationUnit> units = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        Map<String, String> kotlin = new LinkedHashMap<>();
        Map<String, String> exposed = new LinkedHashMap<>();
        Map<String, List<FilePart>> followable = new HashMap<>();
        for (FilePart part : parts) {
            if (part.unit != null) {
                units.put(part.path, part.unit);
                texts.put(part.path, part.text);
            } else if (part.kotlin != null) {
                kotlin.put(part.path, part.kotlin);
                if (part.exposed) {
                    exposed.put(part.path, part.kotlin);
                }
            } else if (part.text != null) {
                String name = part.path.substring(part.path.lastIndexOf('/') + 1, part.path.length() - ".java".length());
                followable.computeIfAbsent(name, n -> new ArrayList<>()).add(part);
            }
        }
        follow(units, texts, followable);
        return extract(units, exposed, kotlin);
    }

    /** The files of the types the framework files' mapped classes use, parsed now, a few levels deep. */
    private static void follow(Map<String, CompilationUnit> units, Map<String, String> texts,
                               Map<String, List<FilePart>> followable) {
        Set<String> wanted = new HashSet<>();
        List<String> added = units.keySet().stream()
                .filter(p -> MAPPING_MARKERS.stream().anyMatch(texts.get(p)::contains)).toList();
        for (int round = 0; round < MAX_TYPE_ROUNDS && !added.isEmpty(); round++) {
            List<String> next = new ArrayList<>();
            for (String path : added) {
                Matcher type = TYPE_NAME.matcher(texts.get(path));
                while (type.find()) {
                    if (!wanted.add(type.group())) {
                        continue;
                    }
                    for (FilePart file : followable.getOrDefault(type.group(), List.of())) {
                        parse(file.text).ifPresent(unit -> {
                            units.put(file.path, unit);
                            texts.put(file.path, file.text);
                            next.add(file.path);
                        });
                    }
                }
            }
            added = next;
        }
    }

    private static Optional<CompilationUnit> parse(String text) {
        try {
            ParseResult<CompilationUnit> parsed = JavaSources.parse(text);
            return parsed.isSuccessful() ? parsed.getResult() : Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** @param sources path to text of Java and Kotlin files, all read (tests, tools) */
    public ExtractionResult extract(Map<String, String> sources) {
        List<FilePart> parts = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            if (reads(source.getKey())) {
                parts.add(collect(new SourceFile(source.getKey(), source.getValue())));
            }
        }
        return combine(parts);
    }

    private static ExtractionResult extract(Map<String, CompilationUnit> units, Map<String, String> exposed,
                                            Map<String, String> kotlin) {
        List<ExtractionResult> results = new ArrayList<>();
        JooqDsl jooq = new JooqDsl(new JooqGeneratedTables(units.values()));
        SimpleJdbcInserts inserts = new SimpleJdbcInserts();
        for (Map.Entry<String, CompilationUnit> unit : units.entrySet()) {
            results.add(guarded(unit.getKey(), () -> jooq.extract(unit.getKey(), unit.getValue())));
            results.add(guarded(unit.getKey(), () -> inserts.extract(unit.getKey(), unit.getValue())));
        }
        results.add(guarded("Spring Data JDBC aggregates", () -> new SpringDataJdbcAggregates().extract(units)));
        results.add(guarded("Micronaut Data entities", () -> new MicronautDataEntities().extract(units)));
        results.add(guarded("Exposed tables", () -> new ExposedTables().extract(exposed)));
        if (kotlin.values().stream().anyMatch(t -> t.contains("springframework.data"))) {
            results.add(guarded("Kotlin Spring Data JDBC aggregates", () -> new KotlinAggregates(kotlin, units).extract()));
        }
        return ExtractionResult.combine(results);
    }

    /** A defect of one reader costs its file (or its framework) only, and says so. */
    private static ExtractionResult guarded(String what, Supplier<ExtractionResult> reader) {
        try {
            return reader.get();
        } catch (RuntimeException | StackOverflowError e) {
            return ExtractionResult.warning(what + ": its query builders could not be read ("
                    + e.getClass().getSimpleName() + ", a bug of switchover); their SQL is not checked");
        }
    }
}
