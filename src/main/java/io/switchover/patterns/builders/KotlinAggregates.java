package io.switchover.patterns.builders;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.switchover.patterns.jpa.KotlinClasses.KotlinClass;
import io.switchover.patterns.jpa.KotlinClasses.Property;
import io.switchover.patterns.jpa.KotlinClasses;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spring Data JDBC aggregates written in Kotlin: classes annotated with Spring Data Relational's {@code @Table}, and
 * the domain types of the service's Kotlin repository interfaces (a Spring Data repository among their supertypes,
 * directly or through the service's own base interfaces), mapped as
 * {@link SpringDataJdbcAggregates} maps Java ones. A file that imports JPA or another store's mapping is left to its
 * reader. A domain type written in Java is mapped by {@link SpringDataJdbcAggregates}, which issues its statements
 * itself when it is annotated {@code @Table}. The statements are those of {@link AggregateStatements}, at the class;
 * derived queries at the function.
 */
final class KotlinAggregates {
    private static final Set<String> COLLECTIONS = Set.of("List", "Set", "Collection", "Iterable", "SortedSet",
            "Map", "SortedMap", "MutableList", "MutableSet", "MutableMap", "MutableCollection");
    private static final List<String> OTHER_STORES = List.of("persistence", "mongodb", "elasticsearch", "cassandra",
            "neo4j", "redis", "couchbase", "io.micronaut.data", "org.jetbrains.exposed");
    private static final int MAX_NESTING = 6;

    private final KotlinTypes types;
    private final MappedTypes java;

    /**
     * @param sources path to text of the service's Kotlin files
     * @param javaUnits the service's parsed Java files, for domain types written in Java
     */
    KotlinAggregates(Map<String, String> sources, Map<String, CompilationUnit> javaUnits) {
        this.types = new KotlinTypes(sources);
        this.java = new MappedTypes(javaUnits);
    }

    ExtractionResult extract() {
        Map<Object, Aggregate> aggregates = new LinkedHashMap<>();
        Set<Aggregate> issuedByJavaReader = new HashSet<>();
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        types.tables().stream().filter(KotlinAggregates::isAggregate)
                .forEach(t -> aggregates.computeIfAbsent(t, k -> aggregate(t)));
        for (KotlinClass repository : types.interfaces()) {
            if (!repository.isInterface() || repository.annotation("NoRepositoryBean").isPresent()) {
                continue;
            }
            Optional<String> name = domainType(repository, 0);
            Optional<KotlinClass> domain = name.flatMap(types::byName).filter(KotlinAggregates::isAggregate);
            Optional<TypeDeclaration<?>> javaDomain = domain.isPresent() ? Optional.empty()
                    : name.flatMap(n -> java.entityType(new ClassOrInterfaceType(null, n)))
                    .filter(SpringDataJdbcAggregates::isAggregate);
            if (domain.isEmpty() && javaDomain.isEmpty()) {
                continue;
            }
            Aggregate aggregate = domain.isPresent()
                    ? aggregates.computeIfAbsent(domain.get(), t -> aggregate(domain.get()))
                    : aggregates.computeIfAbsent(javaDomain.get(),
                    t -> SpringDataJdbcAggregates.aggregate(java, javaDomain.get()));
            if (javaDomain.isPresent() && javaDomain.get().isAnnotationPresent("Table")) {
                issuedByJavaReader.add(aggregate);
            }
            for (KotlinClasses.Function function : repository.functions()) {
                if (function.hasBody() || function.annotations().stream().anyMatch(a -> a.endsWith("Query"))
                        || !AggregateStatements.isDerived(function.name())) {
                    continue;
                }
                Origin at = new Origin(repository.path(), function.line());
                Optional<String> sql = AggregateStatements.derived(aggregate, function.name());
                if (sql.isPresent()) {
                    patterns.add(new AccessPattern(sql.get(), at, SpringDataJdbcAggregates.ID));
                } else {
                    notChecked.add(new UnresolvedSql(at, function.name() + "(...)",
                            "a derived query over a property " + aggregate.typeName() + " does not map to a column"));
                }
            }
        }
        AggregateStatements statements = new AggregateStatements(SpringDataJdbcAggregates.ID);
        aggregates.values().stream().filter(a -> !issuedByJavaReader.contains(a))
                .forEach(a -> patterns.addAll(statements.of(a)));
        return new ExtractionResult(patterns, notChecked, List.of());
    }

    /** The simple name of the first type argument of the Spring Data repository the interface reaches. */
    private Optional<String> domainType(KotlinClass repository, int depth) {
        for (KotlinClasses.Type parent : repository.supertypes()) {
            boolean spring = SpringDataJdbcAggregates.REPOSITORIES.contains(parent.simpleName());
            boolean reaches = !spring && depth < MAX_NESTING && types.byName(parent.simpleName())
                    .filter(KotlinClass::isInterface).flatMap(base -> domainType(base, depth + 1)).isPresent();
            if ((spring || reaches) && !parent.arguments().isEmpty()) {
                return Optional.of(parent.arguments().get(0).simpleName());
            }
        }
        return Optional.empty();
    }

