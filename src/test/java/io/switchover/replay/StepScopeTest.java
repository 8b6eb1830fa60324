package io.switchover.replay;

import io.switchover.migrations.MigrationEffects;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.TableInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which statements a step can affect: left alone only when that is certain. */
class StepScopeTest {
    private static final ColumnInfo ID = new ColumnInfo("id", "BIGINT", java.sql.Types.BIGINT, 19, 0, false, null);
    private static final ColumnInfo NAME = new ColumnInfo("name", "VARCHAR", java.sql.Types.VARCHAR, 100, 0, true, null);

    private static ProbeStatement statement(String sql, Set<String> columns, boolean positional, boolean inserts) {
        return new ProbeStatement(sql, List.of("person"), List.of(), false, Map.of("person", columns), positional, inserts);
    }

    private static SchemaCatalog catalog(ColumnInfo... columns) {
        Map<String, TableInfo> tables = new TreeMap<>();
        tables.put("person", new TableInfo("person", false, List.of(columns)));
        return new SchemaCatalog(tables);
    }

    private static StepScope step(String migration, SchemaCatalog before, SchemaCatalog after) {
        return new StepScope(MigrationEffects.of(migration), CatalogDiff.between(before, after), after);
    }

    private final ProbeStatement selectName = statement("SELECT name FROM person WHERE id = ?", Set.of("name", "id"),
            false, false);
    private final ProbeStatement insertIdName = statement("INSERT INTO person (id, name) VALUES (?, ?)",
            Set.of("id", "name"), false, true);
    private final ProbeStatement selectStar = statement("SELECT * FROM person", Set.of(), true, false);
    private final ProbeStatement onOtherTable = new ProbeStatement("SELECT x FROM audit", List.of("audit"), List.of(),
            false, Map.of("audit", Set.of("x")), false, false);

    @Test
    void aStatementJSqlParserCannotReadIsScopedByItsWords() {
        ProbeStatement selectUuid = ProbeStatement.fromWords("SELECT uuid, name FROM person WHERE uuid = ?", false);
        ProbeStatement insertUuid = ProbeStatement.fromWords("INSERT INTO person (uuid, name) VALUES (?, ?)"
                + " ON CONFLICT (uuid) DO NOTHING", false);
        ColumnInfo nickname = new ColumnInfo("nickname", "VARCHAR", java.sql.Types.VARCHAR, 50, 0, true, null);
        ColumnInfo country = new ColumnInfo("country", "CHAR", java.sql.Types.CHAR, 2, 0, false, null);

        StepScope addNullable = step("ALTER TABLE person ADD COLUMN nickname VARCHAR(50);", catalog(ID, NAME),
                catalog(ID, NAME, nickname));
        assertFalse(addNullable.reaches(selectUuid), "names neither the new column nor depends on order");
        assertFalse(addNullable.reaches(insertUuid));
        assertTrue(addNullable.reaches(ProbeStatement.fromWords("SELECT count(*) FROM person", false)),
                "a * may be a column list: unsure, so probed");
        assertTrue(addNullable.reaches(ProbeStatement.fromWords("INSERT INTO person VALUES (?, ?)", false)),
                "an INSERT without a column list fills the columns in order");

        StepScope addRequired = step("ALTER TABLE person ADD COLUMN country CHAR(2) NOT NULL;", catalog(ID, NAME),
                catalog(ID, NAME, country));
        assertTrue(addRequired.reaches(insertUuid));
        assertFalse(addRequired.reaches(selectUuid));

        StepScope dropName = step("ALTER TABLE person DROP COLUMN name;", catalog(ID, NAME), catalog(ID));
        assertTrue(dropName.reaches(selectUuid));
        assertFalse(dropName.reaches(ProbeStatement.fromWords("SELECT x FROM audit WHERE name = ?", false)),
                "uses no table the step touched");
        assertTrue(step("CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql;", catalog(ID, NAME),
                catalog(ID, NAME)).reaches(ProbeStatement.fromWords("SELECT f() FROM audit", false)),
                "a step that may change anything reaches it");
    }

    @Test
    void aNullableColumnAddedReachesOnlyWhatDependsOnColumnOrderOrNamesIt() {
        ColumnInfo nickname = new ColumnInfo("nickname", "VARCHAR", java.sql.Types.VARCHAR, 50, 0, true, null);
        StepScope scope = step("ALTER TABLE person ADD COLUMN nickname VARCHAR(50);", catalog(ID, NAME),
                catalog(ID, NAME, nickname));

        assertFalse(scope.reaches(selectName));
        assertFalse(scope.reaches(insertIdName));
        assertFalse(scope.reaches(onOtherTable));
        assertTrue(scope.reaches(selectStar));
        assertTrue(scope.reaches(statement("SELECT nickname FROM person", Set.of("nickname"), false, false)),
                "a statement that needs the new column");
    }

