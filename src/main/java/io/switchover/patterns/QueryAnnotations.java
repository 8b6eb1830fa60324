package io.switchover.patterns;

import java.util.List;

/**
 * Whose {@code @Query} a file uses. Spring Data JPA's, JPA's {@code @NamedQuery} and Micronaut Data JPA's hold JPQL
 * (unless {@code nativeQuery = true}), which names entities and is read by the JPA reader; every other library's
 * ({@code ch.digitalfondue.npjt}, Spring Data JDBC, Micronaut Data JDBC, the team's own) holds SQL.
 */
public final class QueryAnnotations {
    private static final List<String> JPQL_PACKAGES = List.of("org.springframework.data.jpa.", "javax.persistence.",
            "jakarta.persistence.", "org.hibernate.", "io.micronaut.data.jpa.", "io.quarkus.hibernate.");

    private QueryAnnotations() {
    }

    /**
     * @param imports the file's imports, {@code a.b.*} for a wildcard
     * @param source  the file's text, for a file that imports no {@code Query} (its own package's, or fully qualified)
     */
    public static boolean holdJpql(List<String> imports, String source) {
        boolean importsQuery = false;
        for (String name : imports) {
            boolean query = name.endsWith(".Query") || name.endsWith(".NamedQuery") || name.endsWith(".NamedQueries");
            boolean jpa = JPQL_PACKAGES.stream().anyMatch(name::startsWith);
            if (query && jpa || name.endsWith(".*") && jpa) {
                return true;
            }
            importsQuery |= query;
        }
        return !importsQuery && JPQL_PACKAGES.stream().anyMatch(p -> source.contains(p.substring(0, p.length() - 1)));
    }
}
