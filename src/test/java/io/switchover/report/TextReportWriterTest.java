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

import static org.junit.jupiter.api.Assertions.assertFalse;
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
        Report report = Report.builder("prod", "deploy-2", "H2").batch(List.of(migration))
                .findings(List.of(locking, broken))
                .summary(new Summary(1, 0, 1, 2, Duration.ZERO)).build();

        String text = new TextReportWriter().render(report);

        assertTrue(text.contains("V2__both.sql (batch step 1 of 1) breaks 1 statement that prod issues\n"
                + "  line 1: V2__both.sql builds index i on person without CONCURRENTLY   [locking-ddl]\n"
                + "  help: use CONCURRENTLY\n"
                + "  SELECT alice FROM person\n"), text);
    }

    /**
     * rd-professional-api's candidate mapped a column no migration makes: the report said the candidate's statements
     * were production's, and that they "cannot be checked", while they fail the promotion.
     */
    @Test
    void speaksOfTheCandidatesFailingStatementsAsTheCandidates() {
        Finding fails = new Finding("candidate-statement-fails", Severity.ERROR, "t", null, 0, 0, "prod",
                new AccessPattern("SELECT api_name FROM audit", new Origin("Audit.java", 49), "jpa"),
                "candidate deploy-2 fails on the schema after the whole batch", "add the migration",
                new DatabaseError("42703", 0, "column \"api_name\" does not exist", FailureKind.UNDEFINED_COLUMN));
        Report report = Report.builder("prod", "deploy-2", "H2").findings(List.of(fails))
                .summary(new Summary(1, 0, 1, 1, Duration.ZERO)).build();

        String text = new TextReportWriter().render(report);
        String markdown = new MarkdownReportWriter().render(report);

        assertTrue(text.startsWith("FAIL  promoting deploy-2 while prod serves traffic breaks 1 statement of candidate"
                + " deploy-2\n\n1 statement of candidate deploy-2 fails where it must work\n"), text);
        assertFalse(text.contains("cannot be checked"), text);
        assertTrue(markdown.contains("Statements of candidate deploy-2 that fail where they must work"), markdown);
        assertTrue(markdown.contains("| candidate deploy-2: `Audit.java:49` |"), markdown);
    }

    /**
     * hmpps-interventions-service's candidate read a column no migration makes; the report put it under the batch's
     * last migration, a script of COMMENTs, as a statement that migration breaks and production's service issues.
     */
    @Test
    void aCandidatesStatementFailingAfterTheBatchIsNotBlamedOnItsLastMigration() {
        Migration comments = new Migration(null, "data dictionary", "R__data_dictionary.sql", 0,
                "db/migration/R__data_dictionary.sql");
        Finding fails = new Finding("candidate-statement-fails", Severity.ERROR, "t", comments, 1, 0, "prod",
                new AccessPattern("SELECT is_releasing_in12_weeks FROM referral_summary",
                        new Origin("ReferralSummary.kt", 31), "jpa-column"),
                "candidate deploy-2 fails on the schema after the whole batch", "add the migration",
                new DatabaseError("42703", 0, "column \"is_releasing_in12_weeks\" does not exist",
                        FailureKind.UNDEFINED_COLUMN));
        Report report = Report.builder("prod", "deploy-2", "H2").batch(List.of(comments)).findings(List.of(fails))
                .summary(new Summary(1, 1, 1, 2, Duration.ZERO)).build();

        String text = new TextReportWriter().render(report);

        assertTrue(text.contains("R__data_dictionary.sql (batch step 1 of 1) after the whole batch, 1 statement of"
                + " candidate deploy-2 fails\n"), text);
        assertFalse(text.contains("that prod issues"), text);
    }

    /**
     * veilarboppfolging's FAIL listed five places that name the dropped columns; three failed the promotion and two
     * were warnings, and only the JSON said which.
     */
    @Test
    void aFailingReportSaysWhichOfItsPlacesDoNotFailIt() {
        Migration migration = new Migration("30", "drop", "V30__drop.sql", 0, "db/migration/V30__drop.sql");
        Finding strong = mention(migration, Severity.ERROR, "Kolonne(\"enhet\"),", new Origin("Kontrakt.kt", 78));
        Finding weak = mention(migration, Severity.WARNING, "this.getString(\"enhet\"),",
                new Origin("HistorikkRepository.kt", 36));
        Report report = Report.builder("prod", "deploy-2", "H2").batch(List.of(migration))
                .findings(List.of(strong, weak)).summary(new Summary(1, 0, 1, 2, Duration.ZERO)).build();

        String text = new TextReportWriter().render(report);

        assertTrue(text.contains("changes what prod names in 2 places the gate could not check (1 of them fail the"
                + " promotion)\n"), text);
        assertTrue(text.contains("[named-in-unchecked-code]\n"), text);
        assertTrue(text.contains("[named-in-unchecked-code, warning]\n"), text);
        assertTrue(text.indexOf("[named-in-unchecked-code, warning]") > text.indexOf("HistorikkRepository.kt:36"), text);

        Report warnedOnly = Report.builder("prod", "deploy-2", "H2").batch(List.of(migration))
                .findings(List.of(weak)).summary(new Summary(1, 0, 1, 2, Duration.ZERO)).build();
        String warning = new TextReportWriter().render(warnedOnly);
        assertFalse(warning.contains(", warning]"), "a WARN report has nothing but warnings: " + warning);
        assertFalse(warning.contains("of them fail"), warning);
    }

    private static Finding mention(Migration migration, Severity severity, String code, Origin origin) {
        return new Finding("named-in-unchecked-code", severity, "t", migration, 1, 1, "prod",
                new AccessPattern(code, origin, io.switchover.rules.NamedInUncheckedCode.EXTRACTOR),
                "prod still names oppfolgingstatus.enhet, which V30__drop.sql drops", "read this line", null);
    }
}
