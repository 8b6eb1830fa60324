package io.switchover.patterns;

import io.switchover.config.SpringProperties;
import io.switchover.snapshot.Snapshot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's configuration says that its SQL depends on: Spring Boot's {@code application*.properties} and
 * {@code application*.yml} keys, and the {@code <properties>} of a MyBatis configuration file, as found among its
 * own files. Read leniently: a configuration file that does not parse gives nothing here (the readers that depend on
 * it report it), and the first file to set a key wins. Beside them, the major version of Hibernate its build names
 * ({@link HibernateGeneration}), on which how JPA names columns depends.
 */
public record ServiceConfiguration(Map<String, String> properties, OptionalInt hibernate) {
    /** Spring Batch's table prefix when nothing sets another. */
    public static final String BATCH_DEFAULT_PREFIX = "BATCH_";
    private static final Pattern APPLICATION = Pattern.compile("(^|.*/)application(-[\\w.-]+)?\\.(properties|ya?ml)");
    private static final Pattern MYBATIS_CONFIG = Pattern.compile("(^|.*/)mybatis[-\\w]*config[-\\w]*\\.xml");
    private static final Pattern MYBATIS_PROPERTY = Pattern.compile(
            "<property\\s+name\\s*=\\s*\"([^\"]+)\"\\s+value\\s*=\\s*\"([^\"]*)\"");
    private static final List<String> BATCH_PREFIX_KEYS = List.of("spring.batch.jdbc.table-prefix",
            "spring.batch.table-prefix", "spring.batch.jdbc.tablePrefix", "spring.batch.tablePrefix");
    private static final List<String> MYBATIS_KEYS = List.of("mybatis.configuration-properties.",
            "mybatis.configurationProperties.", "mybatis.configuration.variables.");

    public ServiceConfiguration {
        properties = Map.copyOf(properties);
    }

    public ServiceConfiguration(Map<String, String> properties) {
        this(properties, OptionalInt.empty());
    }

    /** This configuration of a service whose build names Hibernate's major version {@code major}. */
    public ServiceConfiguration withHibernate(OptionalInt major) {
        return new ServiceConfiguration(properties, major);
    }

    public static ServiceConfiguration none() {
        return new ServiceConfiguration(Map.of());
    }

    /** The configuration among the files (paths of the snapshot); the base {@code application} files first. */
    public static ServiceConfiguration read(Snapshot snapshot, Collection<String> files) {
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> ordered = files.stream().filter(f -> APPLICATION.matcher(f).matches()
                        || MYBATIS_CONFIG.matcher(f).matches())
                .sorted((a, b) -> Boolean.compare(isProfile(a), isProfile(b))).toList();
        for (String path : ordered) {
            try {
                String text = snapshot.read(path);
                if (path.endsWith(".xml")) {
                    Matcher property = MYBATIS_PROPERTY.matcher(text);
                    while (property.find()) {
                        properties.putIfAbsent("mybatis.configuration-properties." + property.group(1),
                                property.group(2));
                    }
                } else {
                    SpringProperties.read(path, text).forEach(properties::putIfAbsent);
                }
            } catch (RuntimeException e) {
                // Not this reader's to report: the check's configuration readers name a broken file.
            }
        }
        return new ServiceConfiguration(properties);
    }

    /** Spring Batch's table prefix: configured, or {@value #BATCH_DEFAULT_PREFIX}. */
    public String batchTablePrefix() {
        for (String key : BATCH_PREFIX_KEYS) {
            String value = properties.get(key);
            if (value != null && !value.isBlank() && !value.contains("${")) {
                return value.strip();
            }
        }
        return BATCH_DEFAULT_PREFIX;
    }

    /** The values MyBatis fills {@code ${name}} with, by name. */
    public Map<String, String> myBatisProperties() {
        Map<String, String> values = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            for (String prefix : MYBATIS_KEYS) {
                if (key.startsWith(prefix) && !value.contains("${")) {
                    values.putIfAbsent(key.substring(prefix.length()), value);
                }
            }
        });
        return values;
    }

    /** Spring Batch's {@code %PREFIX%}, as its DAOs replace it before they run a statement. */
    public String withBatchPrefix(String sql) {
        return sql.contains("%PREFIX%") ? sql.replace("%PREFIX%", batchTablePrefix()) : sql;
    }

    private static boolean isProfile(String path) {
        return path.substring(path.lastIndexOf('/') + 1).startsWith("application-");
    }
}
