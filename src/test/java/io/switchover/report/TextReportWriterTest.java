package io.switchover.report;

import io.switchover.migrations.Migration;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.Origin;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReportWriterTest {

    @Test
    void rendersAFindingAboutTheMigrationAloneNextToTheStatementsTheSameMigrationBreaks() {
        Migration migration = new Migration("2", "both", "V2__both.sql", 0, "db/migration/V2__both.sql");
        Finding locking = new Finding("locking-ddl", Severity.WARNING, "t", migration, 1, 1, null, null,
                "V2__both.sql builds index i on person without CONCURRENTLY", "use CONCURRENTLY", null);
        Finding broken = new Finding("dropped-column-still-used", Severity.ERROR, "t", migration, 1, 2, "prod",
                new AccessPattern("SELECT alice FROM person", new Origin("Repository.java", 4), "java-literal"),
                "V2__both.sql drops person.alice, which prod still reads", "promote later",
                new DatabaseError("42S22", 0, "Column \"alice\" not found", FailureKind.UNDEFINED_COLUMN));
        Report report = new Report("prod", "deploy-2", "H2", List.of(migration), List.of(locking, broken), List.of(),
                List.of(), new Summary(1, 0, 1, 2, Duration.ZERO), Severity.ERROR);

        String text = new TextReportWriter().render(report);

        assertTrue(text.contains("V2__both.sql (batch step 1 of 1) breaks 1 statement that prod issues\n"
                + "  line 1: V2__both.sql builds index i on person without CONCURRENTLY   [locking-ddl]\n"
                + "  help: use CONCURRENTLY\n"
                + "  SELECT alice FROM person\n"), text);
    }
}
