package io.switchover.patterns.builders;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spring Data JDBC aggregates: classes and records annotated {@code @Table} (Spring Data Relational's, not JPA's) or
 * managed by a {@code CrudRepository} of a service that uses Spring Data JDBC, and not JPA {@code @Entity}s. Names
 * follow its default {@code NamingStrategy}: the class {@code PersonAddress} is table {@code person_address}, the
 * property {@code fullName} column {@code full_name}, unless {@code @Table}/{@code @Column} say otherwise. An entity
 * the aggregate holds (a property of a class of the sources, or a {@code Set}, {@code List} or {@code Map} of them)
 * lives in its own table, with a back-reference column named as the aggregate's table (and for a list or map a key
 * column {@code <table>_key}) unless {@code @MappedCollection(idColumn, keyColumn)} names them. {@code @Embedded}
 * values add their columns with the prefix given. The statements are those of {@link AggregateStatements}, at the
 * class (and the holding property); derived query methods of the repositories at the method. {@code @Query} strings
 * are SQL the generic extractor reads.
 */
public final class SpringDataJdbcAggregates {
    public static final String ID = "spring-data-jdbc";
    static final Set<String> REPOSITORIES = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository");
    private static final int MAX_NESTING = 6;

    /** The statements of every aggregate among the parsed files, path to tree. */
    public ExtractionResult extract(Map<String, CompilationUnit> units) {
        MappedTypes types = new MappedTypes(units);
        Map<TypeDeclaration<?>, Aggregate> aggregates = new LinkedHashMap<>();
        for (Map.Entry<String, CompilationUnit> unit : units.entrySet()) {
            boolean relational = unit.getValue().getImports().stream()
                    .anyMatch(i -> i.getNameAsString().startsWith("org.springframework.data.relational"));
            for (TypeDeclaration<?> type : unit.getValue().findAll(TypeDeclaration.class)) {
                Optional<AnnotationExpr> table = type.getAnnotationByName("Table");
                boolean ours = table.isPresent() && (relational
                        || table.get().getNameAsString().startsWith("org.springframework.data.relational"));
                if (ours && !type.isAnnotationPresent("Entity")) {
                    aggregates.computeIfAbsent(type, t -> aggregate(types, t));
                }
            }
        }
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        for (Map.Entry<String, CompilationUnit> unit : units.entrySet()) {
            for (ClassOrInterfaceDeclaration repository : unit.getValue().findAll(ClassOrInterfaceDeclaration.class,
                    ClassOrInterfaceDeclaration::isInterface)) {
                Optional<TypeDeclaration<?>> domain = domainType(repository, types);
                if (domain.isEmpty() || !isAggregate(domain.get())) {
                    continue;
                }
                Aggregate aggregate = aggregates.computeIfAbsent(domain.get(), t -> aggregate(types, t));
                for (MethodDeclaration method : repository.getMethods()) {
                    if (method.isAnnotationPresent("Query") || method.getBody().isPresent()
                            || !AggregateStatements.isDerived(method.getNameAsString())) {
                        continue;
                    }
                    Origin at = new Origin(unit.getKey(), MappedTypes.line(method.getName()));
                    Optional<String> sql = AggregateStatements.derived(aggregate, method.getNameAsString());
                    if (sql.isPresent()) {
                        patterns.add(new AccessPattern(sql.get(), at, ID));
                    } else {
                        notChecked.add(new UnresolvedSql(at, method.getNameAsString() + "(...)",
                                "a derived query over a property " + aggregate.typeName() + " does not map to a column"));
                    }
                }
            }
        }
        AggregateStatements statements = new AggregateStatements(ID);
        aggregates.values().forEach(a -> patterns.addAll(statements.of(a)));
        return new ExtractionResult(patterns, notChecked, List.of());
    }

    /**
     * A repository's domain type is Spring Data JDBC's when its file uses Spring Data's own mapping annotations
     * ({@code org.springframework.data.annotation.Id}, the relational {@code @Table}) and no other store's.
     */
    static boolean isAggregate(TypeDeclaration<?> domain) {
        if (domain.isAnnotationPresent("Entity") || domain.isAnnotationPresent("MappedEntity")
                || domain.isAnnotationPresent("Document")) {
            return false;
        }
        List<String> imports = domain.findCompilationUnit().map(u -> u.getImports().stream()
                .map(i -> i.getNameAsString()).toList()).orElse(List.of());
        boolean spring = imports.stream().anyMatch(i -> i.startsWith("org.springframework.data.annotation")
                || i.startsWith("org.springframework.data.relational"));
        boolean otherStore = imports.stream().anyMatch(i -> i.contains("persistence") || i.contains("mongodb")
                || i.contains("elasticsearch") || i.contains("cassandra") || i.contains("neo4j")
                || i.contains("redis") || i.contains("couchbase"));
        return spring && !otherStore;
    }

