package io.switchover.patterns.builders;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
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
 * Micronaut Data JDBC entities: classes and records annotated {@code @MappedEntity} ({@code @MappedEntity("name")}
 * or the class name in snake case, Micronaut's {@code UnderScoreSeparatedLowerCase}), their {@code @MappedProperty}
 * columns (else the property in snake case), {@code @Id} ({@code @GeneratedValue} ones left out of INSERTs),
 * {@code @Version}, {@code @Transient}; a {@code @Relation(MANY_TO_ONE)} or {@code ONE_TO_ONE} property is its
 * {@code <property>_id} column, other relations live in other tables. The statements are those of
 * {@link AggregateStatements}, at the class; derived query methods of {@code @JdbcRepository} interfaces
 * ({@code CrudRepository<Entity, Id>} and kin) at the method. {@code @Query} strings are SQL the generic extractor
 * reads.
 */
public final class MicronautDataEntities {
    public static final String ID = "micronaut-data";
    private static final Set<String> REPOSITORIES = Set.of("GenericRepository", "CrudRepository", "PageableRepository",
            "JpaRepository", "ReactiveStreamsCrudRepository", "ReactorCrudRepository", "CoroutineCrudRepository",
            "AsyncCrudRepository", "ReactorPageableRepository", "ReactiveStreamsPageableRepository");

    /** The statements of every {@code @MappedEntity} among the parsed files, path to tree. */
    public ExtractionResult extract(Map<String, CompilationUnit> units) {
        boolean usesMicronaut = units.values().stream().anyMatch(u -> u.getImports().stream()
                .anyMatch(i -> i.getNameAsString().startsWith("io.micronaut.data")));
        if (!usesMicronaut) {
            return ExtractionResult.empty();
        }
        MappedTypes types = new MappedTypes(units);
        Map<TypeDeclaration<?>, Aggregate> entities = new LinkedHashMap<>();
        for (CompilationUnit unit : units.values()) {
            for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
                if (type.isAnnotationPresent("MappedEntity")) {
                    entities.put(type, entity(types, type));
                }
            }
        }
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        for (Map.Entry<String, CompilationUnit> unit : units.entrySet()) {
            for (ClassOrInterfaceDeclaration repository : unit.getValue().findAll(ClassOrInterfaceDeclaration.class,
                    c -> c.isInterface() || c.isAbstract())) {
                Optional<Aggregate> entity = domainType(repository, types).map(entities::get);
                if (entity.isEmpty()) {
                    continue;
                }
                for (MethodDeclaration method : repository.getMethods()) {
                    if (method.isAnnotationPresent("Query") || method.getBody().isPresent()
                            || !AggregateStatements.isDerived(method.getNameAsString())) {
                        continue;
                    }
                    Origin at = new Origin(unit.getKey(), MappedTypes.line(method.getName()));
                    Optional<String> sql = AggregateStatements.derived(entity.get(), method.getNameAsString());
                    if (sql.isPresent()) {
                        patterns.add(new AccessPattern(sql.get(), at, ID));
                    } else {
                        notChecked.add(new UnresolvedSql(at, method.getNameAsString() + "(...)",
                                "a derived query over a property " + entity.get().typeName() + " does not map to a column"));
                    }
                }
            }
        }
        AggregateStatements statements = new AggregateStatements(ID);
        entities.values().forEach(e -> patterns.addAll(statements.of(e)));
        return new ExtractionResult(patterns, notChecked, List.of());
    }

    private static Optional<TypeDeclaration<?>> domainType(ClassOrInterfaceDeclaration repository, MappedTypes types) {
        List<ClassOrInterfaceType> parents = new ArrayList<>(repository.getExtendedTypes());
        parents.addAll(repository.getImplementedTypes());
        for (ClassOrInterfaceType parent : parents) {
            if (REPOSITORIES.contains(parent.getNameAsString()) && parent.getTypeArguments().isPresent()
                    && parent.getTypeArguments().get().isNonEmpty()) {
                return types.entityType(parent.getTypeArguments().get().get(0));
            }
        }
        return Optional.empty();
    }

    private static Aggregate entity(MappedTypes types, TypeDeclaration<?> type) {
        AnnotationExpr mapped = type.getAnnotationByName("MappedEntity").orElseThrow();
        String schema = MappedTypes.string(mapped, "schema").map(s -> s + ".").orElse("");
        String table = schema + MappedTypes.string(mapped, "value").orElse(MappedTypes.snake(type.getNameAsString()));
        List<Aggregate.Column> columns = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (MappedTypes.Property property : types.properties(type)) {
            if (property.isTransient() || property.has("Transient")) {
                continue;
            }
            Optional<AnnotationExpr> relation = property.annotation("Relation");
            String column;
            if (relation.isPresent()) {
                String kind = relation.flatMap(r -> MappedTypes.value(r, "value")).map(Expression::toString).orElse("");
                if (!kind.endsWith("MANY_TO_ONE") && !kind.endsWith("ONE_TO_ONE")) {
                    continue; // one-to-many, many-to-many, embedded: columns of other tables or of the value's type
                }
                column = property.annotation("MappedProperty").flatMap(p -> MappedTypes.string(p, "value"))
                        .orElse(MappedTypes.snake(property.name()) + "_id");
            } else {
                column = property.annotation("MappedProperty").flatMap(p -> MappedTypes.string(p, "value"))
                        .orElse(MappedTypes.snake(property.name()));
            }
            boolean id = property.has("Id");
            columns.add(new Aggregate.Column(column, id, id && property.has("GeneratedValue"), property.has("Version"),
                    true, true, property.line()));
            properties.put(property.name(), column);
        }
        return new Aggregate(types.path(type), type.getNameAsString(), table, MappedTypes.line(type.getName()), columns,
                List.of(), properties);
    }
}
