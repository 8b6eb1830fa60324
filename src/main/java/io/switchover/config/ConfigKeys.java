package io.switchover.config;

/**
 * The names under which {@link SwitchoverConfig#places()} keeps the keys that say where production is, how to reach
 * it, which version counts as production, or which path a file leads to. A service's keys are named by the service,
 * not by its index, so that they mean the same in the pipeline's file and in the repository's.
 */
public final class ConfigKeys {
    public static final String HISTORY = "production.history";
    public static final String HISTORY_SCHEMA = "production.history-schema";
    public static final String HISTORY_TABLE = "production.history-table";
    /** {@code production: ref|tag|endpoint}: the production version of the migrations. */
    public static final String PRODUCTION = "production";
    public static final String MIGRATIONS_REPOSITORY = "migrations.repository";
    /** {@code migrations.classpath}: the candidate's built artifact, whose Java migrations the replay runs. */
    public static final String CLASSPATH = "migrations.classpath";
    /** {@code migrations.prod-classpath}: production's built artifact. */
    public static final String PROD_CLASSPATH = "migrations.prod-classpath";

    private ConfigKeys() {
    }

    /** {@code services[i].production}: which version of the service runs in production. */
    public static String serviceProduction(String service) {
        return "services." + service + ".production";
    }

    public static String serviceRepository(String service) {
        return "services." + service + ".repository";
    }

    public static String serviceCapturedSql(String service) {
        return "services." + service + ".captured-sql";
    }
}
