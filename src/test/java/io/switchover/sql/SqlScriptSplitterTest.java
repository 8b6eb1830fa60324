package io.switchover.sql;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A data migration's statements are read in place, in time linear in the script. */
class SqlScriptSplitterTest {

    @Test
    void aDollarInsideAnIdentifierStartsNoDollarQuote() {
        List<String> statements = new SqlScriptSplitter().split("create sequence iseq$$_134636 start with 2085;\n"
                + "alter sequence iseq$$_134636 owner to app;\nDO $$ BEGIN PERFORM 1; END $$;\n").stream()
                .map(statement -> statement.text().strip()).toList();

        assertEquals(List.of("create sequence iseq$$_134636 start with 2085", "alter sequence iseq$$_134636 owner to app",
                "DO $$ BEGIN PERFORM 1; END $$"), statements);
    }

    @Test
    void aHugeStatementKeepsItsTextButOnlyTheStartOfItsHead() {
        String insert = "insert into person (id) values " + "(1),\n".repeat(100_000) + "(2)";

        List<SqlScriptSplitter.ScriptStatement> statements = new SqlScriptSplitter().split(insert + ";\nDROP TABLE x CASCADE;");

        assertEquals(insert, statements.get(0).text());
        assertEquals(StatementHead.HEAD_CHARS, statements.get(0).head().length());
        assertEquals("INSERT INTO PERSON (ID) VALUES (1), (1),", statements.get(0).head().substring(0, 40));
        assertEquals("DROP TABLE X CASCADE", statements.get(1).head());
    }

    @Test
    void headsLoseCommentsAndRunsOfWhitespaceAsBefore() {
        List<SqlScriptSplitter.ScriptStatement> statements = new SqlScriptSplitter().split(
                "  alter   table t -- why\n  add column c int /* later */ not null ;\n\tcomment on t is 'stra\u00dfe'");

        assertEquals("ALTER TABLE T ADD COLUMN C INT NOT NULL", statements.get(0).head());
        assertEquals("COMMENT ON T IS 'STRASSE'", statements.get(1).head());
    }

    @Test
    void halfAMillionStatementsAreSplitInLinearTime() {
        String script = "INSERT INTO person (id, name) VALUES (1, 'name');\n".repeat(500_000);

        List<SqlScriptSplitter.ScriptStatement> statements = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new SqlScriptSplitter().split(script));

        assertEquals(500_000, statements.size());
    }
}
