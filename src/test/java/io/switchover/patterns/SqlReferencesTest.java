package io.switchover.patterns;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlReferencesTest {

    private static SqlReferences of(String sql) {
        Optional<SqlReferences> references = SqlReferences.of(sql);
        assertTrue(references.isPresent(), "did not parse: " + sql);
        return references.get();
    }

    @Test
    void resolvesTableAliasesToTheirTable() {
        SqlReferences refs = of("SELECT p.alice, a.street FROM person p JOIN address a ON a.person_id = p.id");
        assertEquals(StatementKind.SELECT, refs.kind());
        assertEquals(Set.of("person", "address"), refs.tables());
        assertEquals(Map.of("person", Set.of("alice", "id"), "address", Set.of("street", "person_id")),
                refs.columns());
    }

    @Test
    void givesUnqualifiedColumnsOfASingleTableStatementToThatTable() {
        assertEquals(Map.of("person", Set.of("name", "id")), of("SELECT name FROM person WHERE id = 1").columns());
    }

    @Test
    void givesUnqualifiedColumnsToEveryTableWhenSeveralAreInScope() {
        SqlReferences refs = of("SELECT nickname FROM person p JOIN address a ON a.person_id = p.id");
        assertTrue(refs.columns().get("person").contains("nickname"));
        assertTrue(refs.columns().get("address").contains("nickname"));
    }

    @Test
    void keepsTheSchemaOfAQualifiedTable() {
        SqlReferences refs = of("SELECT p.name FROM billing.person p");
        assertEquals(Set.of("person"), refs.tables());
        assertEquals(Set.of("billing.person"), refs.qualifiedTables());
        assertEquals(Map.of("person", Set.of("name")), refs.columns());
    }

    @Test
    void readsTheInsertColumnListInOrder() {
        SqlReferences refs = of("INSERT INTO Person (Name, EMAIL) VALUES (?, ?)");
        assertEquals(StatementKind.INSERT, refs.kind());
        assertEquals(List.of("name", "email"), refs.insertColumns());
        assertEquals(Map.of("person", Set.of("name", "email")), refs.columns());
    }

    @Test
    void readsUpdateSetTargets() {
        SqlReferences refs = of("UPDATE person SET name = ?, email = ? WHERE id = ?");
        assertEquals(List.of("name", "email"), refs.updateColumns());
        assertEquals(Set.of("name", "email", "id"), refs.columns().get("person"));
    }

    @Test
    void leavesOutColumnsOfCommonTableExpressions() {
        SqlReferences refs = of("WITH recent AS (SELECT id FROM person) SELECT r.id FROM recent r");
        assertEquals(StatementKind.WITH, refs.kind());
        assertEquals(Set.of("person"), refs.tables());
        assertEquals(Map.of("person", Set.of("id")), refs.columns());
    }

    @Test
    void flagsSelectStar() {
        assertTrue(of("SELECT * FROM person").selectsStar());
        assertTrue(of("SELECT p.* FROM person p").selectsStar());
        assertFalse(of("SELECT count(id) FROM person").selectsStar());
    }

    @Test
    void bindsInsertValuesToInsertColumns() {
        assertEquals(List.of("person.name", "person.email"),
                of("INSERT INTO person (name, email) VALUES (?, ?)").parameterColumns());
    }

    @Test
    void bindsInsertValuesOfEveryRowAndSkipsLiterals() {
        assertEquals(List.of("person.email", "person.name", "person.email"),
                of("INSERT INTO person (name, email) VALUES ('x', ?), (?, ?)").parameterColumns());
    }

    @Test
    void bindsUpdateSetAndWhereParametersInOrder() {
        assertEquals(List.of("person.name", "person.email", "person.id"),
                of("UPDATE person SET name = ?, email = ? WHERE id = ?").parameterColumns());
    }

    @Test
    void bindsComparisonsInWhere() {
        assertEquals(List.of("person.id", "person.age"),
                of("SELECT name FROM person WHERE id = ? AND age > ?").parameterColumns());
        assertEquals(List.of("person.created", "person.created", "person.id"),
                of("SELECT name FROM person p WHERE p.created BETWEEN ? AND ? AND ? = p.id").parameterColumns());
    }

    @Test
    void bindsNamedParameters() {
        SqlReferences refs = of("DELETE FROM person WHERE id = :id");
        assertEquals(StatementKind.DELETE, refs.kind());
        assertEquals(List.of("person.id"), refs.parameterColumns());
    }

    @Test
    void bindsThroughACastAndInsideInLists() {
        assertEquals(List.of("person.id", "person.status", "person.status"),
                of("SELECT name FROM person WHERE id = ?::uuid AND status IN (?, ?)").parameterColumns());
    }

    @Test
    void leavesParametersUnboundWhenTheColumnIsNotObvious() {
        assertEquals(Arrays.asList(null, "person.id"),
                of("SELECT name FROM person WHERE lower(name) = lower(?) AND id = ?").parameterColumns());
    }

    @Test
    void namesOnlyTheColumnWhenItsTableIsAmbiguous() {
        assertEquals(List.of("name"),
                of("SELECT 1 FROM person p JOIN address a ON a.person_id = p.id WHERE name = ?").parameterColumns());
    }

    @Test
    void isEmptyForUnparsableSqlAndForDdl() {
        assertTrue(SqlReferences.of("SELECT FROM WHERE").isEmpty());
        assertTrue(SqlReferences.of("CREATE TABLE t (id int)").isEmpty());
    }
}
