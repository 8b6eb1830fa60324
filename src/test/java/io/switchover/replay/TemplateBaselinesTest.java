package io.switchover.replay;

import io.switchover.ToolBuild;
import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On the PostgreSQL server at 127.0.0.1:5432; each test's production is its own, and so is its template. */
class TemplateBaselinesTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    private static final ProbeStatement INSERT = new ProbeStatement("INSERT INTO person (id, alice) VALUES (?, ?)",
            List.of("person"), List.of("person.id", "person.alice"));

    @TempDir
    Path cacheDir;

    private final String unique = UUID.randomUUID().toString();
    private final InMemorySnapshot prod = new InMemorySnapshot("deploy-1")
            .with("db/migration/V1__create_person.sql", "-- " + unique + "\n"
                    + "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));")
            .with("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);");
    private final InMemorySnapshot candidate = prod.next("deploy-5")
            .with("db/migration/V3__copy_alice_to_brian.sql", "UPDATE person SET brian = alice WHERE brian IS NULL;")
            .with("db/migration/V4__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;");

    private static ServerEngine engine() {
        return ServerEngine.postgres(ServerUrl.parse(SERVER, "test"), Credentials.of("postgres", null),
                Duration.ofHours(1));
    }

    private Batch batch() {
        MigrationReader reader = new MigrationReader();
        return new BatchPlanner().plan(reader.read(prod, List.of()), reader.read(candidate, List.of()));
    }

    private Timeline check() {
        return new TimelineReplayer(engine(), BaselineCache.at(cacheDir, 1L << 30)).replay(batch(), List.of(INSERT));
    }

    private String template() {
        return TemplateBaselines.name(BaselineKey.of(batch(), "PostgreSQL " + serverVersion() + " at 127.0.0.1:5432",
                ToolBuild.current()).orElseThrow());
    }

    private static String serverVersion() {
        try (Connection c = DriverManager.getConnection(SERVER)) {
            return c.getMetaData().getDatabaseProductVersion().split("[\\s(-]", 2)[0];
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean exists(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    @AfterEach
    void dropTemplate() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + template() + "\" WITH (FORCE)");
        }
    }

    private static List<String> outcomes(Timeline timeline) {
        return timeline.states().stream().map(state -> state.outcomes().stream()
                .map(o -> o.passed() ? "ok" : o.error().sqlState()).toList() + " " + state.catalog().tables().keySet())
                .toList();
    }

    private static boolean note(Timeline timeline, String start) {
        return timeline.notes().stream().anyMatch(note -> note.startsWith(start));
    }

    @Test
    void aWarmCheckCopiesTheTemplateAndFindsWhatTheColdCheckFound() throws SQLException {
        Timeline cold = check();
        assertTrue(note(cold, "S0 stored as the baseline template " + template()), cold.notes().toString());
        assertTrue(exists(template()));

        Timeline warm = check();

        assertTrue(note(warm, "S0 from the baseline cache (template database " + template()), warm.notes().toString());
        assertEquals(outcomes(cold), outcomes(warm));
        assertFalse(warm.states().get(2).outcomes().get(0).passed());
        assertTrue(exists(template()), "a valid template is no leftover of a killed run");
    }

    @Test
    void productionReplayedAgainOnAnotherDatabaseIsStoredFromThatDatabase() throws SQLException {
        // citext without CREATE EXTENSION: production's replay starts again on a fresh database that has it
        InMemorySnapshot withExtension = new InMemorySnapshot("deploy-1")
                .with("db/migration/V1__create_person.sql", "-- " + unique + "\n"
                        + "CREATE TABLE person (id BIGINT PRIMARY KEY, alice citext);");
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(withExtension, List.of()), reader.read(withExtension
                .next("deploy-2").with("db/migration/V2__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;"),
                List.of()));
        String template = TemplateBaselines.name(BaselineKey.of(batch, "PostgreSQL " + serverVersion()
                + " at 127.0.0.1:5432", ToolBuild.current()).orElseThrow());
        try {
            Timeline cold = new TimelineReplayer(engine(), BaselineCache.at(cacheDir, 1L << 30)).replay(batch,
                    List.of(INSERT));
            Timeline warm = new TimelineReplayer(engine(), BaselineCache.at(cacheDir, 1L << 30)).replay(batch,
                    List.of(INSERT));

            assertTrue(note(cold, "S0 stored as the baseline template " + template), cold.notes().toString());
            assertTrue(note(warm, "S0 from the baseline cache (template database " + template),
                    warm.notes().toString());
            assertEquals(outcomes(cold), outcomes(warm));
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS \"" + template + "\" WITH (FORCE)");
            }
        }
    }

    @Test
    void aTemplateChangedSinceItWasMadeIsMadeAgain() throws SQLException {
        Timeline cold = check();
        try (Connection c = DriverManager.getConnection(SERVER.replace("/postgres?", "/" + template() + "?"));
             Statement st = c.createStatement()) {
            st.execute("ALTER TABLE person DROP COLUMN brian");
        }

        Timeline rebuilt = check();
        Timeline warm = check();

        assertTrue(note(rebuilt, "the baseline template " + template()), rebuilt.notes().toString());
        assertTrue(note(rebuilt, "S0 stored as the baseline template"), rebuilt.notes().toString());
        assertEquals(outcomes(cold), outcomes(rebuilt));
        assertTrue(note(warm, "S0 from the baseline cache"), warm.notes().toString());
    }

    @Test
    void theMarkKeepsHowProductionsScriptsWereRewrittenForTheReportOfAWarmCheck() {
        java.util.Map<String, java.util.Set<String>> adapted = new java.util.LinkedHashMap<>();
        adapted.put("V1__init.sql", new java.util.LinkedHashSet<>(List.of("skipped GRANT SELECT ON person TO reader",
                "skipped ALTER TABLE person OWNER TO app; the role is production's")));
        TemplateBaselines.Mark mark = new TemplateBaselines.Mark("a".repeat(64),
                java.time.Instant.parse("2026-12-01T10:00:00Z"), "f00d", adapted);

        TemplateBaselines.Mark read = TemplateBaselines.Mark.read(mark.text()).orElseThrow();

        assertEquals(mark, read);
        assertFalse(ServerMark.read(mark.text()).isPresent(), "no replay database's mark: never a leftover");
        assertFalse(TemplateBaselines.Mark.read(mark.text().replace("key=" + "a".repeat(64), "key=short")).isPresent());
    }

    @Test
    void aTemplateWithoutItsMarkThatNoRunIsMakingIsRemoved() throws SQLException {
        String unfinished = TemplateBaselines.PREFIX + "unfinished" + unique.replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + unfinished + "\"");
        }
        try {
            Timeline cold = check();

            assertFalse(exists(unfinished), cold.notes().toString());
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS \"" + unfinished + "\"");
            }
        }
    }

    @Test
    void aRoleMadeOnTheServerThatProductionGrantsToChangesTheKey() throws SQLException {
        String role = "reader_" + unique.replace("-", "").substring(0, 12);
        InMemorySnapshot granting = prod.next("deploy-1g").with("db/migration/V2_1__grant.sql",
                "GRANT SELECT ON person TO " + role + ";");
        MigrationReader reader = new MigrationReader();
        Batch batch = new BatchPlanner().plan(reader.read(granting, List.of()),
                reader.read(candidate.next("deploy-5g").with("db/migration/V2_1__grant.sql",
                        "GRANT SELECT ON person TO " + role + ";"), List.of()));
        List<String> without;
        try (ReplayDatabase db = engine().create()) {
            without = db.baselineFacts(batch);
        }
        try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role);
        }
        List<String> with;
        try (ReplayDatabase db = engine().create()) {
            with = db.baselineFacts(batch);
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
                st.execute("DROP ROLE " + role);
            }
        }

        assertEquals(List.of("absent-roles " + role), without, "its GRANT is skipped where the role is absent");
        assertEquals(List.of(), with, "and runs where it exists");
        assertFalse(BaselineKey.of(batch, "PostgreSQL", without, "t").orElseThrow().digest()
                .equals(BaselineKey.of(batch, "PostgreSQL", with, "t").orElseThrow().digest()));
    }
}
