package io.switchover.check;

import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.report.Verdict;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The old service's Kotlin Spring Data JDBC aggregate is checked against every schema of the batch. */
class KotlinAggregateCheckTest {
    private static final String MIGRATIONS = "src/main/resources/db/migration/";
    private static final String AGGREGATE = """
            package no.example.vedtak

            import org.springframework.data.annotation.Id
            import org.springframework.data.annotation.Version
            import org.springframework.data.relational.core.mapping.Column
            import java.time.LocalDate
            import java.time.LocalDateTime
            import java.util.UUID

            data class PlannedPayout(
                @Id val id: UUID = UUID.randomUUID(),
                val caseId: UUID,
                @Column("cease_date") val startDate: LocalDate,
                val decidedAt: LocalDateTime = LocalDateTime.now(),
                @Version val revision: Int = 0,
            )
            """;
    private static final String REPOSITORY = """
            package no.example.vedtak

            import no.example.common.BaseRepository
            import java.util.UUID

            interface PlannedPayoutRepository : BaseRepository<PlannedPayout, UUID> {
                fun findByCaseId(caseId: UUID): PlannedPayout?
            }
            """;
    private static final String BASE = """
            package no.example.common

            import org.springframework.data.repository.CrudRepository
            import org.springframework.data.repository.NoRepositoryBean

            @NoRepositoryBean
            interface BaseRepository<T, ID> : CrudRepository<T, ID>
            """;

    private static Report check(String ddl) {
        InMemorySnapshot production = new InMemorySnapshot("prod")
                .with(MIGRATIONS + "V1__payout.sql", "CREATE TABLE planned_payout (id UUID PRIMARY KEY, "
                        + "case_id UUID NOT NULL, cease_date DATE, decided_at TIMESTAMP, revision INT, note TEXT);\n")
                .with("src/main/kotlin/no/example/vedtak/PlannedPayout.kt", AGGREGATE)
                .with("src/main/kotlin/no/example/vedtak/PlannedPayoutRepository.kt", REPOSITORY)
                .with("src/main/kotlin/no/example/common/BaseRepository.kt", BASE)
                .with("src/main/kotlin/no/example/vedtak/PayoutService.kt", """
                        package no.example.vedtak

                        class PayoutService(private val payouts: PlannedPayoutRepository) {
                            fun of(caseId: java.util.UUID) = payouts.findByCaseId(caseId)
                        }
                        """);
        InMemorySnapshot candidate = production.next("candidate").with(MIGRATIONS + "V2__change.sql", ddl + ";\n");
        return new SwitchoverCheck().run(CheckRequest.of(production, candidate, List.of(), List.of(), new H2Engine(),
                Severity.ERROR));
    }

    private static List<String> rules(Report report) {
        return report.findingsAtOrAbove(Severity.ERROR).stream().map(Finding::rule).distinct().toList();
    }

    @Test
    void renamingAColumnTheOldAggregateMapsFails() {
        Report report = check("ALTER TABLE planned_payout RENAME COLUMN cease_date TO start_date");
        assertEquals(Verdict.FAIL, report.verdict(), report.findings().toString());
        assertTrue(rules(report).contains("renamed-column-still-used")
                || rules(report).contains("dropped-column-still-used"), rules(report).toString());
    }

    @Test
    void droppingAPlainPropertysColumnFails() {
        Report report = check("ALTER TABLE planned_payout DROP COLUMN decided_at");
        assertEquals(Verdict.FAIL, report.verdict(), report.findings().toString());
        assertTrue(rules(report).contains("dropped-column-still-used"), rules(report).toString());
        assertTrue(report.findingsAtOrAbove(Severity.ERROR).stream().anyMatch(f -> f.pattern().origin().path()
                .endsWith("PlannedPayout.kt")), report.findings().toString());
    }

    @Test
    void aCandidateAggregateOnATableTheBatchMakesAndThenNarrowsPasses() {
        String aggregate = """
                package no.example.vedtak

                import org.springframework.data.annotation.Id
                import org.springframework.data.relational.core.mapping.Table
                import java.util.UUID

                @Table("reason")
                data class Reason(@Id val caseId: UUID, val text: String)
                """;
        String repository = """
                package no.example.vedtak

                import no.example.common.BaseRepository
                import java.util.UUID

                interface ReasonRepository : BaseRepository<Reason, UUID>
                """;
        InMemorySnapshot production = new InMemorySnapshot("prod")
                .with(MIGRATIONS + "V1__payout.sql", "CREATE TABLE planned_payout (id UUID PRIMARY KEY);\n")
                .with("src/main/kotlin/no/example/common/BaseRepository.kt", BASE)
                .with("src/main/kotlin/no/example/vedtak/PayoutService.kt", """
                        package no.example.vedtak

                        class PayoutService(private val payouts: PlannedPayoutRepository) {
                            fun of(caseId: java.util.UUID) = payouts.findByCaseId(caseId)
                        }
                        """);
        InMemorySnapshot candidate = production.next("candidate")
                .with(MIGRATIONS + "V2__reason.sql", "CREATE TABLE reason (case_id UUID PRIMARY KEY, "
                        + "flag BOOLEAN NOT NULL, text TEXT NOT NULL);\n")
                .with(MIGRATIONS + "V3__drop_flag.sql", "ALTER TABLE reason DROP COLUMN flag;\n")
                .with("src/main/kotlin/no/example/vedtak/Reason.kt", aggregate)
                .with("src/main/kotlin/no/example/vedtak/ReasonRepository.kt", repository);
        Report report = new SwitchoverCheck().run(CheckRequest.of(production, candidate, List.of(), List.of(),
                new H2Engine(), Severity.ERROR));
        assertEquals(List.of(), rules(report), report.findings().toString());
    }

    @Test
    void droppingAColumnTheAggregateDoesNotMapPasses() {
        Report report = check("ALTER TABLE planned_payout DROP COLUMN note");
        assertEquals(List.of(), rules(report), report.findings().toString());
    }
}
