package io.switchover.patterns;

import io.switchover.patterns.model.StatementKind;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlStatementClassifierTest {
    private final SqlStatementClassifier classifier = new SqlStatementClassifier();

    @Test
    void classifiesEachCheckedKind() {
        assertEquals(Optional.of(StatementKind.SELECT), classifier.classify("SELECT id FROM person WHERE id = ?"));
        assertEquals(Optional.of(StatementKind.INSERT), classifier.classify("insert into person (name) values (?)"));
        assertEquals(Optional.of(StatementKind.UPDATE), classifier.classify("UPDATE person SET name = ? WHERE id = ?"));
        assertEquals(Optional.of(StatementKind.DELETE), classifier.classify("DELETE FROM person WHERE id = ?"));
        assertEquals(Optional.of(StatementKind.MERGE),
                classifier.classify("MERGE INTO person p USING staged s ON (p.id = s.id) "
                        + "WHEN MATCHED THEN UPDATE SET p.name = s.name"));
        assertEquals(Optional.of(StatementKind.WITH),
                classifier.classify("WITH recent AS (SELECT id FROM person) SELECT * FROM recent"));
    }

    @Test
    void acceptsWhatJSqlParserCannotReadOnlyWhenTheDatabaseIsToDecide() {
        String unreadable = "SELECT output, name FROM jobs WHERE output = :output";
        assertFalse(classifier.isSql(unreadable), "JSqlParser takes output for a keyword (SQL Server's OUTPUT clause)");

        classifier.acceptUnparsed(true);
        assertEquals(Optional.of(StatementKind.SELECT), classifier.classify(unreadable));
        assertEquals(Optional.of(StatementKind.UPDATE), classifier.classify("UPDATE jobs SET name = ? WHERE output = ?"));
        assertFalse(classifier.isSql("UPDATE %s SET name = ? WHERE output = ?"), "a format string is not done yet");
        assertFalse(classifier.isSql("select the output you want"), "prose has no FROM");
    }

    @Test
    void acceptsNamedParametersAndPostgresCasts() {
        assertTrue(classifier.isSql("SELECT id::text FROM person WHERE name = :name AND id = ?"));
    }

    @Test
    void acceptsATrailingSemicolonAndSurroundingWhitespace() {
        assertTrue(classifier.isSql("\n  SELECT 1 FROM person;  \n"));
    }

    @Test
    void rejectsEnglishProseThatStartsWithAnSqlVerb() {
        assertFalse(classifier.isSql("Select a value"));
        assertFalse(classifier.isSql("Select one of the options"));
        assertFalse(classifier.isSql("update available"));
        assertFalse(classifier.isSql("Delete failed for id 5"));
        assertFalse(classifier.isSql("Delete an Organisation"), "a Swagger summary, which parses as DELETE an");
        assertTrue(classifier.isSql("DELETE FROM organisation WHERE id = ?"));
        assertTrue(classifier.isSql("delete from organisation"));
    }

    @Test
    void rejectsDdlAndOtherStatements() {
        assertFalse(classifier.isSql("CREATE TABLE person (id int)"));
        assertFalse(classifier.isSql("ALTER TABLE person ADD COLUMN age int"));
    }

    @Test
    void rejectsKeywordGluedToTheNextWord() {
        assertFalse(classifier.isSql("selection"));
        assertFalse(classifier.isSql("Deleting user 5"));
    }

    @Test
    void selectWithoutFromIsStillSqlWhenItNamesNoColumn() {
        assertTrue(classifier.isSql("SELECT nextval('person_seq')"));
        assertTrue(classifier.isSql("SELECT CURRENT_TIMESTAMP"));
    }

    @Test
    void looksLikeSqlNeedsTheFollowUpKeyword() {
        assertTrue(classifier.looksLikeSql("SELECT * FROM %s WHERE id = ?"));
        assertTrue(classifier.looksLikeSql("update x set"));
        assertFalse(classifier.looksLikeSql("Update available for your app"));
        assertFalse(classifier.looksLikeSql("Select a value"));
    }

    @Test
    void startsNoThreadPerStatement() {
        // CCJSqlParserUtil.parse(String) starts an executor thread per call: 10,000 strings then take 4-13 s.
        // Counting threads instead of timing keeps this test deterministic on a busy machine.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < 200; i++) {
            assertTrue(classifier.isSql("SELECT name FROM person WHERE id = " + i));
        }
        long started = threads.getTotalStartedThreadCount() - before;
        assertTrue(started < 50, started + " threads started");
    }

    @Test
    void aStringNotWorthParsingCountsByItsLookWithTheKindOfItsFirstKeyword() {
        SqlStatementClassifier looking = new SqlStatementClassifier();
        looking.parseOnly(text -> text.contains("person"));

        assertEquals(Optional.of(StatementKind.UPDATE), looking.classify("UPDATE audit SET what = ? WHERE id = ?"));
        assertEquals(Optional.of(StatementKind.WITH), looking.classify("WITH a AS (SELECT 1) SELECT * FROM a"));
        assertEquals(Optional.of(StatementKind.SELECT), looking.classify("SELECT what FROM audit WHERE = = ?"),
                "not parsed, so not found malformed");
        assertEquals(Optional.empty(), looking.classify("Select a value"));
        assertEquals(Optional.empty(), looking.classify("SELECT name FROM person WHERE = = ?"), "parsed");
    }
}
