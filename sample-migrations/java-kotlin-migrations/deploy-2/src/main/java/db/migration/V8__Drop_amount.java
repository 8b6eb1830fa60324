package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** The contract step: amounts live in amount_cents only. */
public class V8__Drop_amount extends BaseJavaMigration {

    private static final String TABLE = "orders";

    @Override
    public void migrate(Context context) throws Exception {
        dropColumn(context, TABLE, "amount");
    }

    private static void dropColumn(Context context, String table, String column) throws SQLException {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(String.format("ALTER TABLE %s DROP COLUMN %s", table, column));
        }
    }
}
