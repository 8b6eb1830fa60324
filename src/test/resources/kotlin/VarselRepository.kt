package no.nav.varsel

import kotliquery.queryOf
import org.springframework.data.jpa.repository.Query

private const val TABELL = "selve_varsel"

internal class VarselRepository(private val session: Session) {

    fun finn(id: Long) = session.run(queryOf("SELECT id, kode FROM $TABELL WHERE id = :id", mapOf("id" to id)))

    fun finnForOppgave(oppgaveId: Long): List<Varsel> {
        @Language("PostgreSQL")
        val sql = """
            SELECT v.id, v.kode
              FROM ${TABELL} v
              JOIN oppgave o ON o.id = v.oppgave_id
             WHERE o.generasjon_ref = :ref
        """.trimIndent()
        return session.run(queryOf(sql, mapOf("ref" to oppgaveId)))
    }

    fun oppdater(id: Long, status: String) = session.run(
        queryOf(
            "UPDATE selve_varsel SET status = :status " +
                "WHERE id = :id",
            mapOf("id" to id, "status" to status),
        ),
    )

    fun slett(ider: List<Long>) = session.run(queryOf(SLETT, ider))

    fun fraTabell(tabell: String) = session.run(queryOf("SELECT count(*) FROM $tabell WHERE status = 'AKTIV'"))

    fun marger() = """
        |INSERT INTO selve_varsel (id, kode, status)
        |VALUES (:id, :kode, 'AKTIV')
    """.trimMargin()

    // "SELECT nothing FROM comment" is not code
    /* nor "DELETE FROM here" */

    fun tegn(): Char = '"'

    fun beskrivelse() = "Update available"

    fun pris() = "SELECT pris FROM vare WHERE valuta = '${'$'}'"

    companion object {
        const val SLETT = "DELETE FROM $TABELL " + "WHERE id = ANY(:ider)"
        const val ALLE = "SELECT id FROM " + TABELL
        private val IKKE_KONSTANT = "oppgave"
        fun alle() = ALLE
        fun ikkeKonstant() = "SELECT id FROM $IKKE_KONSTANT"
    }
}

interface VarselJpa : JpaRepository<VarselEntity, Long> {
    @Query("select v from VarselEntity v where v.kode = :kode")
    fun medKode(kode: String): List<VarselEntity>

    @Query("SELECT * FROM selve_varsel WHERE kode = :kode", nativeQuery = true)
    fun medKodeNativt(kode: String): List<VarselEntity>
}
