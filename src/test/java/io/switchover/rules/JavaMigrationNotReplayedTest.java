package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaMigrationNotReplayedTest {
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));";
    /** Creates a table whose name it computes: neither its source nor a classpath tells the replay what it does. */
    private static final String DYNAMIC_AUDIT = """
            package db.migration;
            import org.flywaydb.core.api.migration.*;
            public class V2__Audit extends BaseJavaMigration {
                public void migrate(Context context) throws Exception {
                    String table = "au" + "dit".repeat(1);
                    context.getConnection().createStatement().execute("CREATE TABLE " + table + " (id INT)");
                }
            }
            """;

    @Test
    void flagsABatchJavaMigrationWhoseSqlIsBuiltAtRunTime() {
        Report report = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .candidateFile("src/main/java/db/migration/V2__Audit.java", DYNAMIC_AUDIT)
                .check();

        List<Finding> findings = report.findings().stream().filter(f -> f.rule().equals("java-migration-not-replayed"))
                .toList();
        assertEquals(1, findings.size(), report.findings().toString());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals(1, findings.get(0).step());
        assertTrue(findings.get(0).message().startsWith("db.migration.V2__Audit is not replayed: the SQL it hands to"
                + " execute(...) at src/main/java/db/migration/V2__Audit.java:6 is built at run time"),
                findings.get(0).message());
        assertTrue(findings.get(0).help().startsWith("give --classpath"), findings.get(0).help());
        assertEquals(Verdict.WARN, report.verdict());
    }

    @Test
    void flagsProductionsOnceAndBlamesNothingOnTheBatchForWhatItMayHaveMade() {
        Report report = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .productionFile("src/main/java/db/migration/V2__Audit.java", DYNAMIC_AUDIT)
                .candidateFile("src/main/java/db/migration/V2__Audit.java", DYNAMIC_AUDIT)
                .candidateFile("db/migration/V3__audit_note.sql", "ALTER TABLE audit ADD COLUMN note VARCHAR(10);")
                .candidateCode("SELECT note FROM audit WHERE id = ?")
                .check();

        List<String> rules = report.findings().stream().map(f -> f.rule() + " " + f.severity() + " " + f.step())
                .sorted().toList();
        assertEquals(List.of("java-migration-not-replayed WARNING 0", "java-migration-not-replayed WARNING 1"), rules,
                report.findings().toString());
        Finding notChecked = report.findings().stream().filter(f -> f.step() == 1).findFirst().orElseThrow();
        assertTrue(notChecked.message().startsWith("V3__audit_note.sql fails on the replay ("), notChecked.message());
        assertTrue(notChecked.message().contains("which runs nothing for V2__Audit: it may need what that migration"
                + " made, so it is not checked"), notChecked.message());
        assertEquals(Verdict.WARN, report.verdict());
    }

    @Test
    void flagsProductionsLaterJavaMigrationsWhoseStatementsFailForWantOfWhatASkippedOneMade() {
        String note = """
                package db.migration;
                import org.flywaydb.core.api.migration.*;
                public class V3__Note extends BaseJavaMigration {
                    public void migrate(Context context) throws Exception {
                        context.getConnection().createStatement().execute("ALTER TABLE audit ADD COLUMN note INT");
                        context.getConnection().createStatement().execute("ALTER TABLE person ADD COLUMN brian INT");
                    }
                }
                """;
        Report report = RuleScenario.production(PERSON, "SELECT brian FROM person WHERE id = ?")
                .productionFile("src/main/java/db/migration/V2__Audit.java", DYNAMIC_AUDIT)
                .productionFile("src/main/java/db/migration/V3__Note.java", note)
                .candidateFile("src/main/java/db/migration/V2__Audit.java", DYNAMIC_AUDIT)
                .candidateFile("src/main/java/db/migration/V3__Note.java", note)
                .candidateFile("db/migration/V4__drop_brian.sql", "ALTER TABLE person DROP COLUMN brian;")
                .check();

        Finding production = report.findings().stream().filter(f -> f.rule().equals("java-migration-not-replayed"))
                .findFirst().orElseThrow();
        assertTrue(production.message().startsWith("2 of production's Java migrations are not replayed (V2__Audit,"
                + " V3__Note)"), production.message());
        assertEquals(List.of("dropped-column-still-used"), report.findingsAtOrAbove(Severity.ERROR).stream()
                .map(Finding::rule).toList(), "what V3 could run still ran: brian is there to be dropped");
    }

    @Test
    void ignoresJavaMigrationsReplayedFromTheSqlOfTheirSource() {
        Report report = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .candidateFile("src/main/java/db/migration/V2__Audit.java", """
                        package db.migration;
                        import org.flywaydb.core.api.migration.*;
                        public class V2__Audit extends BaseJavaMigration {
                            private static final String CREATE = "CREATE TABLE audit (id INT)";
                            public void migrate(Context context) throws Exception {
                                context.getConnection().createStatement().execute(CREATE);
                            }
                        }
                        """)
                .candidateCode("SELECT id FROM audit WHERE id = ?")
                .check();

        assertEquals(List.of(), report.findings());
        assertEquals(Verdict.PASS, report.verdict());
    }

    @Test
    void ignoresCandidateFailuresOnlyWhereASkippedMigrationCameFirst() {
        List<Finding> findings = RuleScenario.production(PERSON, "SELECT alice FROM person WHERE id = ?")
                .productionFile("src/main/java/db/migration/V2__Audit.java", DYNAMIC_AUDIT)
                .candidateFile("src/main/java/db/migration/V2__Audit.java", DYNAMIC_AUDIT)
                .candidateCode("SELECT note FROM audit WHERE id = ?")
                .check().findings();

        assertEquals(List.of("java-migration-not-replayed", "statement-not-checkable"),
                findings.stream().map(Finding::rule).sorted().toList(), findings.toString());
        assertTrue(findings.stream().filter(f -> f.rule().equals("statement-not-checkable")).findFirst().orElseThrow()
                .message().contains("V2__Audit (Java, not replayed) would have changed"), findings.toString());
    }
}
