package io.switchover.sql;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlWordsTest {
    private final Set<String> person = Set.of("person");

    @Test
    void findsATableNamedAsAWordInAnyCaseQuotedOrQualified() {
        assertTrue(SqlWords.namesAny("SELECT alice FROM person WHERE id = ?", person));
        assertTrue(SqlWords.namesAny("select alice from PERSON", person));
        assertTrue(SqlWords.namesAny("SELECT p.alice FROM public.person p", person));
        assertTrue(SqlWords.namesAny("SELECT \"alice\" FROM \"Person\"", person));
        assertTrue(SqlWords.namesAny("SELECT `alice` FROM `person`", person));
        assertTrue(SqlWords.namesAny("INSERT INTO audit (what) SELECT alice FROM person", person));
        assertTrue(SqlWords.namesAny("SELECT 1 FROM t WHERE x IN (SELECT y FROM person)", person));
        assertTrue(SqlWords.namesAny("SELECT \"my person\" FROM x", Set.of("my person")));
    }

    @Test
    void listsEveryWordOnceInLowerCaseWithoutStringsOrComments() {
        assertEquals(java.util.List.of("select", "p", "uuid", "from", "public", "person", "where", "my name"),
                java.util.List.copyOf(SqlWords.of("SELECT p.uuid FROM public.Person p -- all\n"
                        + "WHERE \"My Name\" = 'alice' /* no */")));
    }

    @Test
    void aWordThatOnlyContainsTheNameIsAnotherName() {
        assertFalse(SqlWords.namesAny("SELECT alice FROM persons", person));
        assertFalse(SqlWords.namesAny("SELECT person_id FROM orders", person));
        assertFalse(SqlWords.namesAny("SELECT x FROM t10", Set.of("t1")));
        assertFalse(SqlWords.namesAny("SELECT x FROM t1$old", Set.of("t1")));
        assertFalse(SqlWords.namesAny("SELECT alice FROM person", Set.of()));
    }

    @Test
    void stringLiteralsAndCommentsNameNoTable() {
        assertFalse(SqlWords.namesAny("SELECT what FROM audit WHERE what = 'person' -- person\n", person));
        assertFalse(SqlWords.namesAny("SELECT what /* from person */ FROM audit WHERE x = 'it''s person'", person));
        assertTrue(SqlWords.namesAny("SELECT 'x' FROM person", person));
    }

    @Test
    void anUnterminatedQuoteRunsToTheEnd() {
        assertTrue(SqlWords.namesAny("SELECT \"person", person));
        assertFalse(SqlWords.namesAny("SELECT \"per son", person));
    }
}
