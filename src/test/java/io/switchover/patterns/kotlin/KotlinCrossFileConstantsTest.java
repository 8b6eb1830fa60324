package io.switchover.patterns.kotlin;

import io.switchover.patterns.AccessPattern;
import io.switchover.patterns.ExtractionResult;
import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.UnresolvedSql;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kotlin templates over constants of other files: top-level and object vals, companion constants, enum entries. */
class KotlinCrossFileConstantsTest {
    private static final String ROOT = "src/main/kotlin/no/example/";
    private static final String TABLES = """
            package no.example.db

            const val OPPGAVE = "oppgave"
            val STATUS_KOLONNE = "status"

            object Kolonner {
                const val ID = "id"
                val OPPRETTET = "opprettet"
            }

            enum class Status { AAPEN, LUKKET }

            class Dao {
                companion object {
                    const val FERDIG = "ferdig"
                }
            }
            """;
    private static final String REPOSITORY = """
            package no.example.repo

            import no.example.db.OPPGAVE
            import no.example.db.STATUS_KOLONNE
            import no.example.db.Kolonner
            import no.example.db.Status
            import no.example.db.Dao

            class OppgaveRepository {
                fun finn() = \"""
                    SELECT ${Kolonner.ID}, ${Kolonner.OPPRETTET} FROM $OPPGAVE
                    WHERE $STATUS_KOLONNE = '${Status.AAPEN}' OR $STATUS_KOLONNE = '${Dao.FERDIG}'
                \""".trimIndent()
            }
            """;

    @Test
    void templatesOverConstantsOfAnotherFileResolve() {
        ExtractionResult result = new ServiceSourceScanner().scan(new InMemorySnapshot("kt")
                .with(ROOT + "db/Tables.kt", TABLES).with(ROOT + "repo/OppgaveRepository.kt", REPOSITORY),
                List.of(), List.of());
        assertEquals(List.of("SELECT id, opprettet FROM oppgave\nWHERE status = 'AAPEN' OR status = 'ferdig'"),
                result.patterns().stream().map(AccessPattern::sql).toList());
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void withoutTheOtherFileTheyStayNotChecked() {
        ExtractionResult result = new ServiceSourceScanner().scan(new InMemorySnapshot("kt")
                .with(ROOT + "repo/OppgaveRepository.kt", REPOSITORY), List.of(), List.of());
        assertEquals(List.of(), result.patterns());
        assertEquals(1, result.notChecked().size());
        assertEquals("built at run time from ${Kolonner.ID}, ${Kolonner.OPPRETTET}, ${OPPGAVE}, ${STATUS_KOLONNE}, "
                        + "${Status.AAPEN}, ${Dao.FERDIG}",
                result.notChecked().stream().map(UnresolvedSql::reason).findFirst().orElseThrow());
    }
}