    @Test
    void aRequiredColumnAddedReachesTheInserts() {
        ColumnInfo country = new ColumnInfo("country", "CHAR", java.sql.Types.CHAR, 2, 0, false, null);
        StepScope scope = step("ALTER TABLE person ADD COLUMN country CHAR(2) NOT NULL;", catalog(ID, NAME),
                catalog(ID, NAME, country));

        assertTrue(scope.reaches(insertIdName));
        assertFalse(scope.reaches(selectName));
    }

    @Test
    void aDroppedOrAlteredColumnReachesTheStatementsThatNameIt() {
        StepScope drop = step("ALTER TABLE person DROP COLUMN name;", catalog(ID, NAME), catalog(ID));
        assertTrue(drop.reaches(selectName));
        assertFalse(drop.reaches(statement("SELECT id FROM person", Set.of("id"), false, false)));

        ColumnInfo required = new ColumnInfo("name", "VARCHAR", java.sql.Types.VARCHAR, 100, 0, false, null);
        StepScope notNull = step("ALTER TABLE person ALTER COLUMN name SET NOT NULL;", catalog(ID, NAME),
                catalog(ID, required));
        assertTrue(notNull.reaches(statement("INSERT INTO person (id) VALUES (?)", Set.of("id"), false, true)));
    }

    @Test
    void aColumnAnInsertLeavesOutRequiredNoMoreReachesTheInsert() {
        ColumnInfo flag = new ColumnInfo("flag", "BOOLEAN", java.sql.Types.BOOLEAN, 1, 0, false, null);
        ProbeStatement insertId = statement("INSERT INTO person (id) VALUES (?)", Set.of("id"), false, true);
        StepScope drop = step("ALTER TABLE person DROP COLUMN flag;", catalog(ID, flag), catalog(ID));
        assertTrue(drop.reaches(insertId));
        assertFalse(drop.reaches(statement("SELECT id FROM person", Set.of("id"), false, false)));

        ColumnInfo optional = new ColumnInfo("flag", "BOOLEAN", java.sql.Types.BOOLEAN, 1, 0, true, null);
        StepScope nullable = step("ALTER TABLE person ALTER COLUMN flag DROP NOT NULL;", catalog(ID, flag),
                catalog(ID, optional));
        assertTrue(nullable.reaches(insertId));
    }

    @Test
    void anythingButColumnChangesReachesEveryStatementOnTheTable() {
        StepScope constraint = step("ALTER TABLE person ADD CONSTRAINT person_name CHECK (name <> '');",
                catalog(ID, NAME), catalog(ID, NAME));
        assertTrue(constraint.reaches(selectName));
        assertFalse(constraint.reaches(onOtherTable));

        StepScope mixed = step("ALTER TABLE person ADD COLUMN x INT;\nCREATE TRIGGER t BEFORE INSERT ON person"
                + " FOR EACH ROW CALL \"com.example.T\";", catalog(ID, NAME), catalog(ID, NAME));
        assertTrue(mixed.reaches(selectName), "a trigger on the table makes it more than a column change");

        StepScope unknown = step("CREATE FUNCTION f() RETURNS INT AS $$ SELECT 1 $$ LANGUAGE SQL;", catalog(ID, NAME),
                catalog(ID, NAME));
        assertTrue(unknown.reaches(onOtherTable));
    }

    @Test
    void aStatementThatWasNotParsedIsReachedWhenItsTextNamesATableTheStepTouches() {
        ColumnInfo nickname = new ColumnInfo("nickname", "VARCHAR", java.sql.Types.VARCHAR, 50, 0, true, null);
        StepScope scope = step("ALTER TABLE person ADD COLUMN nickname VARCHAR(50);", catalog(ID, NAME),
                catalog(ID, NAME, nickname));

        assertTrue(scope.reaches(new ProbeStatement("SELECT name FROM Person WHERE id = ?", List.of(), List.of())));
        assertFalse(scope.reaches(new ProbeStatement("SELECT x FROM audit WHERE person_id = ?", List.of(), List.of())));
    }

    @Test
    void aTableRenamedAndAlteredInOneStepReachesEveryStatementOnItsNewName() {
        Map<String, TableInfo> renamed = new TreeMap<>();
        ColumnInfo x = new ColumnInfo("x", "INTEGER", java.sql.Types.INTEGER, 10, 0, true, null);
        renamed.put("member", new TableInfo("member", false, List.of(ID, NAME, x)));
        StepScope scope = step("ALTER TABLE person RENAME TO member;\nALTER TABLE member ADD COLUMN x INT;",
                catalog(ID, NAME), new SchemaCatalog(renamed));

        ProbeStatement intoMember = new ProbeStatement("INSERT INTO member (id, name) VALUES (?, ?)", List.of("member"),
                List.of(), true, Map.of("member", Set.of("id", "name")), false, true);
        assertTrue(scope.reaches(intoMember), "the candidate's statement on the new name, which failed before it");
        assertTrue(scope.reaches(selectName));
    }
}
