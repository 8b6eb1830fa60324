package no.nav.oppgave;

import static org.jooq.impl.DSL.field;

import java.util.List;
import java.util.UUID;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

public class OppgaveRepository {
    private static final String FINN = "SELECT id, status FROM oppgave WHERE generasjon_ref = {0}";

    private final DSLContext dsl;

    public OppgaveRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Record finn(UUID ref) {
        return dsl.fetchOne(FINN, ref);
    }

    public List<Record> aktive() {
        return dsl.fetch("SELECT id FROM oppgave WHERE status = ? AND opprettet > {0}", "AKTIV", DSL.currentDate());
    }

    public int lukk(long id) {
        return dsl.execute("UPDATE oppgave SET status = 'LUKKET' "
                + "WHERE id = ?", id);
    }

    public Object antall() {
        return DSL.using(dsl.configuration()).resultQuery("SELECT count(*) FROM oppgave").fetchOne(0);
    }

    public void plainJdbc(java.sql.Connection connection) throws Exception {
        connection.prepareStatement("DELETE FROM oppgave WHERE id = ?").execute();
    }

    public List<Record> fraTabell(String tabell) {
        return dsl.fetch("SELECT id FROM {0}", DSL.name(tabell));
    }
}
