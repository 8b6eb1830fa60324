package io.switchover.patterns.jpa;

import io.switchover.patterns.ServiceConfiguration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical naming a service configures for its JPA provider, where it says one: Spring Boot's
 * {@code spring.jpa.hibernate.naming.physical-strategy} (or Hibernate's own {@code hibernate.physical_naming_strategy},
 * or Spring Boot 1's {@code naming-strategy}), a strategy class of the service's own read as the Hibernate strategy it
 * extends, or EclipseLink as the provider, which names everything as written. Without any of these, Spring Boot's
 * default applies.
 */
record ConfiguredNaming(PhysicalNaming naming, String why) {
    /** Whether the service's own strategy class is read as the one it extends: what it overrides is not applied. */
    boolean partly() {
        return why.contains("is not applied");
    }

    private static final List<String> KEYS = List.of("spring.jpa.hibernate.naming.physical-strategy",
            "spring.jpa.hibernate.naming.physicalStrategy", "spring.jpa.hibernate.naming.physical_strategy",
            "spring.jpa.properties.hibernate.physical_naming_strategy", "hibernate.physical_naming_strategy",
            "spring.jpa.hibernate.naming-strategy", "spring.jpa.hibernate.naming.strategy",
            "spring.jpa.hibernate.namingStrategy", "spring.jpa.hibernate.naming_strategy");
    private static final Map<String, PhysicalNaming> KNOWN = Map.of(
            "PhysicalNamingStrategyStandardImpl", PhysicalNaming.AS_IS,
            "EJB3NamingStrategy", PhysicalNaming.AS_IS,
            "DefaultNamingStrategy", PhysicalNaming.AS_IS,
            "SpringPhysicalNamingStrategy", PhysicalNaming.SPRING,
            "CamelCaseToUnderscoresNamingStrategy", PhysicalNaming.SPRING,
            "PhysicalNamingStrategySnakeCaseImpl", PhysicalNaming.SNAKE_CASE,
            "ImprovedNamingStrategy", PhysicalNaming.SPRING,
            "SpringNamingStrategy", PhysicalNaming.SPRING);
    private static final Pattern EXTENDS = Pattern.compile(
            "\\bclass\\s+(\\w+)(?:\\s*<[^>]*>)?\\s*(?:extends\\s+|(?:\\([^)]*\\))?\\s*:\\s*)([\\w.]+)");

    /** What a source file says: the naming strategies it declares (class to the class it extends), EclipseLink. */
    record FileEvidence(Map<String, String> strategies, boolean eclipseLink) {
        static final FileEvidence NONE = new FileEvidence(Map.of(), false);

        static FileEvidence of(String text) {
            boolean eclipseLink = text.contains("org.eclipse.persistence");
            if (!text.contains("NamingStrategy")) {
                return eclipseLink ? new FileEvidence(Map.of(), true) : NONE;
            }
            Map<String, String> strategies = new java.util.LinkedHashMap<>();
            Matcher declared = EXTENDS.matcher(text);
            while (declared.find()) {
                strategies.put(declared.group(1), simple(declared.group(2)));
            }
            return new FileEvidence(strategies, eclipseLink);
        }
    }

    /**
     * @param strategies the service's own strategy classes, each to the class it extends
     * @param eclipseLink whether the service's sources use EclipseLink
     */
    static Optional<ConfiguredNaming> of(ServiceConfiguration configuration, Map<String, String> strategies,
                                         boolean eclipseLink) {
        for (String key : KEYS) {
            String value = configuration.properties().get(key);
            if (value == null || value.isBlank() || value.contains("${")) {
                continue;
            }
            String named = simple(value.strip());
            String base = named;
            for (int depth = 0; depth < 5 && !KNOWN.containsKey(base) && strategies.containsKey(base); depth++) {
                base = strategies.get(base);
            }
            PhysicalNaming naming = KNOWN.get(base);
            if (naming == null) {
                return Optional.empty();
            }
            return Optional.of(new ConfiguredNaming(naming, key + "=" + value.strip()
                    + (base.equals(named) ? "" : ", which extends " + base + " (what " + named
                    + " overrides is not applied)")));
        }
        boolean eclipseLinkKeys = configuration.properties().keySet().stream()
                .anyMatch(key -> key.startsWith("eclipselink.") || key.startsWith("spring.jpa.properties.eclipselink."));
        if (eclipseLink || eclipseLinkKeys) {
            return Optional.of(new ConfiguredNaming(PhysicalNaming.AS_IS, "EclipseLink maps names as written"));
        }
        return Optional.empty();
    }

    private static String simple(String className) {
        String name = className.strip();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
