package io.switchover.patterns;

import io.switchover.patterns.model.StatementKind;
import io.switchover.sql.SqlParsing;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A check parses each statement once, and keeps what it read of it rather than its tree; what it keeps is its own,
 * never shared with the next check through static state.
 */
class StatementReadingsTest {

    @Test
    void whatThePlannerNeedsIsReadFromTheClassifiersTree() {
        StatementReadings readings = new StatementReadings();
        SqlStatementClassifier classifier = new SqlStatementClassifier(readings);
        String sql = "UPDATE person SET name = ? WHERE id = ?";

        assertEquals(Optional.of(StatementKind.UPDATE), classifier.classify(sql));
        assertEquals(1, readings.parses());
        SqlReferences references = readings.references(sql).orElseThrow();
        assertEquals(java.util.List.of("person.name", "person.id"), references.parameterColumns());
        assertEquals(1, readings.parses(), "the planner's reading came from the same tree");

        // The next version sends the same string: neither the classifier nor the planner parses it again.
        assertEquals(Optional.of(StatementKind.UPDATE), classifier.classify(sql));
        assertSame(readings.references(sql).orElseThrow(), references);
        assertEquals(1, readings.parses());
    }

    @Test
    void namedParametersAreReadAsThePlannerParsesThem() {
        StatementReadings readings = new StatementReadings();
        SqlStatementClassifier classifier = new SqlStatementClassifier(readings);
        String sql = "SELECT id FROM person WHERE name = :name";

        assertEquals(Optional.of(StatementKind.SELECT), classifier.classify(sql));
        assertEquals(java.util.List.of("person.name"), readings.references(sql).orElseThrow().parameterColumns());
        assertEquals(2, readings.parses(), "the planner reads the statement with positional parameters, which is "
                + "another text: the one the parameter columns are numbered in");
        readings.references(sql);
        assertEquals(2, readings.parses());
    }

    @Test
    void proseIsRememberedAsProseAndAFailureWithItsReason() {
        StatementReadings readings = new StatementReadings();
        SqlStatementClassifier classifier = new SqlStatementClassifier(readings);
        assertEquals(Optional.empty(), classifier.classify("Select a value"));
        assertEquals(Optional.empty(), classifier.classify("Select a value"));
        assertEquals(1, readings.parses());

        SqlParsing.Parsed failed = readings.parse("SELECT id FROM WHERE id = ?;");
        assertSame(failed, readings.parse("SELECT id FROM WHERE id = ?"), "the trailing semicolon is no other text");
        assertEquals(2, readings.parses());
        assertTrue(failed.reason().startsWith("JSqlParser cannot parse it"), failed.reason());
    }

    @Test
    void anotherCheckAndSqlParsingItselfParseAfresh() {
        String sql = "SELECT id FROM WHERE";
        assertNotSame(new StatementReadings().parse(sql), new StatementReadings().parse(sql));
        assertNotSame(SqlParsing.parse(sql), SqlParsing.parse(sql));
    }
}
