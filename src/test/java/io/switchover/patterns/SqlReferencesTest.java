package io.switchover.patterns;

import io.switchover.patterns.model.StatementKind;
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
        assertFalse(of("SELECT count(*) FROM person WHERE person.current IS NULL").selectsStar(), "count(*) counts rows");
        assertTrue(of("SELECT count(*), p.* FROM person p GROUP BY p.id").selectsStar());
        // veilarboppfolging: an EXISTS subquery's * gives the statement no column to read
        assertFalse(of("INSERT INTO kandidat (aktor_id) SELECT ? WHERE NOT EXISTS (SELECT * FROM kandidat WHERE"
                + " aktor_id = ?)").selectsStar());
        assertFalse(of("SELECT id FROM person p WHERE EXISTS (SELECT a.* FROM address a WHERE a.person = p.id)")
                .selectsStar());
        assertTrue(of("SELECT * FROM person p WHERE EXISTS (SELECT 1 FROM address a WHERE a.person = p.id)")
                .selectsStar());
        // veilarbportefolje's alarm: rows counted, no column read
        assertFalse(of("SELECT count(*) FROM person p LEFT JOIN address a ON a.person = p.id GROUP BY p.id"
                + " HAVING count(a.*) = 0").selectsStar());
    }

    /** veilarbportefolje: SELECT a.* of a join, and SELECT * over a subquery of another table, star one table. */
    @Test
    void saysWhichTablesAStarSelectsEveryColumnOf() {
        assertEquals(Set.of("arbeidsliste"), of("SELECT a.*, f.verdi FROM arbeidsliste a INNER JOIN oppfolging_data o"
                + " ON a.aktoerid = o.aktoerid LEFT JOIN fargekategori f ON f.fnr = a.fnr").starredTables());
        assertEquals(Set.of("tiltakkodeverket"), of("SELECT * FROM tiltakkodeverket WHERE kode IN (SELECT tiltak FROM"
                + " oppfolgingsbruker_arena_v2 WHERE fnr = ?)").starredTables());
        assertEquals(Set.of("person", "address"), of("SELECT * FROM person p JOIN address a ON a.person = p.id")
                .starredTables());
        assertEquals(Set.of("person"), of("SELECT x.* FROM (SELECT * FROM person) x").starredTables(),
                "a subquery's own star stars its table");
        assertEquals(Set.of(), of("SELECT x.* FROM (SELECT id, name FROM person) x").starredTables(),
                "a subquery that names its columns stars nothing");
        assertEquals(Set.of(), of("SELECT count(*) FROM person").starredTables());
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
    void blamesAnAliasedColumnOnlyOnTheTableItsAliasStandsFor() {
        SqlReferences refs = of("SELECT v.id FROM selve_varsel v JOIN oppgave o ON o.id = v.oppgave_id"
                + " WHERE o.generasjon_ref = ?");
        assertEquals(Map.of("selve_varsel", Set.of("id", "oppgave_id"), "oppgave", Set.of("id", "generasjon_ref")),
                refs.columns());
        assertEquals(List.of("oppgave.generasjon_ref"), refs.parameterColumns());
    }

    @Test
    void resolvesTheSameAliasSeparatelyInEachSubquery() {
        SqlReferences refs = of("SELECT o.id FROM oppgave o WHERE o.status = ?"
                + " AND EXISTS (SELECT 1 FROM selve_varsel o WHERE o.generasjon_ref = ?)");
        assertEquals(Set.of("id", "status"), refs.columns().get("oppgave"));
        assertEquals(Set.of("generasjon_ref"), refs.columns().get("selve_varsel"));
        assertEquals(List.of("oppgave.status", "selve_varsel.generasjon_ref"), refs.parameterColumns());
    }

    @Test
    void resolvesACorrelatedSubqueryColumnToTheOuterTable() {
        SqlReferences refs = of("SELECT o.id FROM oppgave o WHERE NOT EXISTS"
                + " (SELECT 1 FROM selve_varsel v WHERE v.oppgave_id = o.id AND v.generasjon_ref = o.generasjon_ref)");
        assertEquals(Set.of("id", "generasjon_ref"), refs.columns().get("oppgave"));
        assertEquals(Set.of("oppgave_id", "generasjon_ref"), refs.columns().get("selve_varsel"));
    }

    @Test
    void givesUnqualifiedColumnsOfASubqueryToTheSubquerysOwnTable() {
        SqlReferences refs = of("SELECT p.name FROM person p WHERE p.id IN (SELECT person_id FROM address WHERE city = ?)");
        assertEquals(Map.of("person", Set.of("name", "id"), "address", Set.of("person_id", "city")), refs.columns());
        assertEquals(List.of("address.city"), refs.parameterColumns());
    }

    @Test
    void leavesColumnsOfADerivedTableToItsSelectList() {
        SqlReferences refs = of("SELECT d.total, p.name FROM (SELECT person_id, sum(amount) AS total FROM payment"
                + " GROUP BY person_id) d JOIN person p ON p.id = d.person_id");
        assertEquals(Map.of("payment", Set.of("person_id", "amount"), "person", Set.of("name", "id")), refs.columns());
    }

    @Test
    void followsAStarOfACommonTableExpressionToItsTable() {
        SqlReferences refs = of("WITH active AS (SELECT * FROM person WHERE deleted_at IS NULL)"
                + " SELECT a.alice FROM active a WHERE a.id = ?");
        assertEquals(Map.of("person", Set.of("deleted_at", "alice", "id")), refs.columns());
        assertEquals(List.of("person.id"), refs.parameterColumns());
    }

    @Test
    void doesNotBlameACommonTableExpressionsOutputOnATableOfTheSameColumnName() {
        SqlReferences refs = of("WITH latest AS (SELECT oppgave_id, max(opprettet) AS opprettet FROM selve_varsel"
                + " GROUP BY oppgave_id) SELECT o.id FROM oppgave o JOIN latest l ON l.oppgave_id = o.id"
                + " WHERE l.opprettet > ?");
        assertEquals(Map.of("selve_varsel", Set.of("oppgave_id", "opprettet"), "oppgave", Set.of("id")),
                refs.columns());
    }

    @Test
    void resolvesEachBranchOfAUnionInItsOwnScope() {
        SqlReferences refs = of("SELECT p.name FROM person p WHERE p.id = ? UNION SELECT c.name FROM company c"
                + " WHERE c.org_nr = ?");
        assertEquals(Map.of("person", Set.of("name", "id"), "company", Set.of("name", "org_nr")), refs.columns());
        assertEquals(List.of("person.id", "company.org_nr"), refs.parameterColumns());
    }

    @Test
    void readsInsertSelectWithTheSelectsColumnsOnItsOwnTable() {
        SqlReferences refs = of("INSERT INTO person_archive (id, name) SELECT p.id, p.name FROM person p"
                + " WHERE p.deleted_at < ?");
        assertEquals(List.of("id", "name"), refs.insertColumns());
        assertEquals(Map.of("person", Set.of("id", "name", "deleted_at"), "person_archive", Set.of("id", "name")),
                refs.columns());
        assertEquals(List.of("person.deleted_at"), refs.parameterColumns());
    }

    @Test
    void leavesExcludedOutOfAnUpsert() {
        SqlReferences refs = of("INSERT INTO person (id, name) VALUES (?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name");
        assertEquals(Map.of("person", Set.of("id", "name")), refs.columns());
    }

    @Test
    void resolvesUpdateFromPerTable() {
        SqlReferences refs = of("UPDATE selve_varsel v SET status = ? FROM oppgave o"
                + " WHERE o.id = v.oppgave_id AND o.generasjon_ref = ?");
        assertEquals(Set.of("status", "oppgave_id"), refs.columns().get("selve_varsel"));
        assertEquals(Set.of("id", "generasjon_ref"), refs.columns().get("oppgave"));
        assertEquals(List.of("selve_varsel.status", "oppgave.generasjon_ref"), refs.parameterColumns());
    }

    @Test
    void resolvesDeleteUsingPerTable() {
        SqlReferences refs = of("DELETE FROM selve_varsel v USING oppgave o"
                + " WHERE v.oppgave_id = o.id AND o.generasjon_ref = ?");
        assertEquals(Map.of("selve_varsel", Set.of("oppgave_id"), "oppgave", Set.of("id", "generasjon_ref")),
                refs.columns());
        assertEquals(List.of("oppgave.generasjon_ref"), refs.parameterColumns());
    }

    @Test
    void resolvesSchemaQualifiedColumnReferences() {
        SqlReferences refs = of("SELECT billing.invoice.total FROM billing.invoice JOIN customer c"
                + " ON c.id = billing.invoice.customer_id");
        assertEquals(Map.of("invoice", Set.of("total", "customer_id"), "customer", Set.of("id")), refs.columns());
        assertEquals(Set.of("billing.invoice", "customer"), refs.qualifiedTables());
    }

    @Test
    void isEmptyForUnparsableSqlAndForDdl() {
        assertTrue(SqlReferences.of("SELECT FROM WHERE").isEmpty());
        assertTrue(SqlReferences.of("CREATE TABLE t (id int)").isEmpty());
    }
}
