package io.switchover.replay;

import io.switchover.PrivateFolders;

import io.switchover.SwitchoverException;
import io.switchover.migrations.ProductionSchema;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings a fresh replay database to production's state from production's schema ({@code --prod-schema}) instead of
 * replaying its history: the export's DDL runs as one Flyway script (its parser knows dollar quotes and DELIMITER),
 * then Flyway's history table is written with a row for each migration production has applied, as if they had run,
 * so that the batch's migrations are what Flyway applies next.
 */
final class ProductionSchemaLoader {
    /** Flyway's history of the schema's own load, dropped once it has run. */
    private static final String LOAD_TABLE = "switchover_schema_load";

    private ProductionSchemaLoader() {
    }

    /**
     * @param production Flyway configured with production's migrations and the replay database, as the history replay
     *                   would run them
     */
    static void load(ReplayDatabase db, ProductionSchema schema, FluentConfiguration production) {
        runScript(db, schema, production);
        writeHistory(production);
    }

    private static void runScript(ReplayDatabase db, ProductionSchema schema, FluentConfiguration production) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("switchover-schema");
            Files.writeString(folder.resolve("V1__production_schema.sql"), schema.script(), StandardCharsets.UTF_8);
            FluentConfiguration load = Flyway.configure(ProductionSchemaLoader.class.getClassLoader())
                    .dataSource(db.url(), db.user(), db.password())
                    .locations("filesystem:" + folder)
                    .table(LOAD_TABLE)
                    .placeholderReplacement(false)
                    .skipDefaultCallbacks(true)
                    .validateMigrationNaming(false)
                    .cleanDisabled(true);
            if (production.getSchemas().length > 0) {
                load.schemas(production.getSchemas());
            }
            db.tune(load).load().migrate();
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + qualified(statement, production, LOAD_TABLE));
            }
        } catch (FlywayException e) {
            throw SwitchoverException.badInput("production's schema (" + schema.source() + ") does not load on "
                    + db.description() + ": " + io.switchover.migrations.FlywayMessages.firstLine(e));
        } catch (SQLException e) {
            throw new ReplayException("cannot load production's schema on " + db.description() + ": "
                    + DatabaseErrors.of(e), e);
        } catch (IOException e) {
            throw new ReplayException("cannot write production's schema to a temporary file: " + e.getMessage(), e);
        } finally {
            PrivateFolders.delete(folder);
        }
    }

    /** A history row for each migration production has applied, ranked in the order they would have run. */
    private static void writeHistory(FluentConfiguration production) {
        Flyway flyway = production.load();
        MigrationInfo[] applied = flyway.info().pending();
        // Flyway makes its table as it would for this database; its baseline row goes again at once.
        flyway = Flyway.configure(production.getClassLoader()).configuration(production).baselineVersion("0")
                .baselineDescription("switchover").load();
        flyway.baseline();
        try (Connection connection = production.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            String table = qualified(statement, production, production.getTable());
            statement.execute("DELETE FROM " + table);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (installed_rank,"
                    + " version, description, type, script, checksum, installed_by, execution_time, success)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
                int rank = 0;
                for (MigrationInfo info : applied) {
                    insert.setInt(1, ++rank);
                    insert.setString(2, info.getVersion() == null ? null : info.getVersion().getVersion());
                    insert.setString(3, info.getDescription());
                    insert.setString(4, info.getType().name());
                    insert.setString(5, info.getScript());
                    if (info.getChecksum() == null) {
                        insert.setNull(6, java.sql.Types.INTEGER);
                    } else {
                        insert.setInt(6, info.getChecksum());
                    }
                    insert.setString(7, "switchover");
                    insert.setBoolean(8, true);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ReplayException("cannot write Flyway's history over production's schema: "
                    + DatabaseErrors.of(e), e);
        }
    }

    private static String qualified(Statement statement, FluentConfiguration configuration, String table)
            throws SQLException {
        String[] schemas = configuration.getSchemas();
        return (schemas.length == 0 ? "" : statement.enquoteIdentifier(schemas[0], true) + ".")
                + statement.enquoteIdentifier(table, true);
    }
}
