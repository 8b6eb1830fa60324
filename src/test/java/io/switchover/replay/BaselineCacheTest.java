package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.timeline.EngineKind;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.Timeline;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineCacheTest {
    private static final ProbeStatement INSERT = new ProbeStatement("INSERT INTO person (id, alice) VALUES (?, ?)",
            List.of("person"), List.of("person.id", "person.alice"));
    private static final ProbeStatement SELECT = new ProbeStatement("SELECT brian FROM person WHERE id = ?",
            List.of("person"), List.of("person.id", "person.brian"));

    @TempDir
    Path cacheDir;

    private final InMemorySnapshot prod = new InMemorySnapshot("deploy-1")
            .with("db/migration/V1__create_person.sql",
                    "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100));")
            .with("db/migration/V2__add_brian.sql", "ALTER TABLE person ADD COLUMN brian VARCHAR(100);")
            .with("db/migration/V3__seed.sql", "INSERT INTO person (id, alice) VALUES (1, 'a');");

    private static InMemorySnapshot candidateOf(InMemorySnapshot production) {
        return production.next("deploy-5")
                .with("db/migration/V4__copy_alice_to_brian.sql", "UPDATE person SET brian = alice WHERE brian IS NULL;")
                .with("db/migration/V5__drop_alice.sql", "ALTER TABLE person DROP COLUMN alice;");
    }

    private static Batch batch(InMemorySnapshot production, Map<String, String> placeholders) {
        MigrationReader reader = new MigrationReader();
        return new BatchPlanner().plan(reader.read(production, List.of(), placeholders),
                reader.read(candidateOf(production), List.of(), placeholders));
    }

    private Timeline check(InMemorySnapshot production, BaselineCache cache) {
        return check(new H2Engine(), batch(production, Map.of()), cache);
    }

    private static Timeline check(ReplayEngine engine, Batch batch, BaselineCache cache) {
        return new TimelineReplayer(engine, cache).replay(batch, List.of(INSERT, SELECT));
    }

    private BaselineCache cache() {
        return BaselineCache.at(cacheDir, 1L << 30);
    }

    private static boolean fromCache(Timeline timeline) {
        return timeline.notes().stream().anyMatch(note -> note.startsWith("S0 from the baseline cache"));
    }

    private static boolean stored(Timeline timeline) {
        return timeline.notes().stream().anyMatch(note -> note.startsWith("S0 stored in the baseline cache"));
    }

    /** What a rule reads: per state, the migration and each statement's outcome. */
    private static List<String> outcomes(Timeline timeline) {
        return timeline.states().stream().map(state -> (state.migration() == null ? "S0" : state.migration().script())
                + " " + state.outcomes().stream().map(o -> o.passed() ? "ok" : o.error().sqlState()).toList()
                + " " + state.catalog().tables().keySet()).toList();
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> list = Files.list(cacheDir.resolve("h2"))) {
            return list.toList();
        }
    }

    @Test
    void warmCheckTakesS0FromTheCacheAndFindsWhatTheColdCheckFound() {
        Timeline cold = check(prod, cache());
        Timeline warm = check(prod, cache());

        assertTrue(stored(cold), cold.notes().toString());
        assertFalse(fromCache(cold));
        assertTrue(fromCache(warm), warm.notes().toString());
        assertEquals(outcomes(check(prod, BaselineCache.none())), outcomes(cold));
        assertEquals(outcomes(cold), outcomes(warm));
        assertFalse(warm.states().get(2).outcomes().get(0).passed(), "the drop of alice still breaks the insert");
    }

    @Test
    void theWarmDatabaseHoldsProductionsRowsAndHistory() throws SQLException {
        check(prod, cache());
        try (ReplayDatabase db = new H2Engine().create()) {
            BaselineCache.Lookup lookup = cache().lookup(db, batch(prod, Map.of()));
            assertTrue(lookup.hit());
            try (Connection c = db.connect(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM"
                         + " flyway_schema_history WHERE success AND script LIKE 'V%')")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                assertEquals(3, rs.getInt(2));
            }
        }
    }

    @Test
    void aChangedAppliedMigrationMissesTheCache() {
        check(prod, cache());
        InMemorySnapshot edited = prod.next("deploy-1b").with("db/migration/V3__seed.sql",
                "INSERT INTO person (id, alice) VALUES (2, 'b');");

        Timeline timeline = check(edited, cache());

        assertFalse(fromCache(timeline));
        assertTrue(stored(timeline));
    }

    @Test
    void anotherAppliedMigrationMissesTheCache() {
        check(prod, cache());
        InMemorySnapshot more = prod.next("deploy-1c").with("db/migration/V3_1__index.sql",
                "CREATE INDEX person_alice ON person (alice);");

        assertFalse(fromCache(check(more, cache())));
    }

    @Test
    void anotherPlaceholderValueMissesTheCache() {
        InMemorySnapshot placeholders = prod.next("deploy-1p").with("db/migration/V3__seed.sql",
                "INSERT INTO person (id, alice) VALUES (1, '${who}');");
        check(new H2Engine(), batch(placeholders, Map.of("who", "ann")), cache());

        assertTrue(fromCache(check(new H2Engine(), batch(placeholders, Map.of("who", "ann")), cache())));
        assertFalse(fromCache(check(new H2Engine(), batch(placeholders, Map.of("who", "bob")), cache())));
    }

    @Test
    void anotherEngineVersionMissesTheCache() {
        check(prod, cache());

        Timeline other = check(new Described(new H2Engine(), "H2 9.9.9 (PostgreSQL mode)"), batch(prod, Map.of()),
                cache());

        assertFalse(fromCache(other));
        assertTrue(stored(other));
    }

    @Test
    void anotherBuildOfTheToolMissesTheCache() {
        check(prod, cache());

        assertFalse(fromCache(check(prod, cache().asTool("0.2.0 jar:1:2"))));
        assertTrue(fromCache(check(prod, cache())));
    }

    @Test
    void aTruncatedEntryIsMadeAgain() throws IOException {
        check(prod, cache());
        Path script = entries().get(0).resolve("s0.sql");
        byte[] whole = Files.readAllBytes(script);
        Files.write(script, java.util.Arrays.copyOf(whole, whole.length / 2));

        Timeline rebuilt = check(prod, cache());
        Timeline warm = check(prod, cache());

        assertFalse(fromCache(rebuilt));
        assertTrue(rebuilt.notes().stream().anyMatch(note -> note.contains("was damaged")), rebuilt.notes().toString());
        assertTrue(stored(rebuilt));
        // Whole again: longer than what was left of it, and the warm check takes it (the entry's size and SHA-256
        // are checked). Not byte for byte the first script: H2's SCRIPT of the same schema varies between runs.
        assertTrue(Files.size(script) > whole.length / 2, "made again whole");
        assertTrue(fromCache(warm));
        assertEquals(outcomes(check(prod, BaselineCache.none())), outcomes(warm));
    }

    @Test
    void aScriptThatNoLongerRunsIsMadeAgainEvenWhenItsEntryWasRewrittenToMatch() throws IOException {
        check(prod, cache());
        Path entry = entries().get(0);
        Files.writeString(entry.resolve("s0.sql"), "CREATE TABLE half (");
        String properties = Files.readString(entry.resolve("entry.properties"))
                .replaceAll("script\\.bytes=\\d+", "script.bytes=" + Files.size(entry.resolve("s0.sql")))
                .replaceAll("script\\.sha256=\\w+", "script.sha256="
                        + BaselineKey.sha256(Files.readAllBytes(entry.resolve("s0.sql"))));
        Files.writeString(entry.resolve("entry.properties"), properties);

        Timeline rebuilt = check(prod, cache());

        assertTrue(rebuilt.notes().stream().anyMatch(note -> note.contains("does not run")), rebuilt.notes().toString());
        assertEquals(outcomes(check(prod, BaselineCache.none())), outcomes(rebuilt));
    }

    @Test
    void aWarmCheckTakesTheProbesOutcomesAtS0FromTheEntry() throws IOException {
        check(prod, cache());
        Path probes = entries().get(0).resolve("s0-probes.tsv");
        List<String> lines = Files.readAllLines(probes);
        assertEquals(3, lines.size(), "a header and the two statements: " + lines);
        List<String> tampered = new java.util.ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t", -1);
            tampered.add(String.join("\t", fields[0], "42P01", "0", "UNDEFINED_TABLE", "as kept", "-", "$"));
        }
        Files.write(probes, tampered);

        Timeline warm = check(prod, cache());

        assertTrue(fromCache(warm));
        assertEquals(List.of("as kept", "as kept"), warm.states().get(0).outcomes().stream()
                .map(outcome -> outcome.error().message()).toList());
    }

    @Test
    void aDamagedFileOfOutcomesIsProbedAgainAndWrittenWhole() throws IOException {
        Timeline cold = check(prod, cache());
        Path probes = entries().get(0).resolve("s0-probes.tsv");
        String whole = Files.readString(probes);
        Files.writeString(probes, whole.substring(0, whole.length() - 4));

        Timeline warm = check(prod, cache());

        assertEquals(outcomes(cold), outcomes(warm));
        assertEquals(whole.lines().sorted().toList(), Files.readString(probes).lines().sorted().toList());
    }

    @Test
    void noCacheKeepsNothing() {
        Timeline timeline = check(prod, BaselineCache.none());

        assertFalse(Files.exists(cacheDir.resolve("h2")));
        assertTrue(timeline.notes().stream().noneMatch(note -> note.contains("baseline")));
    }

    @Test
    void theLeastRecentlyUsedEntryGoesWhenTheBoundIsReached() throws IOException {
        check(prod, cache());
        long one = Files.size(entries().get(0).resolve("s0.sql"));
        InMemorySnapshot more = prod.next("deploy-1c").with("db/migration/V3_1__index.sql",
                "CREATE INDEX person_alice ON person (alice);");

        check(more, BaselineCache.at(cacheDir, one * 3 / 2 + 1024));

        assertEquals(1, entries().size());
        assertTrue(fromCache(check(more, cache())));
        assertFalse(fromCache(check(prod, BaselineCache.at(cacheDir, one * 3 / 2 + 1024))));
    }

    @Test
    void whatAKilledCheckLeftAsideIsRemovedAndTheFolderIsTheUsersAlone() throws IOException {
        Path abandoned = Files.createDirectories(cacheDir.resolve("h2/0123.part-dead"));
        Files.writeString(abandoned.resolve("s0.sql"), "CREATE TABLE half (");
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(java.time.Instant.now()
                .minus(java.time.Duration.ofHours(2))));
        Path recent = Files.createDirectories(cacheDir.resolve("h2/4567.part-writing"));

        check(prod, cache());

        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(recent), "another check may be writing it");
        assertEquals(1, entries().stream().filter(entry -> Files.exists(entry.resolve("entry.properties"))).count());
    }

    @Test
    void theCacheFolderIsMadeForTheUserAlone(@TempDir Path home) {
        Path fresh = home.resolve("cache");
        check(new H2Engine(), batch(prod, Map.of()), BaselineCache.at(fresh, 1L << 30));

        assertEquals("rwx------", permissions(fresh.resolve("h2")));
    }

    private static String permissions(Path folder) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** H2 under another description, as another version of it would be. */
    private record Described(ReplayEngine engine, String description) implements ReplayEngine {
        @Override
        public String id() {
            return engine.id();
        }

        @Override
        public ReplayDatabase create() {
            ReplayDatabase db = engine.create();
            return new ReplayDatabase() {
                @Override
                public String description() {
                    return description;
                }

                @Override
                public EngineKind kind() {
                    return db.kind();
                }

                @Override
                public String url() {
                    return db.url();
                }

                @Override
                public String user() {
                    return db.user();
                }

                @Override
                public String password() {
                    return db.password();
                }

                @Override
                public Connection connect() throws SQLException {
                    return db.connect();
                }

                @Override
                public void disableForeignKeyChecks(Connection connection) throws SQLException {
                    db.disableForeignKeyChecks(connection);
                }

                @Override
                public void enableForeignKeyChecks(Connection connection) throws SQLException {
                    db.enableForeignKeyChecks(connection);
                }

                @Override
                public FluentConfiguration tune(FluentConfiguration configuration) {
                    return db.tune(configuration);
                }

                @Override
                public AdaptedScript adapt(String script) {
                    return db.adapt(script);
                }

                @Override
                public void close() {
                    db.close();
                }
            };
        }
    }
}