    /**
     * Not JPA's or another store's, and with an id ({@code @Id}, or a property named {@code id}): a class without one
     * is the result of a repository's {@code @Query}, not a table.
     */
    static boolean isAggregate(KotlinClass domain) {
        boolean id = domain.properties().stream()
                .anyMatch(p -> p.annotation("Id").isPresent() || p.name().equals("id"));
        return id && !domain.isInterface() && domain.annotation("Entity").isEmpty()
                && domain.annotation("MappedEntity").isEmpty() && domain.annotation("Document").isEmpty()
                && domain.imports().stream().noneMatch(i -> OTHER_STORES.stream().anyMatch(i::contains));
    }

    private Aggregate aggregate(KotlinClass type) {
        String table = tableOf(type);
        List<Aggregate.Column> columns = new ArrayList<>();
        List<Aggregate.Child> children = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        map(type, "", table, columns, children, properties, 0);
        return new Aggregate(type.path(), type.name(), table, type.line(), columns, children, properties);
    }

    private static String tableOf(KotlinClass type) {
        Optional<KotlinClasses.Annotation> table = type.annotation("Table");
        String name = table.flatMap(t -> t.string("value").or(() -> t.string("name")))
                .filter(s -> !s.isEmpty()).orElse(MappedTypes.snake(type.name()));
        return table.flatMap(t -> t.string("schema")).filter(s -> !s.isEmpty()).map(s -> s + ".").orElse("") + name;
    }

    private void map(KotlinClass type, String prefix, String table, List<Aggregate.Column> columns,
                     List<Aggregate.Child> children, Map<String, String> properties, int depth) {
        for (Property property : type.properties()) {
            if (property.annotation("Transient").isPresent()) {
                continue;
            }
            Optional<KotlinClasses.Annotation> embedded = property.annotations().stream()
                    .filter(a -> a.name().startsWith("Embedded") || a.name().contains(".Embedded")).findFirst();
            Optional<KotlinClass> target = types.entity(property.type().simpleName());
            if (embedded.isPresent() && target.isPresent() && depth < MAX_NESTING) {
                String inner = embedded.get().string("prefix").orElse("");
                Map<String, String> nested = new LinkedHashMap<>();
                map(target.get(), prefix + inner, table, columns, children, nested, depth + 1);
                MappedTypes.embeddedProperties(property.name(), nested, properties);
                continue;
            }
            boolean collection = COLLECTIONS.contains(property.type().simpleName());
            Optional<KotlinClass> held = collection
                    ? property.type().arguments().stream().reduce((a, b) -> b)
                    .flatMap(e -> types.entity(e.simpleName()))
                    : target.filter(t -> t.properties().stream().anyMatch(p -> p.annotation("Id").isPresent()));
            if (held.isPresent() && depth < MAX_NESTING) {
                children.add(child(property, held.get(), table, collection, depth));
                continue;
            }
            if (collection) {
                continue; // simple values: not a column Spring Data JDBC maps portably
            }
            String column = prefix + property.annotation("Column").flatMap(c -> c.string("value")
                    .or(() -> c.string("name"))).filter(s -> !s.isEmpty()).orElse(MappedTypes.snake(property.name()));
            boolean id = property.annotation("Id").isPresent();
            boolean readOnly = property.annotation("ReadOnlyProperty").isPresent();
            columns.add(new Aggregate.Column(column, id, false, property.annotation("Version").isPresent(), !readOnly,
                    !readOnly && property.annotation("InsertOnlyProperty").isEmpty(), property.line()));
            properties.put(property.name(), column);
        }
    }

    private Aggregate.Child child(Property property, KotlinClass held, String table, boolean collection, int depth) {
        Optional<KotlinClasses.Annotation> mapped = property.annotation("MappedCollection");
        String bare = table.substring(table.lastIndexOf('.') + 1);
        String backReference = mapped.flatMap(c -> c.string("idColumn")).filter(s -> !s.isEmpty()).orElse(bare);
        String kind = property.type().simpleName();
        boolean keyed = collection && (kind.endsWith("List") || kind.endsWith("Map"));
        String key = keyed ? mapped.flatMap(c -> c.string("keyColumn")).filter(s -> !s.isEmpty())
                .orElse(bare + "_key") : null;
        String childTable = tableOf(held);
        List<Aggregate.Column> childColumns = new ArrayList<>();
        List<Aggregate.Child> grandchildren = new ArrayList<>();
        map(held, "", childTable, childColumns, grandchildren, new HashMap<>(), depth + 1);
        return new Aggregate.Child(childTable, childColumns, backReference, key, property.line(), grandchildren);
    }
}
