package io.switchover.patterns.builders;

import io.switchover.patterns.model.ExtractionResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KotlinAggregatesTest {

    static final String PAYOUT = """
            package no.example.payout

            import org.springframework.data.annotation.Id
            import org.springframework.data.annotation.Transient
            import org.springframework.data.annotation.Version
            import org.springframework.data.relational.core.mapping.Column
            import org.springframework.data.relational.core.mapping.Embedded
            import org.springframework.data.relational.core.mapping.MappedCollection
            import java.time.LocalDate
            import java.time.LocalDateTime
            import java.util.UUID

            data class PlannedPayout(
                @Id val id: UUID = UUID.randomUUID(),
                val caseId: UUID,
                @Column("cease_date") val startDate: LocalDate,
                val decidedAt: LocalDateTime = LocalDateTime.now(),
                val kind: PayoutKind = PayoutKind.ORDINARY,
                @MappedCollection(idColumn = "planned_payout") val shares: Set<PayoutShare> = setOf(),
                @Embedded(onEmpty = Embedded.OnEmpty.USE_NULL) val audit: Audit = Audit(),
                @Version val revision: Int = 0,
                @Transient val cached: String? = null,
            ) {
                val summary: String get() = "x"
            }
            """;
    static final String SHARE = """
            package no.example.payout

            data class PayoutShare(val amount: Int, val periodStart: LocalDate)
            """;
    static final String AUDIT = """
            package no.example.common

            data class Audit(val createdBy: String = "system", @Column("created_at") val created: LocalDateTime = now())
            """;
    static final String KIND = """
            package no.example.payout

            enum class PayoutKind { ORDINARY, EXTRA }
            """;
    static final String REPOSITORY = """
            package no.example.payout

            import org.springframework.stereotype.Repository
            import java.util.UUID

            @Repository
            interface PlannedPayoutRepository : BaseRepository<PlannedPayout, UUID>, InsertUpdate<PlannedPayout> {

                fun findByCaseId(caseId: UUID): PlannedPayout?

                fun existsByCaseIdAndKindIsNotAndStartDateIsBefore(caseId: UUID, kind: PayoutKind, d: LocalDate):
                    Boolean

                fun findTopByCaseIdOrderByAuditCreatedDesc(caseId: UUID): PlannedPayout?

                @Query("select 1")
                fun findByCustom(): Int
            }
            """;
    static final String BASE = """
            package no.example.common

            import org.springframework.data.repository.CrudRepository
            import org.springframework.data.repository.NoRepositoryBean
            import org.springframework.data.repository.PagingAndSortingRepository

            @NoRepositoryBean
            interface BaseRepository<T, ID> : PagingAndSortingRepository<T, ID>, CrudRepository<T, ID>

            interface InsertUpdate<T> {
                fun insert(t: T): T
            }
            """;
    static final String JPA = """
            package no.example.other

            import jakarta.persistence.Entity
            import jakarta.persistence.Id
            import org.springframework.data.repository.CrudRepository

            @Entity
            class Letter(@Id val id: Long, val body: String)

            interface LetterRepository : CrudRepository<Letter, Long> {
                fun findByBody(body: String): List<Letter>
            }
            """;

    static Map<String, String> service() {
        return Map.of("domain/PlannedPayout.kt", PAYOUT, "domain/PayoutShare.kt", SHARE,
                "common/Audit.kt", AUDIT, "domain/PayoutKind.kt", KIND,
                "repository/PlannedPayoutRepository.kt", REPOSITORY, "common/BaseRepository.kt", BASE,
                "other/Letter.kt", JPA);
    }

    @Test
    void readsAKotlinAggregateThroughTheServicesBaseRepository() {
        ExtractionResult result = new BuilderExtractors().extract(service());
        List<String> statements = SpringDataJdbcAggregatesTest.statements(result);
        String columns = "id, case_id, cease_date, decided_at, kind, created_by, created_at, revision";
        assertTrue(statements.contains("domain/PlannedPayout.kt:13 INSERT INTO planned_payout (" + columns
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), statements::toString);
        assertTrue(statements.contains("domain/PlannedPayout.kt:13 SELECT " + columns
                + " FROM planned_payout WHERE id = ?"), statements::toString);
        assertTrue(statements.contains("repository/PlannedPayoutRepository.kt:9 SELECT " + columns
                + " FROM planned_payout WHERE case_id = ?"), statements::toString);
        assertTrue(statements.contains("repository/PlannedPayoutRepository.kt:11 SELECT 1 FROM planned_payout"
                + " WHERE case_id = ? AND kind <> ? AND cease_date < ?"), statements::toString);
        assertTrue(statements.contains("repository/PlannedPayoutRepository.kt:14 SELECT " + columns
                + " FROM planned_payout WHERE case_id = ? ORDER BY created_at DESC"), statements::toString);
        assertEquals(List.of(), result.notChecked(), "a property of an @Embedded value is known as Spring Data reads it");
        assertTrue(statements.stream().anyMatch(s -> s.contains("INSERT INTO payout_share (amount, period_start, "
                + "planned_payout)")), statements::toString);
        assertTrue(statements.stream().noneMatch(s -> s.contains("letter") || s.contains("cached")
                || s.contains("summary") || s.contains("select 1")), statements::toString);
    }

    @Test
    void aPropertyNamedAsASoftKeywordIsAColumnWhateverItsType() {
        // tilleggsstonader-sak: "val data: T" of a generic @Table class, written through a registered converter;
        // "data", "value" and "open" are modifiers only before another declaration, never before ": <type>"
        String decision = """
                package no.example.decision

                import org.springframework.data.annotation.Id
                import org.springframework.data.relational.core.mapping.Table
                import org.springframework.data.repository.CrudRepository
                import java.util.UUID

                sealed interface DecisionData

                @Table("decision")
                data class Decision<T : DecisionData>(
                    @Id val caseId: UUID,
                    val data: T,
                    val value: Int,
                    private val open: Boolean,
                )

                interface DecisionRepository : CrudRepository<Decision<DecisionData>, UUID>
                """;
        List<String> statements = SpringDataJdbcAggregatesTest.statements(new BuilderExtractors()
                .extract(Map.of("decision/Decision.kt", decision)));

        assertTrue(statements.contains("decision/Decision.kt:11 INSERT INTO decision (case_id, data, value, open)"
                + " VALUES (?, ?, ?, ?)"), statements::toString);
    }

    @Test
    void readsAClassAnnotatedTableWithoutARepository() {
        String note = """
                package no.example.note

                import org.springframework.data.annotation.Id
                import org.springframework.data.relational.core.mapping.Table

                @Table("case_note")
                class Note(@Id val id: Long, val noteText: String)
                """;
        List<String> statements = SpringDataJdbcAggregatesTest.statements(new BuilderExtractors()
                .extract(Map.of("note/Note.kt", note)));
        assertTrue(statements.contains("note/Note.kt:7 INSERT INTO case_note (id, note_text) VALUES (?, ?)"),
                statements::toString);
    }

    @Test
    void aRepositoryOfAQueryResultWithoutAnIdIssuesNothingOfItsOwn() {
        String repository = """
                package no.example.report

                import no.example.common.BaseRepository

                interface OverdueRepository : BaseRepository<OverdueCase, Long> {
                    fun findByCaseId(caseId: Long): List<OverdueCase>
                }

                data class OverdueCase(val caseId: Long, val overdue: Boolean)
                """;
        ExtractionResult result = new BuilderExtractors().extract(Map.of("report/OverdueRepository.kt", repository,
                "common/BaseRepository.kt", BASE));
        assertEquals(List.of(), result.patterns());
    }

    @Test
    void aKotlinRepositoryOfAJavaAggregateIssuesItsStatementsOnce() {
        String invoice = """
                package no.example.billing;

                import org.springframework.data.annotation.Id;

                public class Invoice {
                    @Id Long id;
                    String customerRef;
                }
                """;
        String repository = """
                package no.example.billing

                import org.springframework.data.repository.CrudRepository

                interface InvoiceRepository : CrudRepository<Invoice, Long> {
                    fun findByCustomerRef(customerRef: String): List<Invoice>
                }
                """;
        List<String> statements = SpringDataJdbcAggregatesTest.statements(new BuilderExtractors().extract(Map.of(
                "billing/Invoice.java", invoice, "billing/InvoiceRepository.kt", repository)));
        assertTrue(statements.contains("billing/InvoiceRepository.kt:6 SELECT id, customer_ref FROM invoice"
                + " WHERE customer_ref = ?"), statements::toString);
        assertEquals(1, statements.stream().filter(s -> s.contains("INSERT INTO invoice (customer_ref)")).count(),
                statements::toString);
    }

    @Test
    void leavesJpaEntitiesAndStoresOtherThanJdbcAlone() {
        ExtractionResult result = new BuilderExtractors().extract(Map.of("other/Letter.kt", JPA));
        assertEquals(List.of(), result.patterns());
    }
}
