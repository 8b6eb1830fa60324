package io.switchover.patterns.jpa;

import io.switchover.SwitchoverException;
import io.switchover.patterns.ServiceConfiguration;
import io.switchover.patterns.ServiceWideExtractor;
import io.switchover.patterns.SourceFile;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the SQL that Hibernate and Spring Data issue for a service without any SQL string in its code: the
 * statements of every JPA entity (Java or Kotlin), one probe per mapped column, and the queries of Spring Data
 * repositories. The model is built from all Java and Kotlin files at once, because mappings span files.
 *
 * <p>Extractor ids: {@value #ENTITY} (INSERT/UPDATE/SELECT/DELETE of an entity, at the class declaration),
 * {@value #COLUMN} (one {@code SELECT <column> FROM <table>} per mapped column, at the field that maps it),
 * {@value #NATIVE}, {@value #JPQL}, {@value #DERIVED} (repository queries, at the query or method) and
 * {@value #NAMED} ({@code @NamedQuery} on an entity).
 */
public final class JpaExtractor implements ServiceWideExtractor<JpaExtractor.FileTypes> {
    public static final String ENTITY = "jpa-entity";
    public static final String COLUMN = "jpa-column";
    public static final String NATIVE = "spring-data-native";
    public static final String JPQL = "spring-data-jpql";
    public static final String DERIVED = "spring-data-derived";
    public static final String NAMED = "jpa-named-query";

    private final SqlStatementClassifier classifier;
    private final PhysicalNaming naming;
    /** A string literal holding a query's words. */
    private static final java.util.regex.Pattern QUERY_TEXT = java.util.regex.Pattern.compile(
            "(?i)\"[^\"\\n]*\\b(?:select|from|where|join|order by|group by|insert|update|delete|values)\\b");
    /** A file of public constants beyond this size is not one a query's annotation draws its values from. */
    private static final int MAX_CONSTANTS_CHARS = 16 * 1024;
    private static final java.util.regex.Pattern REPOSITORY_INTERFACE =
            java.util.regex.Pattern.compile("extends\\s+[\\w.]*Repository\\s*<");
    private final JavaSourceReader javaReader = new JavaSourceReader();
    private final KotlinSourceReader kotlinReader = new KotlinSourceReader();

    public JpaExtractor(SqlStatementClassifier classifier) {
        this(classifier, PhysicalNaming.SPRING);
    }

    public JpaExtractor(SqlStatementClassifier classifier, PhysicalNaming naming) {
        this.classifier = classifier;
        this.naming = naming;
    }

    /**
     * Reads the {@code .java} and {@code .kt} files among {@code paths} (other files are ignored). A Java file that
     * cannot be read is already reported by the Java string extractor; a Kotlin file is reported here.
     */
    public ExtractionResult extract(Snapshot snapshot, Collection<String> paths) {
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (String path : paths) {
            if (!path.endsWith(".java") && !path.endsWith(".kt")) {
                continue;
            }
            try {
                String text = snapshot.read(path);
                if (mayMap(text)) {
                    sources.put(path, text);
                }
            } catch (SwitchoverException e) {
                if (path.endsWith(".kt")) {
                    warnings.add(path + ": cannot read (" + e.getMessage() + "); its entities are not checked");
                }
            }
        }
        ExtractionResult result = extract(sources);
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(result.warnings());
        return new ExtractionResult(result.patterns(), result.notChecked(), allWarnings, result.reads());
    }

    /** The types one file declares, and why it could not be read, if it could not. */
    public static final class FileTypes {
        private final List<SourceType> types;
        private final String warning;
        private final ConfiguredNaming.FileEvidence naming;
        private final ServiceConfiguration configuration;

        FileTypes(List<SourceType> types, String warning) {
            this(types, warning, ConfiguredNaming.FileEvidence.NONE, ServiceConfiguration.none());
        }

        FileTypes(List<SourceType> types, String warning, ConfiguredNaming.FileEvidence naming,
                  ServiceConfiguration configuration) {
            this.types = List.copyOf(types);
            this.warning = warning;
            this.naming = naming;
            this.configuration = configuration;
        }

        FileTypes with(ConfiguredNaming.FileEvidence evidence, ServiceConfiguration config) {
            return new FileTypes(types, warning, evidence, config);
        }
    }

    @Override
    public boolean reads(String path) {
        return path.endsWith(".java") || path.endsWith(".kt");
    }

    /** Nothing from a file without a mark of a mapping or a repository (see {@link #mayMap}): it is not parsed. */
    @Override
    public FileTypes collect(SourceFile file) {
        return types(file).with(ConfiguredNaming.FileEvidence.of(file.text()), file.configuration());
    }

    private FileTypes types(SourceFile file) {
        String path = file.path();
        if (!mayMap(file.text())) {
            return new FileTypes(List.of(), null);
        }
        if (path.endsWith(".java")) {
            JavaSourceReader.Read read = javaReader.read(file);
            String warning = read.problem() != null && mentionsJpa(file.text()) ? path + ": cannot parse Java ("
                    + read.problem() + "); its entities and repositories are not checked" : null;
            return new FileTypes(read.types(), warning);
        }
        KotlinSourceReader.Read read = kotlinReader.read(path, file.text());
        return new FileTypes(read.types(), read.problem() == null ? null
                : path + ": " + read.problem() + "; its entities and repositories are not checked");
    }

    @Override
    public ExtractionResult combine(List<FileTypes> parts) {
        List<SourceType> types = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> strategies = new LinkedHashMap<>();
        boolean eclipseLink = false;
        ServiceConfiguration configuration = ServiceConfiguration.none();
        for (FileTypes part : parts) {
            types.addAll(part.types);
            if (part.warning != null) {
                warnings.add(part.warning);
            }
            strategies.putAll(part.naming.strategies());
            eclipseLink |= part.naming.eclipseLink();
            if (!part.configuration.equals(ServiceConfiguration.none())) {
                configuration = part.configuration;
            }
        }
        Optional<ConfiguredNaming> configured = naming == PhysicalNaming.AS_IS ? Optional.empty()
                : ConfiguredNaming.of(configuration, strategies, eclipseLink);
        configured.filter(ConfiguredNaming::partly).ifPresent(found -> warnings.add("JPA names are read as "
                + found.why() + ": a mapped name that strategy changes is checked under another name"));
        return extract(types, warnings, configured.map(ConfiguredNaming::naming).orElse(naming)
                .onHibernate(configuration.hibernate()));
    }

    /**
     * @param sources path to text of the service's {@code .java} and {@code .kt} files
     */
    public ExtractionResult extract(Map<String, String> sources) {
        List<FileTypes> parts = new ArrayList<>();
        for (Map.Entry<String, String> file : sources.entrySet()) {
            SourceFile source = new SourceFile(file.getKey(), file.getValue());
            if (source.endsWith(".java") || source.endsWith(".kt")) {
                parts.add(collect(source));
            }
        }
        return combine(parts);
    }

    private ExtractionResult extract(List<SourceType> types, List<String> warnings, PhysicalNaming applied) {
        EntityModel model;
        try {
            model = new EntityModel(types, applied);
        } catch (RuntimeException | StackOverflowError e) {
            // A defect of ours must not hide the SQL the other extractors found.
            return ExtractionResult.warning("JPA mapping could not be read (" + e.getClass().getSimpleName()
                    + "); entities and repositories are not checked");
        }
        warnings.addAll(model.warnings());
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        EntityStatements statements = new EntityStatements();
        Set<AccessPattern> probes = new LinkedHashSet<>();
        for (EntityMapping entity : model.entities()) {
            patterns.addAll(statements.of(entity, model.entities()));
            probes.addAll(statements.columnProbes(entity)); // a SINGLE_TABLE root's columns once, not per subclass
        }
        patterns.addAll(probes);
        SpringDataRepositories repositories = new SpringDataRepositories(model, classifier);
        for (SourceType type : types) {
            try {
                repositories.extract(type, patterns, notChecked);
            } catch (RuntimeException | StackOverflowError e) {
                warnings.add(type.path() + ": queries of " + type.name() + " could not be read ("
                        + e.getClass().getSimpleName() + "); they are not checked");
            }
        }
        return new ExtractionResult(patterns, notChecked, warnings);
    }

    /**
     * Drops what the Java string extractor reported for a native {@code @Query} that this extractor reports too (the
     * same file, and the same line or the same statement), so that one query is not checked and reported twice.
     */
    /** Extractors that report any SQL-looking string, and so also the native queries read here. */
    private static final Set<String> GENERIC_LITERALS = Set.of("java-literal", "kotlin-literal");

    public static ExtractionResult withoutDuplicateLiterals(ExtractionResult combined) {
        // By file and first line: a literal's origin spans its lines, the JPA reader's names the line it starts on.
        Set<String> nativeOrigins = new HashSet<>();
        Set<String> nativeStatements = new HashSet<>();
        for (AccessPattern pattern : combined.patterns()) {
            if (pattern.extractor().equals(NATIVE)) {
                nativeOrigins.add(pattern.origin().toString());
                nativeStatements.add(pattern.origin().path() + "\n" + pattern.sql());
            }
        }
        for (UnresolvedSql place : combined.notChecked()) {
            if (place.reason().equals(SpringDataRepositories.UNPARSED_NATIVE)) {
                nativeOrigins.add(place.origin().toString()); // one place, which the literal reader lists again
            }
        }
        if (nativeOrigins.isEmpty()) {
            return combined;
        }
        List<AccessPattern> patterns = combined.patterns().stream()
                .filter(p -> !GENERIC_LITERALS.contains(p.extractor()) || !(nativeOrigins.contains(p.origin().toString())
                        || nativeStatements.contains(p.origin().path() + "\n" + SpringDataRepositories.nativeSql(p.sql(), ""))))
                .toList();
        List<UnresolvedSql> notChecked = combined.notChecked().stream()
                .filter(u -> !nativeOrigins.contains(u.origin().toString()) || !u.fragment().startsWith("\"")
                        || u.reason().equals(SpringDataRepositories.UNPARSED_NATIVE))
                .toList();
        return new ExtractionResult(patterns, notChecked, combined.warnings(), combined.reads());
    }

    /**
     * Whether a file may hold a mapping or a repository: JPA and Spring Data need their annotations or types, whose
     * names these are, and a repository extends some {@code ...Repository<...>} (Spring Data's or the team's own base).
     * Most files of a service (controllers, services, plain DAOs) need no second parse.
     */
    private static boolean mayMap(String text) {
        return text.contains("persistence") || text.contains("springframework.data") || text.contains("@Entity")
                || text.contains("@Embeddable") || text.contains("@MappedSuperclass")
                || REPOSITORY_INTERFACE.matcher(text).find()
                // constants that queries are written with (hmcts' QueryConstants, OpenLMIS's RepositoryConstants, an
                // interface's), or that fill a query's values (ccd's FieldTypeUtils.PREDEFINED_COMPLEX_ADDRESS_GLOBAL)
                || (text.contains("static final String") || text.contains("interface "))
                && QUERY_TEXT.matcher(text).find()
                || text.length() <= MAX_CONSTANTS_CHARS && text.contains("public static final String");
    }

    // A Java file that does not parse is reported by the string extractor already; repeat it only when it matters here.
    private static boolean mentionsJpa(String text) {
        return text.contains("persistence") || text.contains("springframework.data");
    }
}
