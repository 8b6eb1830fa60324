package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Reads production's schema from its catalog over the connection production's history is read through: read-only at
 * the server and bounded in time ({@link ProductionConnection}), SELECTs on the catalog and nothing else, no row of
 * the service's data. A role that may log in and read the catalog suffices on PostgreSQL; MariaDB shows a user only
 * the tables it has some privilege on, and view definitions with SHOW VIEW.
 */
public final class ProductionSchemaReader {

    /**
     * @param table the history table, left out of the export; its schema (or the connection's) is the one exported
     */
    public ProductionSchema read(String url, String user, String password, HistoryTable table, Duration timeout) {
        String where = JdbcUrls.withoutSecrets(url);
        ProductionConnection.Driver driver = ProductionConnection.driverOf(url);
        try (Connection connection = ProductionConnection.open(url, user, password, timeout)) {
            try {
                return driver == ProductionConnection.Driver.POSTGRESQL
                        ? PostgresSchemaDdl.read(connection, table.schema(), table.table(), where)
                        : MariaDbSchemaDdl.read(connection, table.schema(), table.table(), where);
            } catch (SQLException e) {
                throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "cannot read the schema of " + where + ": "
                        + HistoryDatabaseReader.safe(e, password) + HistoryDatabaseReader.timedOut(e, timeout));
            }
        } catch (SQLException e) {
            throw new SwitchoverException(ExitCode.INFRASTRUCTURE, "cannot connect to production's database at "
                    + where + ": " + HistoryDatabaseReader.safe(e, password) + HistoryDatabaseReader.timedOut(e, timeout)
                    + "; check the URL, SWITCHOVER_PROD_USER and SWITCHOVER_PROD_PASSWORD");
        }
    }
}
