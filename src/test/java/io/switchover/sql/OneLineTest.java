package io.switchover.sql;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class OneLineTest {

    @Property(tries = 2000)
    void givesWhatTheRegularExpressionGives(@ForAll("statements") String text) {
        assertEquals(text.strip().replaceAll("\\s+", " "), OneLine.of(text));
    }

    @Example
    void aStatementOnOneLineAlreadyComesBackAsItIs() {
        String sql = "SELECT alice FROM person WHERE id = ?";
        assertSame(sql, OneLine.of(sql));
        assertEquals("SELECT alice FROM person WHERE id = ?", OneLine.of("\n  SELECT alice\n\tFROM person  WHERE id = ?\r\n"));
        assertEquals("a \u00a0 b", OneLine.of("\u2003a \u00a0 b\u2003"), "strip() takes Unicode spaces at the ends only");
    }

    /** SQL-ish words with every kind of white space between them, Unicode spaces too. */
    @Provide
    Arbitrary<String> statements() {
        return Arbitraries.strings().withChars("ab ,?'\t\n\r\f\u000B\u00a0\u2003\u3000").ofMaxLength(40);
    }
}
