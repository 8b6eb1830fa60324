package io.switchover.replay;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbsentRolesTest {
    private static final Set<String> SERVER = Set.of("postgres", "Reporting");

    @Test
    void namesTheRolesOfOwnershipPrivilegesAndSetRoleThatTheServerLacks() {
        assertEquals(List.of("veilarboppfolging"), AbsentRoles.missingRoles(
                "alter sequence oppfolgingsenhet_endret_rowid_seq owner to veilarboppfolging", SERVER));
        assertEquals(List.of("app"), AbsentRoles.missingRoles("ALTER FUNCTION f(integer, text) OWNER TO app;", SERVER));
        assertEquals(List.of("app", "audit"), AbsentRoles.missingRoles(
                "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO app, GROUP audit WITH GRANT OPTION", SERVER));
        assertEquals(List.of("cloudsqliamuser"), AbsentRoles.missingRoles(
                "REVOKE ALL ON TABLE person FROM cloudsqliamuser CASCADE", SERVER));
        assertEquals(List.of("app"), AbsentRoles.missingRoles(
                "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO app", SERVER));
        assertEquals(List.of("migrator"), AbsentRoles.missingRoles("SET ROLE migrator", SERVER));
    }

    @Test
    void leavesRolesTheServerHasAndStatementsThatOnlyLookAlike() {
        assertEquals(List.of(), AbsentRoles.missingRoles("GRANT SELECT ON person TO PUBLIC, \"Reporting\"", SERVER));
        assertEquals(List.of(), AbsentRoles.missingRoles("ALTER TABLE person OWNER TO postgres", SERVER));
        assertEquals(List.of(), AbsentRoles.missingRoles("ALTER TABLE person RENAME COLUMN owner TO holder", SERVER));
        assertEquals(List.of(), AbsentRoles.missingRoles("ALTER TABLE person OWNER TO app, ADD COLUMN x INT", SERVER),
                "a statement that does more than change the owner runs as written");
        assertEquals(List.of(), AbsentRoles.missingRoles("UPDATE person SET owner = 'to app'", SERVER));
        assertEquals(List.of(), AbsentRoles.missingRoles("INSERT INTO grants (role) VALUES ('app')", SERVER));
    }

    @Test
    void skipsOnlyTheStatementsThatNameAbsentRolesAndSaysWhich() {
        String script = "CREATE SEQUENCE s;\nALTER SEQUENCE s OWNER TO app;\nGRANT USAGE ON SEQUENCE s TO postgres;\n"
                + "CREATE TABLE t (id INT);\n";

        AdaptedScript adapted = AbsentRoles.skip(script, SERVER);

        assertTrue(adapted.script().contains("CREATE SEQUENCE s;"), adapted.script());
        assertTrue(!adapted.script().contains("OWNER TO app"), adapted.script());
        assertTrue(adapted.script().contains("GRANT USAGE ON SEQUENCE s TO postgres;"), adapted.script());
        assertTrue(adapted.script().contains("CREATE TABLE t (id INT);"), adapted.script());
        assertEquals(Set.of("skipped the ownership and privileges of role app, which the replay's server does not"
                + " have (roles are the cluster's; they change nothing the old service's SQL sees here)"),
                adapted.changes());
        assertEquals(AdaptedScript.unchanged("CREATE TABLE t (id INT);"), AbsentRoles.skip("CREATE TABLE t (id INT);",
                SERVER));
    }
}
