package com.example.oppgave

import kotliquery.Session
import kotliquery.queryOf
import java.time.LocalDateTime

class OppgaveDao(private val session: Session) {

    fun opprett(id: Long, opphav: String, opprettet: LocalDateTime) = session.run(
        queryOf(
            "insert into oppgave (id, status, opphav, opprettet) values (?, 'NY', ?, ?)",
            id, opphav, opprettet,
        ).asUpdate,
    )

    fun finnÅpen(id: Long): Oppgave? = session.run(
        queryOf("select * from oppgave_view where id = ?", id)
            .map { row ->
                Oppgave(
                    id = row.long("id"),
                    status = row.string("status"),
                )
            }
            .asSingle,
    )

    fun settStatus(id: Long, status: String) = session.run(
        queryOf("update oppgave set status = ? where id = ?", status, id).asUpdate,
    )
}
