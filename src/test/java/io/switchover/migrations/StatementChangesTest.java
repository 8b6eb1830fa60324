package io.switchover.migrations;

import io.switchover.migrations.DdlChange.AddColumn;
import io.switchover.migrations.DdlChange.AddConstraint;
import io.switchover.migrations.DdlChange.AlterColumnType;
import io.switchover.migrations.DdlChange.ConstraintKind;
import io.switchover.migrations.DdlChange.CopyData;
import io.switchover.migrations.DdlChange.CreateIndex;
import io.switchover.migrations.DdlChange.DropColumn;
import io.switchover.migrations.DdlChange.DropDefault;
import io.switchover.migrations.DdlChange.RenameColumn;
import io.switchover.migrations.DdlChange.RenameTable;
import io.switchover.migrations.DdlChange.SetNotNull;
import io.switchover.migrations.DdlChange.ValidateConstraint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The migration text reader, on the PostgreSQL and H2 forms JSqlParser 5.4 reads and on those it refuses. */
class StatementChangesTest {

    @Test
    void readsRenamesInPostgresAndH2Forms() {
        assertEquals(List.of(new RenameColumn("person", "alice", "brian")),
                StatementChanges.read("ALTER TABLE public.person RENAME COLUMN alice TO brian;"));
        assertEquals(List.of(new RenameColumn("person", "alice", "brian")),
                StatementChanges.read("ALTER TABLE IF EXISTS ONLY person RENAME alice TO brian"));
        assertEquals(List.of(new RenameColumn("person", "alice", "brian")),
                StatementChanges.read("ALTER TABLE person ALTER COLUMN alice RENAME TO brian"));
        assertEquals(List.of(new RenameTable("person", "people")),
                StatementChanges.read("alter table \"person\" rename to people"));
        assertEquals(List.of(), StatementChanges.read("ALTER TABLE person RENAME CONSTRAINT a TO b"));
    }

    @Test
    void readsDroppedTables() {
        assertEquals(List.of(new DdlChange.DropTable("legacy_address"), new DdlChange.DropTable("fax")),
                StatementChanges.read("DROP TABLE IF EXISTS public.legacy_address, fax CASCADE"));
    }

    @Test
    void readsSeveralActionsOfOneAlterTable() {
        assertEquals(List.of(new AddColumn("person", "brian", "VARCHAR(100)", Optional.empty(), false),
                        new DropColumn("person", "alice")),
                StatementChanges.read("ALTER TABLE person ADD COLUMN brian VARCHAR(100), DROP COLUMN IF EXISTS alice"));
    }

    @Test
    void readsAnAddedColumnsDefaultAndGeneration() {
        assertEquals(List.of(new AddColumn("orders", "currency", "VARCHAR(3)", Optional.of("'EUR'"), false)),
                StatementChanges.read("ALTER TABLE orders ADD COLUMN currency VARCHAR(3) DEFAULT 'EUR' NOT NULL"));
        assertEquals(List.of(new AddColumn("person", "token", "UUID", Optional.of("gen_random_uuid()"), false)),
                StatementChanges.read("ALTER TABLE person ADD token UUID NOT NULL DEFAULT gen_random_uuid()"));
        assertEquals(List.of(new AddColumn("person", "n", "NUMERIC(10,2)", Optional.empty(), true)),
                StatementChanges.read("ALTER TABLE person ADD COLUMN n NUMERIC(10,2) GENERATED ALWAYS AS (a * 2) STORED"));
    }

