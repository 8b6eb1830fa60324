package io.switchover.patterns;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The SQL Spring Batch's JDBC job repository sends on the service's behalf, which no file of the service holds: a
 * service that builds with Spring Batch and whose migrations make the job repository's tables ({@code BATCH_JOB_...},
 * or under {@code spring.batch.jdbc.table-prefix}) writes and reads them with the statements of its Spring Batch
 * version, whose tables changed at 5.0 ({@code KEY_NAME, TYPE_CD, STRING_VAL, DATE_VAL, LONG_VAL, DOUBLE_VAL} of the
 * job parameters became {@code PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE}; {@code JOB_CONFIGURATION_LOCATION}
 * went). So a batch that migrates the tables to Spring Batch 5's while a Spring Batch 4 version serves traffic breaks
 * its jobs, though nothing in its code names a column. The statements' origin is the build file's line that brings
 * Spring Batch in. The version: {@code spring-batch-core}'s, else Spring Boot's (2.x brings Spring Batch 4, 3.x 5),
 * else that of the tables the version's own migrations make ({@code PARAMETER_NAME} is 5's, {@code KEY_NAME} 4's):
 * its jobs work only on those.
 */
public final class SpringBatchTables {
    /** The extractor's name in reports. */
    public static final String ID = "spring-batch-repository";
    private static final Pattern DEPENDENCY = Pattern.compile("spring-boot-starter-batch|spring-batch-core");
    private static final Pattern BATCH_VERSION = Pattern.compile(
            "<artifactId>spring-batch-core</artifactId>\\s*<version>\\s*([^<\\s]+)"
                    + "|<spring-batch\\.version>\\s*([^<\\s]+)"
                    + "|org\\.springframework\\.batch:spring-batch-core:([\\w.$}{-]+)");

