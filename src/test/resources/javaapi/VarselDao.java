package no.nav.varsel;

import java.util.List;
import java.util.UUID;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface VarselDao {
    String BY_REF = "SELECT id FROM selve_varsel WHERE generasjon_ref = :ref";

    @SqlQuery(BY_REF)
    List<Long> byRef(@Bind("ref") UUID ref);

    @SqlQuery("SELECT id, kode FROM selve_varsel WHERE id IN (<ids>) AND status = :status")
    List<Varsel> byIds(@BindList("ids") List<Long> ids, @Bind("status") String status);

    @SqlUpdate("UPDATE selve_varsel SET status = :status "
            + "WHERE oppgave_id = :oppgaveId")
    int setStatus(@Bind("oppgaveId") long oppgaveId, @Bind("status") String status);

    @SqlBatch("INSERT INTO selve_varsel (id, kode, status) VALUES (:id, :kode, :status)")
    void insertAll(@BindBean List<Varsel> varsler);

    @SqlQuery("SELECT count(*) FROM <table>")
    int count(@Define("table") String table);

    @SqlQuery
    @UseClasspathSqlLocator
    List<Varsel> fromFile();
}