    /** The first type argument of a Spring Data repository the interface extends. */
    static Optional<TypeDeclaration<?>> domainType(ClassOrInterfaceDeclaration repository, MappedTypes types) {
        for (ClassOrInterfaceType parent : repository.getExtendedTypes()) {
            if (REPOSITORIES.contains(parent.getNameAsString()) && parent.getTypeArguments().isPresent()
                    && parent.getTypeArguments().get().isNonEmpty()) {
                return types.entityType(parent.getTypeArguments().get().get(0));
            }
        }
        return Optional.empty();
    }

    static Aggregate aggregate(MappedTypes types, TypeDeclaration<?> type) {
        String table = tableOf(type);
        Map<String, String> properties = new LinkedHashMap<>();
        List<Aggregate.Column> columns = new ArrayList<>();
        List<Aggregate.Child> children = new ArrayList<>();
        boolean assignedIds = type instanceof ClassOrInterfaceDeclaration c
                && c.getImplementedTypes().stream().anyMatch(t -> t.getNameAsString().equals("Persistable"));
        map(types, type, table, "", columns, children, properties, assignedIds, 0);
        return new Aggregate(types.path(type), type.getNameAsString(), table, MappedTypes.line(type.getName()), columns,
                children, properties);
    }

    private static String tableOf(TypeDeclaration<?> type) {
        Optional<AnnotationExpr> table = type.getAnnotationByName("Table");
        String name = table.flatMap(t -> MappedTypes.string(t, "value", "name"))
                .orElse(MappedTypes.snake(type.getNameAsString()));
        String schema = table.flatMap(t -> MappedTypes.string(t, "schema")).map(s -> s + ".").orElse("");
        return schema + name;
    }

    private static void map(MappedTypes types, TypeDeclaration<?> type, String table, String prefix,
                            List<Aggregate.Column> columns, List<Aggregate.Child> children,
                            Map<String, String> properties, boolean assignedIds, int depth) {
        for (MappedTypes.Property property : types.properties(type)) {
            if (property.isTransient() || property.has("Transient")) {
                continue;
            }
            Optional<AnnotationExpr> embedded = property.annotations().stream()
                    .filter(a -> a.getNameAsString().startsWith("Embedded")).findFirst();
            Optional<TypeDeclaration<?>> target = types.entityType(property.type());
            if (embedded.isPresent() && target.isPresent() && depth < MAX_NESTING) {
                String inner = MappedTypes.string(embedded.get(), "prefix").orElse("");
                Map<String, String> nested = new LinkedHashMap<>();
                map(types, target.get(), table, prefix + inner, columns, children, nested, assignedIds, depth + 1);
                MappedTypes.embeddedProperties(property.name(), nested, properties);
                continue;
            }
            Optional<Type> element = MappedTypes.element(property.type());
            Optional<TypeDeclaration<?>> held = element.flatMap(types::entityType)
                    .or(() -> element.isPresent() || property.type().asString().startsWith("AggregateReference")
                            ? Optional.empty() : target);
            if (held.isPresent() && depth < MAX_NESTING) {
                Optional<AnnotationExpr> collection = property.annotation("MappedCollection");
                String backReference = collection.flatMap(c -> MappedTypes.string(c, "idColumn")).orElse(bare(table));
                boolean keyed = element.isPresent()
                        && (MappedTypes.isList(property.type()) || MappedTypes.isMap(property.type()));
                String key = keyed ? collection.flatMap(c -> MappedTypes.string(c, "keyColumn"))
                        .orElse(bare(table) + "_key") : null;
                String childTable = tableOf(held.get());
                List<Aggregate.Column> childColumns = new ArrayList<>();
                List<Aggregate.Child> grandchildren = new ArrayList<>();
                map(types, held.get(), childTable, "", childColumns, grandchildren, new LinkedHashMap<>(), false,
                        depth + 1);
                children.add(new Aggregate.Child(childTable, childColumns, backReference, key, property.line(),
                        grandchildren));
                continue;
            }
            if (element.isPresent()) {
                continue; // a collection of simple values: not a column Spring Data JDBC maps portably
            }
            String column = prefix + property.annotation("Column").flatMap(c -> MappedTypes.string(c, "value", "name"))
                    .orElse(MappedTypes.snake(property.name()));
            boolean id = property.has("Id");
            boolean readOnly = property.has("ReadOnlyProperty");
            columns.add(new Aggregate.Column(column, id, id && !assignedIds, property.has("Version"), !readOnly,
                    !readOnly && !property.has("InsertOnlyProperty"), property.line()));
            properties.put(property.name(), column);
        }
    }

    private static String bare(String table) {
        return table.substring(table.lastIndexOf('.') + 1);
    }
}