    @Test
    void readsColumnAlterationsIncludingFormsJSqlParserRefuses() {
        assertEquals(List.of(new AlterColumnType("payment", "reference", "VARCHAR(20)")),
                StatementChanges.read("ALTER TABLE payment ALTER COLUMN reference SET DATA TYPE VARCHAR(20)"));
        assertEquals(List.of(new AlterColumnType("payment", "reference", "BIGINT")),
                StatementChanges.read("ALTER TABLE payment ALTER reference TYPE BIGINT USING reference::bigint"));
        assertEquals(List.of(new AlterColumnType("payment", "reference", "VARCHAR(20)")),
                StatementChanges.read("ALTER TABLE payment ALTER COLUMN reference VARCHAR(20)"));
        assertEquals(List.of(new SetNotNull("orders", "note")),
                StatementChanges.read("ALTER TABLE orders ALTER COLUMN note SET NOT NULL"));
        assertEquals(List.of(new DropDefault("orders", "currency")),
                StatementChanges.read("ALTER TABLE orders ALTER COLUMN currency DROP DEFAULT"));
        assertEquals(List.of(), StatementChanges.read("ALTER TABLE orders ALTER COLUMN note DROP NOT NULL"));
    }

    @Test
    void readsConstraintsWithNotValidAndUsingIndex() {
        assertEquals(List.of(new AddConstraint("person", "person_org_fk", ConstraintKind.FOREIGN_KEY, List.of("org_id"),
                        "FOREIGN KEY (org_id) REFERENCES org (id) NOT VALID", true, false)),
                StatementChanges.read("ALTER TABLE person ADD CONSTRAINT person_org_fk FOREIGN KEY (org_id) "
                        + "REFERENCES org (id) NOT VALID;"));
        assertEquals(List.of(new AddConstraint("person", null, ConstraintKind.CHECK, List.of("age"),
                        "CHECK (age > 0 AND age < 200)", false, false)),
                StatementChanges.read("ALTER TABLE person ADD CHECK (age > 0 AND age < 200)"));
        assertEquals(List.of(new AddConstraint("person", "uq", ConstraintKind.UNIQUE, List.of(),
                        "UNIQUE USING INDEX person_email", false, true)),
                StatementChanges.read("ALTER TABLE person ADD CONSTRAINT uq UNIQUE USING INDEX person_email"));
        assertEquals(List.of(new ValidateConstraint("person", "person_org_fk")),
                StatementChanges.read("ALTER TABLE person VALIDATE CONSTRAINT person_org_fk"));
    }

    @Test
    void readsIndexes() {
        assertEquals(List.of(new CreateIndex("person", "person_email", true, true, List.of("email"))),
                StatementChanges.read("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS person_email ON ONLY person "
                        + "USING btree (lower(email))"));
        assertEquals(List.of(new CreateIndex("person", null, false, false, List.of("created_at"))),
                StatementChanges.read("create index on person (created_at desc)"));
    }

    @Test
    void readsDataCopies() {
        assertEquals(List.of(new CopyData("person", List.of("brian"), "person", Set.of("alice"))),
                StatementChanges.read("UPDATE person SET brian = alice WHERE brian IS NULL"));
        assertEquals(List.of(new CopyData("person", List.of("brian"), "person", Set.of("alice"))),
                StatementChanges.read("UPDATE person p SET brian = upper(p.alice), updated_at = now()"));
        assertEquals(List.of(new CopyData("consent", List.of("person_id", "purpose", "given_at"), "person",
                        Set.of("id", "marketing_opt_in"))),
                StatementChanges.read("INSERT INTO consent (person_id, purpose, given_at)\n"
                        + "SELECT id, 'marketing', CURRENT_TIMESTAMP FROM person WHERE marketing_opt_in = TRUE"));
        assertEquals(List.of(), StatementChanges.read("UPDATE person SET status = 'active', counter = counter + 1"));
    }

    @Test
    void leavesStatementsOfOtherFormsUnclassified() {
        assertEquals(List.of(), StatementChanges.read("DO $$ BEGIN ALTER TABLE person DROP COLUMN alice; END $$"));
        assertEquals(List.of(), StatementChanges.read("ALTER TABLE"));
        assertEquals(List.of(), StatementChanges.read("ALTER TABLE person ADD CONSTRAINT"));
        assertEquals(List.of(), StatementChanges.read("CREATE INDEX ((("));
        assertEquals(List.of(), StatementChanges.read("UPDATE"));
        assertEquals(List.of(), StatementChanges.read("-- only a comment"));
        assertEquals(List.of(), StatementChanges.read("LOCK TABLE person IN ACCESS EXCLUSIVE MODE"));
    }
}
