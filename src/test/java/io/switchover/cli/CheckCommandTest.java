package io.switchover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command-line contract of {@code switchover check}: exit codes, what the output names, the JSON fields. */
class CheckCommandTest {
    private static final String STORY = "sample-migrations/alice-to-brian/";

    @TempDir
    Path temp;

    @Test
    void failsThePromotionOfTheBatchedDropOfAliceAndNamesWhatBreaks() {
        CommandLineRun run = CommandLineRun.of("check", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("FAIL"), run.out());
        assertTrue(run.out().contains("V4__drop_alice.sql (batch step 2 of 2)"), run.out());
        assertTrue(run.out().contains("INSERT INTO person (id, alice, created_at) VALUES (?, ?, ?)"), run.out());
        assertTrue(run.out().contains("src/main/java/com/example/people/PersonRepository.java:22"), run.out());
        assertTrue(run.out().contains("drops person.alice"), run.out());
        assertTrue(run.out().contains("split the batch: promote V3__copy_alice_to_brian.sql now; promote V4__drop_alice.sql in a later deployment"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void passesTheDropOnceTheServiceNoLongerUsesAlice() {
        CommandLineRun run = CommandLineRun.of("check", "--prod", STORY + "deploy-4", "--candidate", STORY + "deploy-5");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("PASS"), run.out());
        assertTrue(run.out().contains("batch: V4__drop_alice.sql"), run.out());
    }

    @Test
    void writesTheJsonContractToTheOutputFileAndTheVerdictLineToStandardOutput() throws IOException {
        Path report = temp.resolve("reports/switchover.json");
        CommandLineRun run = CommandLineRun.of("check", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5",
                "--format", "json", "--output", report.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.out().lines().count(), run.out());
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertEquals("FAIL", json.get("verdict").asText());
        assertEquals("3", json.get("batch").get(0).get("version").asText());
        assertEquals("V4__drop_alice.sql", json.get("batch").get(1).get("script").asText());
        JsonNode finding = json.get("findings").get(0);
        assertEquals("expand-and-contract-in-one-batch", finding.get("rule").asText());
        assertEquals("error", finding.get("severity").asText());
        assertEquals("V4__drop_alice.sql", finding.get("migration").asText());
        assertEquals(2, finding.get("step").asInt());
        assertEquals("deploy-1", finding.get("service").asText());
        assertEquals("INSERT INTO person (id, alice, created_at) VALUES (?, ?, ?)", finding.get("pattern").get("sql").asText());
        assertEquals("src/main/java/com/example/people/PersonRepository.java:22", finding.get("pattern").get("origin").asText());
        assertFalse(finding.get("message").asText().isBlank());
        assertFalse(finding.get("help").asText().isBlank());
    }

    @Test
    void jsonGoesToStandardOutputWithoutOutputFile() throws IOException {
        CommandLineRun run = CommandLineRun.of("check", "--prod", STORY + "deploy-4", "--candidate", STORY + "deploy-5",
                "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("PASS", new ObjectMapper().readTree(run.out()).get("verdict").asText());
    }

    @Test
    void failOnWarningTurnsWarningsIntoAFailingExitCode() throws IOException {
        Path prod = copyOf(STORY + "deploy-4", "prod");
        Files.writeString(prod.resolve("src/main/resources/queries.sql"), "SELECT no_such_column FROM person;\n");
        String candidate = STORY + "deploy-5";

        CommandLineRun lenient = CommandLineRun.of("check", "--prod", prod.toString(), "--candidate", candidate);
        CommandLineRun strict = CommandLineRun.of("check", "--prod", prod.toString(), "--candidate", candidate,
                "--fail-on", "warning");

        assertEquals(0, lenient.exitCode(), lenient.out() + lenient.err());
        assertTrue(lenient.out().startsWith("WARN"), lenient.out());
        assertTrue(lenient.out().contains("statement-not-checkable"), lenient.out());
        assertEquals(1, strict.exitCode(), strict.out());
    }

    @Test
    void checksStatementsCapturedFromProductionToo() throws IOException {
        Path capture = temp.resolve("people.pg_stat_statements.csv");
        Files.writeString(capture, "query,calls\n"
                + "\"SELECT id FROM person WHERE lower(alice) = lower($1)\",1520\n"
                + "BEGIN,99000\n");

        CommandLineRun run = CommandLineRun.of("check", "--prod", STORY + "deploy-4", "--candidate", STORY + "deploy-5",
                "--captured-sql", capture.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("SELECT id FROM person WHERE lower(alice) = lower(?)"), run.out());
        assertTrue(run.out().contains(capture + ":2"), run.out());
        assertBadInput(CommandLineRun.of("check", "--prod", STORY + "deploy-4", "--candidate", STORY + "deploy-5",
                "--captured-sql", temp.resolve("missing.csv").toString()), "missing.csv");
    }

    @Test
    void rejectsUnknownOptionsInOneLineWithExitCode2() {
        CommandLineRun run = CommandLineRun.of("check", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5",
                "--frobnicate");

        assertBadInput(run, "Unknown option: '--frobnicate'");
    }

    @Test
    void rejectsASnapshotThatDoesNotExist() {
        assertBadInput(CommandLineRun.of("check", "--prod", temp.resolve("nowhere").toString(), "--candidate",
                STORY + "deploy-5"), "does not exist");
    }

    @Test
    void rejectsASnapshotWithoutMigrations() throws IOException {
        Files.createDirectories(temp.resolve("empty/src"));
        assertBadInput(CommandLineRun.of("check", "--prod", temp.resolve("empty").toString(), "--candidate",
                STORY + "deploy-5"), "no Flyway migrations found");
    }

    @Test
    void rejectsAMigrationFileNameFlywayWouldReject() throws IOException {
        Path candidate = copyOf(STORY + "deploy-5", "candidate");
        Files.writeString(candidate.resolve("db/migration/V5_drop_brian_index.sql"), "SELECT 1;\n");

        assertBadInput(CommandLineRun.of("check", "--prod", STORY + "deploy-1", "--candidate", candidate.toString()),
                "V5_drop_brian_index.sql");
    }

    @Test
    void rejectsAMigrationsFolderThatDoesNotExist() {
        assertBadInput(CommandLineRun.of("check", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5",
                "--migrations", "sql/flyway"), "migration folder 'sql/flyway' does not exist");
    }

    @Test
    void rejectsUnknownFormatsEnginesAndSeverities() {
        String[] base = {"check", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5"};
        assertBadInput(CommandLineRun.of(concat(base, "--format", "pdf")), "unknown --format 'pdf'");
        assertBadInput(CommandLineRun.of(concat(base, "--engine", "oracle")), "unknown --engine 'oracle'");
        assertBadInput(CommandLineRun.of(concat(base, "--fail-on", "info")), "--fail-on");
    }

    @Test
    void reportsACandidateMigrationWithASyntaxErrorAsAFindingAtItsStep() throws IOException {
        Path candidate = copyOf(STORY + "deploy-1", "candidate");
        Files.writeString(candidate.resolve("db/migration/V3__copy_alice_to_brian.sql"),
                "UPDATE person SET brian = alice WHERE brian IS NULL;\n");
        Files.writeString(candidate.resolve("db/migration/V4__index_brian.sql"), "CREATE INDEKS person_brian ON person (brian);\n");

        CommandLineRun run = CommandLineRun.of("check", "--prod", STORY + "deploy-1", "--candidate", candidate.toString());

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("V4__index_brian.sql (batch step 2 of 2)"), run.out());
        // H2 fails it, so auto replays on embedded PostgreSQL, which fails it too: a real failure, in PostgreSQL's words
        assertTrue(run.out().contains("V4__index_brian.sql does not apply: syntax error at or near \"INDEKS\""), run.out());
        assertTrue(run.out().contains("[migration-fails-to-apply]"), run.out());
    }

    @Test
    void listsAJavaFileThatDoesNotParseAsNotCheckedAndChecksTheRest() throws IOException {
        Path prod = copyOf(STORY + "deploy-1", "prod");
        Files.writeString(prod.resolve("src/main/java/com/example/people/Broken.java"), "class Broken { void x( }\n");

        CommandLineRun run = CommandLineRun.of("check", "--prod", prod.toString(), "--candidate", STORY + "deploy-5");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("src/main/java/com/example/people/Broken.java:1  (the whole file)  (JavaParser"
                + " cannot parse it: "), run.out());
        assertTrue(run.out().contains("PersonRepository.java:22"), run.out());
    }

    @Test
    void rejectsAClasspathThatIsNoArtifactInOneLine() throws IOException {
        assertBadInput(CommandLineRun.of("check", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5",
                "--classpath", temp.resolve("build/app.jar").toString()), "--classpath " + temp.resolve("build/app.jar")
                + " does not exist");
        Path notAJar = Files.writeString(temp.resolve("notes.jar"), "text");
        assertBadInput(CommandLineRun.of("check", "--prod", STORY + "deploy-1", "--candidate", STORY + "deploy-5",
                "--prod-classpath", notAJar.toString()), "is neither a jar nor a folder of classes");
    }

    @Test
    void runsTheCandidatesJavaMigrationsFromTheClassesFolderItIsGiven() throws IOException {
        String story = "sample-migrations/java-kotlin-migrations/";
        Path classes = Files.createDirectories(temp.resolve("classes"));
        int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), "-proc:none",
                story + "deploy-2/src/main/java/db/migration/V8__Drop_amount.java");
        assertEquals(0, compiled);

        CommandLineRun without = CommandLineRun.of("check", "--prod", story + "deploy-1", "--candidate",
                story + "deploy-2", "--engine", "h2");
        CommandLineRun with = CommandLineRun.of("check", "--prod", story + "deploy-1", "--candidate",
                story + "deploy-2", "--engine", "h2", "--classpath", classes.toString());

        assertEquals(0, without.exitCode(), without.out() + without.err());
        assertTrue(without.out().contains("db.migration.V8__Drop_amount is not replayed: the SQL it hands to"
                + " execute(...) at src/main/java/db/migration/V8__Drop_amount.java:21 is built at run time"),
                without.out());
        assertEquals(1, with.exitCode(), with.out() + with.err());
        assertTrue(with.out().contains("db.migration.V8__Drop_amount (batch step 2 of 2) breaks 1 statement"), with.out());
        assertTrue(with.out().contains("V8__Drop_amount ran from " + classes), with.out());
    }

    @Test
    void printsUsageForHelpAndExitsZero() {
        CommandLineRun run = CommandLineRun.of("check", "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--prod=<snapshot>"), run.out());
        assertTrue(run.out().contains("Exit codes: 0 safe to promote, 1 unsafe"), run.out());
    }

    private static void assertBadInput(CommandLineRun run, String expected) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        assertTrue(run.err().startsWith("switchover: "), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    private Path copyOf(String source, String name) throws IOException {
        Path target = temp.resolve(name);
        try (var files = Files.walk(Path.of(source))) {
            for (Path file : files.toList()) {
                Path to = target.resolve(Path.of(source).relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        Files.createDirectories(target.resolve("src/main/resources"));
        return target;
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
