package io.switchover.patterns;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job repository's SQL, which Spring Batch sends for a service whose migrations make its tables. */
class SpringBatchTablesTest {
    private static final String GRADLE = """
            plugins {
                id("org.springframework.boot") version "%s"
            }
            dependencies {
                implementation("org.springframework.boot:spring-boot-starter-batch")
            }
            """;
    private static final String TABLES = "CREATE TABLE %sJOB_EXECUTION_PARAMS (JOB_EXECUTION_ID BIGINT);";

    private static ExtractionResult of(InMemorySnapshot snapshot, Map<String, String> properties) {
        return SpringBatchTables.of(snapshot, BuildFiles.read(snapshot, List.of()),
                new ServiceConfiguration(properties));
    }

    private static List<String> sql(ExtractionResult result) {
        return result.patterns().stream().map(AccessPattern::sql).toList();
    }

    @Test
    void springBoot2sBatchWritesTheParametersByKeyAndType() {
        InMemorySnapshot service = new InMemorySnapshot("s").with("build.gradle.kts", GRADLE.formatted("2.7.18"))
                .with("src/main/resources/db/migration/V1__batch.sql", TABLES.formatted("BATCH_"));

        ExtractionResult result = of(service, Map.of());

        assertTrue(sql(result).contains("INSERT into BATCH_JOB_EXECUTION_PARAMS(JOB_EXECUTION_ID, KEY_NAME, TYPE_CD,"
                + " STRING_VAL, DATE_VAL, LONG_VAL, DOUBLE_VAL, IDENTIFYING) values (?, ?, ?, ?, ?, ?, ?, ?)"),
                sql(result).toString());
        assertEquals("build.gradle.kts:5", result.patterns().get(0).origin().toString());
        assertTrue(result.patterns().stream().allMatch(p -> p.extractor().equals(SpringBatchTables.ID)));
    }

    @Test
    void springBoot3sBatchByNameAndUnderTheConfiguredPrefix() {
        InMemorySnapshot service = new InMemorySnapshot("s").with("build.gradle.kts", GRADLE.formatted("3.2.5"))
                .with("src/main/resources/db/migration/V1__batch.sql", TABLES.formatted("JOBS_"));

        List<String> sql = sql(of(service, Map.of("spring.batch.jdbc.table-prefix", "JOBS_")));

        assertTrue(sql.contains("INSERT into JOBS_JOB_EXECUTION_PARAMS(JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE,"
                + " PARAMETER_VALUE, IDENTIFYING) values (?, ?, ?, ?, ?)"), sql.toString());
        assertTrue(sql.stream().noneMatch(s -> s.contains("KEY_NAME") || s.contains("JOB_CONFIGURATION_LOCATION")));
    }

    @Test
    void nothingWhereTheMigrationsDoNotMakeTheTablesOrTheBuildHasNoBatch() {
        InMemorySnapshot unmade = new InMemorySnapshot("s").with("build.gradle.kts", GRADLE.formatted("3.2.5"))
                .with("src/main/resources/db/migration/V1__person.sql", "CREATE TABLE person (id BIGINT);");
        InMemorySnapshot noBatch = new InMemorySnapshot("s").with("build.gradle.kts",
                        "plugins { id(\"org.springframework.boot\") version \"3.2.5\" }\n")
                .with("src/main/resources/db/migration/V1__batch.sql", TABLES.formatted("BATCH_"));

        assertEquals(List.of(), sql(of(unmade, Map.of())));
        assertEquals(List.of(), sql(of(noBatch, Map.of())));
    }

    @Test
    void aBatchOfUnknownVersionIsSaidNotChecked() {
        InMemorySnapshot service = new InMemorySnapshot("s")
                .with("build.gradle", "dependencies { implementation 'org.springframework.batch:spring-batch-core' }\n")
                .with("db/migration/V1__batch.sql", TABLES.formatted("BATCH_"));

        ExtractionResult result = of(service, Map.of());

        assertEquals(List.of(), sql(result));
        assertTrue(result.warnings().get(0).contains("Spring Batch's version is not named in the build"),
                result.warnings().toString());
    }

    @Test
    void withoutAVersionInTheBuildTheTablesItsMigrationsMakeSayWhich() {
        String build = "dependencies { implementation(\"org.springframework.boot:spring-boot-starter-batch\") }\n";
        InMemorySnapshot four = new InMemorySnapshot("s").with("build.gradle.kts", build)
                .with("db/migration/V1__batch.sql", "CREATE TABLE BATCH_JOB_EXECUTION_PARAMS (KEY_NAME VARCHAR(100));");
        InMemorySnapshot five = four.next("t").with("db/migration/V2__batch5.sql",
                "ALTER TABLE BATCH_JOB_EXECUTION_PARAMS RENAME KEY_NAME TO PARAMETER_NAME;");

        assertTrue(sql(of(four, Map.of())).stream().anyMatch(s -> s.contains("KEY_NAME")));
        assertTrue(sql(of(five, Map.of())).stream().anyMatch(s -> s.contains("PARAMETER_NAME")));
        assertTrue(sql(of(five, Map.of())).stream().noneMatch(s -> s.contains("KEY_NAME")));
    }
}
