package org.harbour;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

@UseStringTemplateEngine
interface BerthDao {
    @SqlQuery("SELECT id FROM berth WHERE harbour = :harbour <if(freeOnly)>AND ship_id IS NULL<endif>")
    List<Long> berths(@Bind("harbour") String harbour, @Define("freeOnly") boolean freeOnly);

    @SqlQuery("SELECT id FROM berth WHERE id IN (<ids>)")
    List<Long> byIds(@BindList("ids") List<Long> ids);

    @SqlQuery("SELECT id FROM <table>")
    List<Long> anywhere(@Define("table") String table);
}
