package io.switchover.sql;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every parse is bounded: by nesting and length before JSqlParser sees the text, by time while it reads it. */
class SqlParsingTest {

    @Test
    void aColumnNamedUuidParsesAsTheColumnItIs() {
        assertTrue(SqlParsing.parse("UPDATE runs SET job_version_uuid = :v WHERE uuid = :runUuid").ok());
        assertTrue(SqlParsing.parse("SELECT d.uuid, d.name FROM datasets d WHERE d.uuid IN (SELECT uuid FROM t)").ok());
        assertTrue(SqlParsing.parse("SELECT id FROM t WHERE id = CAST(? AS uuid)").ok());
        assertFalse(SqlParsing.parse("SELECT uuid FROM WHERE").ok());
    }

    @Test
    void aColumnNamedScriptAndEclipseLinksNamedParametersParse() {
        // alf.io's extension_support.script; hawkbit's EclipseLink native queries with ?tenant
        assertTrue(SqlParsing.parse("select script from extension_support where path = :path").ok());
        assertTrue(SqlParsing.parse("insert into extension_support(path, script, metadata) values (:path, :script,"
                + " :metadata::jsonb)").ok());
        assertTrue(SqlParsing.parse("DELETE FROM sp_action WHERE tenant=?tenant AND id IN (?id_0,?id_1)").ok());
        assertFalse(SqlParsing.parse("select script from where").ok());
    }

    @Test
    void parsesAStatement() {
        SqlParsing.Parsed parsed = SqlParsing.parse("SELECT a FROM t WHERE x = (1);");

        assertTrue(parsed.ok());
        assertFalse(parsed.refused());
    }

    @Test
    void aStatementNestedThousandsDeepIsNotParsedAndSaysHowDeep() {
        String sql = "SELECT a FROM t WHERE x = " + "(".repeat(20_000) + "1" + ")".repeat(20_000);

        SqlParsing.Parsed parsed = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> SqlParsing.parse(sql));

        assertFalse(parsed.ok());
        assertEquals("not parsed: nested 20000 deep, deeper than the 100 levels JSqlParser is given", parsed.reason());
    }

    @Test
    void parenthesesInStringsAndCommentsDoNotCount() {
        String sql = "SELECT '" + "(".repeat(500) + "' FROM t -- " + "(".repeat(500) + "\nWHERE a = /* (((( */ 1";

        assertEquals(1, SqlParsing.nesting("SELECT (a) FROM t"));
        assertEquals(0, SqlParsing.nesting(sql));
        assertTrue(SqlParsing.parse(sql).ok());
    }

    @Test
    void aStatementTooLongIsNotParsed() {
        String sql = "SELECT a FROM t WHERE x IN (" + "1, ".repeat(100_000) + "1)";

        SqlParsing.Parsed parsed = SqlParsing.parse(sql);

        assertTrue(parsed.refused());
        assertTrue(parsed.reason().startsWith("not parsed: it is 292 KB long, longer than the 200 K characters"),
                parsed.reason());
    }

    @Test
    void aParseThatRunsTooLongIsStoppedByTheWatchdog() {
        // JSqlParser backtracks over nested parentheses: 1,000 levels take over a second on this machine.
        String sql = "SELECT a FROM t WHERE x = " + "(".repeat(1_500) + "1" + ")".repeat(1_500);
        AtomicReference<SqlParsing.Parsed> parsed = new AtomicReference<>();
        Thread parsing = new Thread(null, () -> parsed.set(SqlParsing.parseWithin(sql, Integer.MAX_VALUE, 50)),
                "parse", 256L * 1024 * 1024);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            parsing.start();
            parsing.join();
        });

        assertEquals("not parsed: JSqlParser was stopped after 50 ms", parsed.get().reason());
    }

    @Test
    void aSyntaxErrorIsJSqlParsersOwnReason() {
        SqlParsing.Parsed parsed = SqlParsing.parse("SELECT FROM WHERE");

        assertFalse(parsed.refused());
        assertTrue(parsed.reason().startsWith("JSqlParser cannot parse it: "), parsed.reason());
    }
}
