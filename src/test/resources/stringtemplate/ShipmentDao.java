package org.depot.dao;

import java.util.List;
import org.jdbi.v3.sqlobject.config.UseStringTemplateSqlLocator;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseStringTemplateSqlLocator
public interface ShipmentDao {
    @SqlQuery
    Shipment byId(@Bind("id") long id);

    @SqlQuery
    List<Shipment> pending(@Define("withHeavy") Boolean withHeavy, @Define("orderBy") String orderBy);

    @SqlQuery("shipmentsIn")
    List<Shipment> byIds(@BindList("ids") List<Long> ids);

    @SqlUpdate
    void deliver(@Bind("id") long id);

    @SqlUpdate
    void archive(@Define("archiveTable") String archiveTable);
}