    /** The statements of both generations, whatever the tables: the job instances and the execution contexts. */
    private static final List<String> EVERY_VERSION = List.of(
            "INSERT into %PREFIX%JOB_INSTANCE(JOB_INSTANCE_ID, JOB_NAME, JOB_KEY, VERSION) values (?, ?, ?, ?)",
            "SELECT JOB_INSTANCE_ID, JOB_NAME from %PREFIX%JOB_INSTANCE where JOB_NAME = ? and JOB_KEY = ?",
            "UPDATE %PREFIX%JOB_EXECUTION set START_TIME = ?, END_TIME = ?, STATUS = ?, EXIT_CODE = ?,"
                    + " EXIT_MESSAGE = ?, VERSION = ?, CREATE_TIME = ?, LAST_UPDATED = ? where JOB_EXECUTION_ID = ?"
                    + " and VERSION = ?",
            "UPDATE %PREFIX%STEP_EXECUTION set START_TIME = ?, END_TIME = ?, STATUS = ?, COMMIT_COUNT = ?,"
                    + " READ_COUNT = ?, FILTER_COUNT = ?, WRITE_COUNT = ?, EXIT_CODE = ?, EXIT_MESSAGE = ?, VERSION = ?,"
                    + " READ_SKIP_COUNT = ?, PROCESS_SKIP_COUNT = ?, WRITE_SKIP_COUNT = ?, ROLLBACK_COUNT = ?,"
                    + " LAST_UPDATED = ? where STEP_EXECUTION_ID = ? and VERSION = ?",
            "INSERT INTO %PREFIX%JOB_EXECUTION_CONTEXT (SHORT_CONTEXT, SERIALIZED_CONTEXT, JOB_EXECUTION_ID)"
                    + " VALUES(?, ?, ?)",
            "INSERT INTO %PREFIX%STEP_EXECUTION_CONTEXT (SHORT_CONTEXT, SERIALIZED_CONTEXT, STEP_EXECUTION_ID)"
                    + " VALUES(?, ?, ?)");
    /** Spring Batch 3 and 4 ({@code JdbcJobExecutionDao}, {@code JdbcStepExecutionDao}). */
    private static final List<String> BEFORE_5 = List.of(
            "INSERT into %PREFIX%JOB_EXECUTION(JOB_EXECUTION_ID, JOB_INSTANCE_ID, START_TIME, END_TIME, STATUS,"
                    + " EXIT_CODE, EXIT_MESSAGE, VERSION, CREATE_TIME, LAST_UPDATED, JOB_CONFIGURATION_LOCATION)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "SELECT JOB_EXECUTION_ID, START_TIME, END_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE, CREATE_TIME,"
                    + " LAST_UPDATED, VERSION, JOB_CONFIGURATION_LOCATION from %PREFIX%JOB_EXECUTION"
                    + " where JOB_INSTANCE_ID = ? order by JOB_EXECUTION_ID desc",
            "INSERT into %PREFIX%JOB_EXECUTION_PARAMS(JOB_EXECUTION_ID, KEY_NAME, TYPE_CD, STRING_VAL, DATE_VAL,"
                    + " LONG_VAL, DOUBLE_VAL, IDENTIFYING) values (?, ?, ?, ?, ?, ?, ?, ?)",
            "SELECT JOB_EXECUTION_ID, KEY_NAME, TYPE_CD, STRING_VAL, DATE_VAL, LONG_VAL, DOUBLE_VAL, IDENTIFYING"
                    + " from %PREFIX%JOB_EXECUTION_PARAMS where JOB_EXECUTION_ID = ?",
            "INSERT into %PREFIX%STEP_EXECUTION(STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID, START_TIME,"
                    + " END_TIME, STATUS, COMMIT_COUNT, READ_COUNT, FILTER_COUNT, WRITE_COUNT, EXIT_CODE, EXIT_MESSAGE,"
                    + " READ_SKIP_COUNT, WRITE_SKIP_COUNT, PROCESS_SKIP_COUNT, ROLLBACK_COUNT, LAST_UPDATED)"
                    + " values(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    /** Spring Batch 5 and later. */
    private static final List<String> FROM_5 = List.of(
            "INSERT into %PREFIX%JOB_EXECUTION(JOB_EXECUTION_ID, JOB_INSTANCE_ID, START_TIME, END_TIME, STATUS,"
                    + " EXIT_CODE, EXIT_MESSAGE, VERSION, CREATE_TIME, LAST_UPDATED)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "SELECT JOB_EXECUTION_ID, START_TIME, END_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE, CREATE_TIME,"
                    + " LAST_UPDATED, VERSION from %PREFIX%JOB_EXECUTION where JOB_INSTANCE_ID = ?"
                    + " order by JOB_EXECUTION_ID desc",
            "INSERT into %PREFIX%JOB_EXECUTION_PARAMS(JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE,"
                    + " PARAMETER_VALUE, IDENTIFYING) values (?, ?, ?, ?, ?)",
            "SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE, IDENTIFYING"
                    + " from %PREFIX%JOB_EXECUTION_PARAMS where JOB_EXECUTION_ID = ?",
            "INSERT into %PREFIX%STEP_EXECUTION(STEP_EXECUTION_ID, VERSION, STEP_NAME, JOB_EXECUTION_ID, START_TIME,"
                    + " END_TIME, STATUS, COMMIT_COUNT, READ_COUNT, FILTER_COUNT, WRITE_COUNT, EXIT_CODE, EXIT_MESSAGE,"
                    + " READ_SKIP_COUNT, WRITE_SKIP_COUNT, PROCESS_SKIP_COUNT, ROLLBACK_COUNT, LAST_UPDATED,"
                    + " CREATE_TIME) values(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

    private SpringBatchTables() {
    }

    /**
     * The job repository's statements, when the build brings Spring Batch in and one of the snapshot's SQL files
     * (its migrations) makes the job parameters' table; nothing otherwise.
     */
    static ExtractionResult of(Snapshot snapshot, BuildFiles build, ServiceConfiguration configuration) {
        Optional<Origin> dependency = build.firstMatch(DEPENDENCY);
        if (dependency.isEmpty()) {
            return ExtractionResult.empty();
        }
        String prefix = configuration.batchTablePrefix();
        String table = (prefix + "JOB_EXECUTION_PARAMS").toLowerCase(Locale.ROOT);
        List<String> scripts = snapshot.files().stream().filter(path -> path.endsWith(".sql"))
                .map(path -> snapshot.read(path).toLowerCase(Locale.ROOT)).filter(text -> text.contains(table))
                .toList();
        if (scripts.isEmpty()) {
            return ExtractionResult.empty();
        }
        OptionalInt explicit = build.major(BATCH_VERSION);
        OptionalInt boot = build.springBoot();
        int major;
        if (explicit.isPresent()) {
            major = explicit.getAsInt();
        } else if (boot.isPresent()) {
            major = boot.getAsInt() + 2;
        } else if (scripts.stream().anyMatch(text -> text.contains("parameter_name"))) {
            major = 5; // the version's own migrations make Spring Batch 5's tables, which its jobs need
        } else if (scripts.stream().anyMatch(text -> text.contains("key_name"))) {
            major = 4;
        } else {
            return ExtractionResult.warning(dependency.get() + ": Spring Batch's version is not named in the build, so"
                    + " the SQL its job repository sends to " + prefix + "JOB_... is not checked");
        }
        List<AccessPattern> patterns = new ArrayList<>();
        for (String sql : major >= 5 ? FROM_5 : BEFORE_5) {
            patterns.add(new AccessPattern(sql.replace("%PREFIX%", prefix), dependency.get(), ID));
        }
        for (String sql : EVERY_VERSION) {
            patterns.add(new AccessPattern(sql.replace("%PREFIX%", prefix), dependency.get(), ID));
        }
        return new ExtractionResult(patterns, List.of(), List.of());
    }
}
