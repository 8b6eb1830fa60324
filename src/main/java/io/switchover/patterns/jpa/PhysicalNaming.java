package io.switchover.patterns.jpa;

import java.util.Locale;

/**
 * How Hibernate turns the logical names of a mapping (attribute names, entity names, {@code @Column(name)}) into the
 * names it sends to the database. Quoted names ({@code `Name`} or {@code "\"Name\""} in the annotation) are kept
 * exactly under both.
 */
public enum PhysicalNaming {
    /**
     * Spring Boot's defaults up to its 3.x: {@code CamelCaseToUnderscoresNamingStrategy} of Hibernate 5 and 6 (Spring
     * Boot 2's {@code SpringPhysicalNamingStrategy}, Hibernate 4's {@code ImprovedNamingStrategy}): dots become
     * underscores, an underscore goes before an upper-case letter that has a lower-case letter before it and after it
     * ({@code hitsIn7Days} is {@code hits_in7days}), and the result is lower-cased; explicit names are converted too.
     * Join tables are named the Spring way ({@code SpringImplicitNamingStrategy}): owner table, underscore, owning
     * attribute.
     */
    SPRING,
    /**
     * Spring Boot 4's, on Hibernate 7: {@code PhysicalNamingStrategySnakeCaseImpl} (and
     * {@code CamelCaseToUnderscoresNamingStrategy}, which extends it there), as {@link #SPRING} but a digit counts as
     * a lower-case letter on either side ({@code hitsIn7Days} is {@code hits_in7_days}).
     */
    SNAKE_CASE,
    /**
     * Hibernate's own defaults: {@code PhysicalNamingStrategyStandardImpl} keeps the logical name, and
     * {@code ImplicitNamingStrategyJpaCompliantImpl} names join tables owner table, underscore, target table.
     */
    AS_IS;

    /** This naming as the Hibernate of major version {@code hibernate} applies it, where that is known. */
    PhysicalNaming onHibernate(java.util.OptionalInt hibernate) {
        return this == SPRING && hibernate.isPresent() && hibernate.getAsInt() >= 7 ? SNAKE_CASE : this;
    }

    /** The physical name of a logical one, as it is written in SQL (quoted names in double quotes). */
    String physical(String logical) {
        String name = logical.strip();
        if (isQuoted(name)) {
            return "\"" + name.substring(1, name.length() - 1) + "\"";
        }
        return this == AS_IS ? name : snakeCase(name).toLowerCase(Locale.ROOT);
    }

    /** The default name of a join table, from the owning entity's physical table and the other side. */
    String joinTable(String ownerPhysicalTable, String owningAttribute, String targetPhysicalTable) {
        String owner = unquote(ownerPhysicalTable);
        String logical = this != AS_IS ? owner + "_" + owningAttribute : owner + "_" + unquote(targetPhysicalTable);
        return physical(logical);
    }

    static boolean isQuoted(String name) {
        return name.length() >= 2 && ((name.startsWith("`") && name.endsWith("`"))
                || (name.startsWith("\"") && name.endsWith("\"")));
    }

    private static String unquote(String name) {
        return isQuoted(name) ? name.substring(1, name.length() - 1) : name;
    }

    private String snakeCase(String name) {
        StringBuilder builder = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < builder.length() - 1; i++) {
            if (underscoreBetween(builder.charAt(i - 1), builder.charAt(i), builder.charAt(i + 1))) {
                builder.insert(i++, '_');
            }
        }
        return builder.toString();
    }

    private boolean underscoreBetween(char before, char current, char after) {
        return Character.isUpperCase(current) && lowerOrDigit(before) && lowerOrDigit(after);
    }

    private boolean lowerOrDigit(char c) {
        return Character.isLowerCase(c) || this == SNAKE_CASE && Character.isDigit(c);
    }
}
