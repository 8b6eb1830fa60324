package io.switchover.patterns.jpa;

import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The queries of Spring Data repositories: interfaces that extend {@code Repository} or one of its sub-interfaces
 * (directly or through a base interface of the service) with the entity as first type argument. Each query method
 * becomes statements: {@code @Query(nativeQuery = true)} as written ({@value JpaExtractor#NATIVE}), JPQL
 * {@code @Query} through {@link JpqlTranslator} ({@value JpaExtractor#JPQL}), derived query methods through
 * {@link DerivedQueries} ({@value JpaExtractor#DERIVED}); JPQL {@code @NamedQuery}s of entities likewise
 * ({@value JpaExtractor#NAMED}).
 */
final class SpringDataRepositories {
    /** Why a native query is not checked where JSqlParser cannot read it (in a check the database still may). */
    static final String UNPARSED_NATIVE = "JSqlParser cannot parse the native query";
    private static final Set<String> REPOSITORIES = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository", "JpaRepository", "JpaRepositoryImplementation",
            "RevisionRepository", "CoroutineCrudRepository", "KotlinRepository");
    private static final Pattern POSITIONAL = Pattern.compile("\\?\\d+");
    private static final Pattern SPEL_PARAMETER = Pattern.compile("[:?]#\\{[^}]*}");

    private final EntityModel model;
    private final SqlStatementClassifier classifier;
    private final JpqlTranslator jpql;
    private final DerivedQueries derived;

    SpringDataRepositories(EntityModel model, SqlStatementClassifier classifier) {
        this.model = model;
        this.classifier = classifier;
        QueryPaths paths = new QueryPaths(model);
        this.jpql = new JpqlTranslator(model, paths);
        this.derived = new DerivedQueries(paths);
    }

    /** Statements and unresolved queries of one type (a repository interface or an entity with named queries). */
    void extract(SourceType type, List<AccessPattern> patterns, List<UnresolvedSql> notChecked) {
        if (EntityModel.isEntity(type)) {
            namedQueries(type, patterns, notChecked);
            return;
        }
        if (!type.isInterface() || type.has("NoRepositoryBean")) {
            return;
        }
        Optional<TypeRef> domain = domainType(type, new HashSet<>());
        if (domain.isEmpty()) {
            return;
        }
        Optional<EntityMapping> entity = model.entity(domain.get(), type);
        if (entity.isEmpty()) {
            if (mappedByAnotherStore(domain.get(), type)) {
                return; // Spring Data JDBC's or Micronaut Data's: patterns.builders reads it
            }
            notChecked.add(new UnresolvedSql(type.origin(), "interface " + type.name(),
                    "repository of " + domain.get().name() + ", which is not an @Entity in the sources"));
            return;
        }
        for (SourceMethod method : type.methods()) {
            Optional<SourceAnnotation> query = method.annotation("Query");
            if (query.isPresent()) {
                query(type, entity.get(), method, query.get(), patterns, notChecked);
            } else if (!method.hasBody() && DerivedQueries.isDerived(method.name())
                    && !hasNamedQuery(entity.get(), method.name())) {
                Translation translation = derived.translate(entity.get(), method.name());
                report(translation, type.origin(method.line()), JpaExtractor.DERIVED, method.name() + "(...)",
                        patterns, notChecked);
            }
        }
    }

    /** A domain type mapped with Spring Data's own annotations or Micronaut Data's, not JPA's. */
    private boolean mappedByAnotherStore(TypeRef domain, SourceType repository) {
        if (repository.imports().stream().anyMatch(i -> i.startsWith("io.micronaut.data"))) {
            return true;
        }
        return model.index().resolve(domain, repository).filter(t -> t.has("MappedEntity")
                || t.imports().stream().anyMatch(i -> i.startsWith("org.springframework.data.annotation")
                || i.startsWith("org.springframework.data.relational") || i.startsWith("io.micronaut.data"))).isPresent();
    }

    private Optional<TypeRef> domainType(SourceType type, Set<String> seen) {
        Optional<SourceAnnotation> definition = type.annotation("RepositoryDefinition");
        if (definition.isPresent() && definition.get().value("domainClass").orElse(null)
                instanceof SourceAnnotation.Symbol symbol) {
            return Optional.of(new TypeRef(symbol.text(), List.of()));
        }
        if (!seen.add(type.qualifiedName())) {
            return Optional.empty();
        }
        for (TypeRef parent : type.interfaces()) {
            if (REPOSITORIES.contains(parent.simpleName()) && !parent.arguments().isEmpty()) {
                return Optional.of(parent.arguments().get(0));
            }
            Optional<SourceType> base = model.index().resolve(parent, type).filter(SourceType::isInterface);
            if (base.isPresent() && domainType(base.get(), seen).isPresent()) {
                // A generic base repository: the domain type is this interface's first type argument to it.
                Optional<TypeRef> inherited = domainType(base.get(), new HashSet<>());
                boolean generic = inherited.isPresent() && inherited.get().name().length() == 1;
                return generic && !parent.arguments().isEmpty() ? Optional.of(parent.arguments().get(0)) : inherited;
            }
        }
        return Optional.empty();
    }

    private void query(SourceType type, EntityMapping entity, SourceMethod method, SourceAnnotation query,
                       List<AccessPattern> patterns, List<UnresolvedSql> notChecked) {
        boolean nativeQuery = query.flag("nativeQuery", false);
        for (String key : List.of("value", "countQuery")) {
            if (!query.values().containsKey(key)) {
                continue;
            }
            Origin origin = type.origin(query.lineOf(key));
            Optional<String> text = model.index().string(query.values().get(key), type);
            String fragment = "@Query on " + method.name() + "(...)";
            if (text.isEmpty()) {
                notChecked.add(new UnresolvedSql(origin, fragment, "the query text is built from something not known "
                        + "at compile time"));
                continue;
            }
            if (nativeQuery) {
                String sql = nativeSql(text.get(), entity.entityName());
                if (classifier.isSql(sql)) {
                    patterns.add(new AccessPattern(sql, origin, JpaExtractor.NATIVE));
                } else {
                    notChecked.add(new UnresolvedSql(origin, fragment, UNPARSED_NATIVE));
                }
            } else {
                report(jpql.translate(text.get().strip(), entity.entityName()), origin, JpaExtractor.JPQL, fragment,
                        patterns, notChecked);
            }
        }
    }

    /** What Spring Data sends for a native query: {@code ?1} as {@code ?}, {@code #{#entityName}} filled in. */
    static String nativeSql(String text, String entityName) {
        String sql = text.strip().replace("#{#entityName}", entityName);
        sql = SPEL_PARAMETER.matcher(sql).replaceAll("?");
        return POSITIONAL.matcher(sql).replaceAll("?");
    }

    private void namedQueries(SourceType entity, List<AccessPattern> patterns, List<UnresolvedSql> notChecked) {
        List<SourceAnnotation> named = new ArrayList<>(entity.annotation("NamedQueries")
                .map(a -> a.annotations("value")).orElse(List.of()));
        entity.annotation("NamedQuery").ifPresent(named::add);
        String entityName = model.entity(entity.qualifiedName()).map(EntityMapping::entityName).orElse(entity.name());
        for (SourceAnnotation query : named) {
            Origin origin = entity.origin(query.lineOf("query"));
            String name = model.index().string(query.values().get("name"), entity).orElse("?");
            Optional<String> text = model.index().string(query.values().get("query"), entity);
            if (text.isEmpty()) {
                notChecked.add(new UnresolvedSql(origin, "@NamedQuery " + name, "the query text is not known at compile time"));
                continue;
            }
            report(jpql.translate(text.get().strip(), entityName), origin, JpaExtractor.NAMED, "@NamedQuery " + name,
                    patterns, notChecked);
        }
    }

    private boolean hasNamedQuery(EntityMapping entity, String method) {
        List<SourceAnnotation> named = new ArrayList<>(entity.type().annotation("NamedQueries")
                .map(a -> a.annotations("value")).orElse(List.of()));
        entity.type().annotation("NamedQuery").ifPresent(named::add);
        String wanted = entity.entityName() + "." + method;
        return named.stream().anyMatch(q -> model.index().string(q.values().get("name"), entity.type())
                .filter(wanted::equals).isPresent());
    }

    private void report(Translation translation, Origin origin, String extractor, String fragment,
                        List<AccessPattern> patterns, List<UnresolvedSql> notChecked) {
        List<String> statements = new ArrayList<>();
        for (String sql : translation.statements()) {
            if (classifier.isSql(sql)) {
                statements.add(sql);
            }
        }
        statements.forEach(sql -> patterns.add(new AccessPattern(sql, origin, extractor)));
        if (statements.isEmpty() || !translation.problems().isEmpty()) {
            String reason = translation.problems().isEmpty() ? "cannot translate it to SQL"
                    : String.join("; ", translation.problems());
            notChecked.add(new UnresolvedSql(origin, fragment,
                    statements.isEmpty() ? reason : "partly checked: " + reason));
        }
    }
}
