package io.switchover.migrations;

import io.switchover.migrations.DdlChange.CopyData;
import io.switchover.migrations.DdlChange.CreateIndex;
import io.switchover.migrations.DdlChange.DropColumn;
import io.switchover.migrations.DdlChange.RenameColumn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch read once: what the rules read (changes at their lines) and what the replay reads (each step's reach). */
class BatchChangesTest {
    private static final Migration RENAME = new Migration("2", "rename", "V2__rename.sql", 1, "db/V2__rename.sql");
    private static final Migration COPY = new Migration("3", "copy", "V3__copy.sql", 1, "db/V3__copy.sql");
    private static final Migration FROM_CLASS = new Migration("4", "java", "db.V4__java", null, "src/V4__java.java",
            new Migration.Replay.FromClass("app.jar", List.of("ALTER TABLE person DROP COLUMN alice")));

    private final MigrationScriptReader reader = new MigrationScriptReader();

    private BatchChanges twoSqlMigrations() {
        return BatchChanges.of(List.of(
                reader.read(RENAME, 1, "-- the new name\nALTER TABLE person RENAME COLUMN alice TO brian;\n\n"
                        + "CREATE INDEX person_brian ON person (brian);\n"),
                reader.read(COPY, 2, "UPDATE person SET carol = brian;\nINSERT INTO archive (id) SELECT id FROM "
                        + "person;\n")));
    }

    @Test
    void readsEachChangeWithTheLineOfItsStatementInBatchOrder() {
        List<LocatedChange> located = twoSqlMigrations().located();
        assertEquals(List.of(new RenameColumn("person", "alice", "brian"),
                new CreateIndex("person", "person_brian", false, false, List.of("brian")),
                new CopyData("person", List.of("carol"), "person", Set.of("brian")),
                new CopyData("archive", List.of("id"), "person", Set.of("id"))),
                located.stream().map(LocatedChange::change).toList());
        assertEquals(List.of(2, 4, 1, 2), located.stream().map(LocatedChange::line).toList());
        assertEquals(List.of(1, 1, 2, 2), located.stream().map(LocatedChange::step).toList());
    }

    @Test
    void givesTheReplayEachStepsReachAndTheBatchsTables() {
        BatchChanges changes = twoSqlMigrations();
        MigrationEffects rename = changes.effectsOf(RENAME);
        assertFalse(rename.all());
        assertEquals(Set.of("person"), rename.tables());
        assertEquals(Set.of("person"), rename.columnOnly());
        assertTrue(changes.effectsOf(COPY).none(), "a data copy changes nothing an old statement sees");
        assertEquals(Optional.of(Set.of("person")), changes.reachedTables());
        assertEquals(Set.of("person", "archive"), changes.namedTables());
    }

    @Test
    void aClassThatRunsMayChangeAnythingWhateverItsSourceSays() {
        BatchChanges changes = BatchChanges.of(List.of(reader.read(RENAME, 1, "ALTER TABLE person RENAME alice TO b;"),
                new MigrationScript(FROM_CLASS, 2, List.of(new MigrationStatement(0,
                        "ALTER TABLE person DROP COLUMN alice", List.of())), List.of())));
        assertTrue(changes.effectsOf(FROM_CLASS).all());
        assertEquals(Optional.empty(), changes.reachedTables());
        // The rules still read what its source says it does.
        assertEquals(new DropColumn("person", "alice"), changes.located().get(1).change());
    }

    @Test
    void withoutHeldBackMigrationsKeepsTheOthersAsRead() {
        BatchChanges changes = twoSqlMigrations();
        BatchChanges rest = changes.without(Set.of(RENAME));
        assertEquals(List.of(COPY), rest.migrations().stream().map(MigrationChanges::migration).toList());
        assertSame(changes.migrations().get(1), rest.migrations().get(0));
        assertEquals(Optional.of(Set.of()), rest.reachedTables());
        assertTrue(rest.effectsOf(RENAME).all(), "a migration the batch does not hold is not known");
    }

    @Test
    void tellsTheChangesOfOneStatement() {
        BatchChanges changes = twoSqlMigrations();
        MigrationStatement index = changes.scripts().get(0).statements().get(1);
        assertEquals(List.of(new CreateIndex("person", "person_brian", false, false, List.of("brian"))),
                changes.of(index));
    }
}
