package io.switchover.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A check's parses are its own: kept for the check, never shared with the next one through static state. */
class ParseMemoTest {

    @Test
    void aCheckParsesTheSameTextOnce() {
        ParseMemo parses = new ParseMemo();
        SqlParsing.Parsed first = parses.parse("SELECT id FROM person WHERE id = ?");
        assertTrue(first.ok());
        assertSame(first, parses.parse("SELECT id FROM person WHERE id = ?;"), "the trailing semicolon is no other text");
    }

    @Test
    void anotherCheckAndSqlParsingItselfParseAfresh() {
        String sql = "SELECT id FROM person";
        SqlParsing.Parsed mine = new ParseMemo().parse(sql);
        assertNotSame(mine, new ParseMemo().parse(sql));
        assertNotSame(SqlParsing.parse(sql), SqlParsing.parse(sql));
    }
}
