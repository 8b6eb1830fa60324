package io.switchover.patterns;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Which major version of Hibernate a service builds with, as its build files ({@link BuildFiles}) say: a version of
 * {@code hibernate-core} itself, else of Spring Boot, whose 1.x and 2.x bring Hibernate 5, 3.x Hibernate 6 and 4.x
 * Hibernate 7. It matters where the generations name columns differently (Hibernate 7 puts an underscore after a
 * digit: {@code in7Days} is {@code in7_days} there and {@code in7days} before).
 */
public final class HibernateGeneration {
    private static final Pattern HIBERNATE = Pattern.compile(
            "<artifactId>hibernate-core(?:-jakarta)?</artifactId>\\s*<version>\\s*([^<\\s]+)"
                    + "|<hibernate(?:-orm)?\\.version>\\s*([^<\\s]+)"
                    + "|org\\.hibernate(?:\\.orm)?:hibernate-core(?:-jakarta)?:([\\w.$}{-]+)"
                    + "|(?m:^\\s*hibernate(?:-orm|Orm|-core|Core)?(?:\\.version|Version)?\\s*=\\s*" + BuildFiles.VERSION + ")"
                    + "|set\\(\\s*\"hibernate\\.version\"\\s*,\\s*\"([^\"]+)\"");

    private HibernateGeneration() {
    }

    /** The major version of Hibernate the build names, if it names one. */
    public static OptionalInt of(BuildFiles build) {
        OptionalInt hibernate = build.major(HIBERNATE);
        if (hibernate.isPresent()) {
            return hibernate;
        }
        OptionalInt boot = build.springBoot();
        if (boot.isEmpty()) {
            return OptionalInt.empty();
        }
        int major = boot.getAsInt();
        return OptionalInt.of(major <= 2 ? 5 : major + 3);
    }
}
