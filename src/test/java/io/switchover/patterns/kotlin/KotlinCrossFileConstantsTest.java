package io.switchover.patterns.kotlin;

import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
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
    void anEnumNestedInTypesIsKnownByItsNestedNameAsItsImportNamesIt() {
        // helse-spesialist: import no.nav.helse.db.BehandlingsstatistikkDao.StatistikkPerKombinasjon.Mottakertype
        String statistics = """
                package no.example.db

                interface StatistikkDao {
                    fun perKombinasjon(): Statistikk

                    data class Statistikk(
                        val perMottakertype: Map<Mottakertype, Int>,
                    ) {
                        enum class Mottakertype { ARBEIDSGIVER, SYKMELDT, BEGGE }
                    }
                }
                """;
        String dao = """
                package no.example.repo

                import no.example.db.StatistikkDao.Statistikk.Mottakertype

                class PgStatistikkDao {
                    fun perKombinasjon() = \"""
                        SELECT CASE WHEN belop > 0 THEN '${Mottakertype.BEGGE}' ELSE '${Mottakertype.SYKMELDT}' END
                        FROM utbetaling
                    \""".trimIndent()
                }
                """;
        ExtractionResult result = new ServiceSourceScanner().scan(new InMemorySnapshot("kt")
                .with(ROOT + "db/StatistikkDao.kt", statistics).with(ROOT + "repo/PgStatistikkDao.kt", dao),
                List.of(), List.of());
        assertEquals(List.of(), result.notChecked());
        assertEquals(List.of("SELECT CASE WHEN belop > 0 THEN 'BEGGE' ELSE 'SYKMELDT' END\nFROM utbetaling"),
                result.patterns().stream().map(AccessPattern::sql).toList());
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

    @Test
    void aListOfParametersJoinedIsReadWithOneElement() {
        ExtractionResult result = new ServiceSourceScanner().scan(new InMemorySnapshot("kt")
                .with(ROOT + "repo/VarselDao.kt", """
                        package no.example.repo
                        class VarselDao {
                            fun slett(ider: List<Long>) = "DELETE FROM varsel WHERE id IN (${ider.joinToString { "?" }})"
                            fun finn(ider: List<Long>) = "SELECT id FROM varsel WHERE id IN (${ider.joinToString(", ") { "?" }})"
                        }
                        """), List.of(), List.of());
        assertEquals(List.of("DELETE FROM varsel WHERE id IN (?)", "SELECT id FROM varsel WHERE id IN (?)"),
                result.patterns().stream().map(AccessPattern::sql).toList());
    }

    @Test
    void templatesOverAJavaClassesStaticFinalStringsResolve() {
        String tables = """
                package no.example.db;

                public final class Tabeller {
                    public static final String SKJEMA = "portefolje";

                    public static final class VEDTAK {
                        public static final String TABLE_NAME = SKJEMA + ".vedtak";
                        public static final String FNR = "fnr";
                        public static String IKKE_KONSTANT = "endres";
                    }
                }
                """;
        String repository = """
                package no.example.repo

                import no.example.db.Tabeller.VEDTAK
                import no.example.db.Tabeller.VEDTAK.FNR

                class VedtakRepository {
                    fun finn() = "SELECT ${VEDTAK.FNR} FROM ${VEDTAK.TABLE_NAME} WHERE $FNR = ?"
                    fun annen() = "SELECT ${VEDTAK.IKKE_KONSTANT} FROM ${VEDTAK.TABLE_NAME}"
                }
                """;
        ExtractionResult result = new ServiceSourceScanner().scan(new InMemorySnapshot("kt")
                .with("src/main/java/no/example/db/Tabeller.java", tables)
                .with(ROOT + "repo/VedtakRepository.kt", repository), List.of(), List.of());

        assertEquals(List.of("SELECT fnr FROM portefolje.vedtak WHERE fnr = ?"),
                result.patterns().stream().map(AccessPattern::sql).toList());
        assertEquals(List.of("built at run time from ${VEDTAK.IKKE_KONSTANT}, ${VEDTAK.TABLE_NAME}"),
                result.notChecked().stream().map(UnresolvedSql::reason).toList(), "a field that is not final stays"
                        + " not checked");
    }

    /**
     * veilarboppfolging: Java repositories build their UPDATEs from the companion constants of a Kotlin repository
     * whose class has a primary constructor, by static import and by the class's name.
     */
    @Test
    void javaNamesTheCompanionConstantsOfAKotlinClass() {
        String kotlin = """
                package no.example.repo

                class StatusRepository(private val db: JdbcTemplate) : Base(db) {
                    fun hent() = db.query("SELECT aktor_id FROM $TABLE_NAME")

                    companion object {
                        const val TABLE_NAME: String = "OPPFOLGINGSTATUS"
                        const val AKTOR_ID: String = "aktor_id"
                        const val GJELDENDE_MAL = "gjeldende_mal"
                    }
                }
                """;
        String javaByImport = """
                package no.example.repo;

                import static no.example.repo.StatusRepository.*;

                class MaalRepository {
                    String sett() {
                        return "UPDATE " + TABLE_NAME + " SET " + GJELDENDE_MAL + " = ? WHERE " + AKTOR_ID + " = ?";
                    }
                }
                """;
        String javaByName = """
                package no.example.repo;

                class PeriodeRepository {
                    String avslutt() {
                        return "UPDATE " + StatusRepository.TABLE_NAME + " SET under_oppfolging = 0 WHERE "
                                + StatusRepository.AKTOR_ID + " = ?";
                    }
                }
                """;
        ExtractionResult result = new ServiceSourceScanner().scan(new InMemorySnapshot("kt-java")
                .with(ROOT + "repo/StatusRepository.kt", kotlin)
                .with("src/main/java/no/example/repo/MaalRepository.java", javaByImport)
                .with("src/main/java/no/example/repo/PeriodeRepository.java", javaByName), List.of(), List.of());

        assertEquals(List.of("SELECT aktor_id FROM OPPFOLGINGSTATUS",
                        "UPDATE OPPFOLGINGSTATUS SET gjeldende_mal = ? WHERE aktor_id = ?",
                        "UPDATE OPPFOLGINGSTATUS SET under_oppfolging = 0 WHERE aktor_id = ?"),
                result.patterns().stream().map(AccessPattern::sql).sorted().toList());
        assertEquals(List.of(), result.notChecked());
    }
}
