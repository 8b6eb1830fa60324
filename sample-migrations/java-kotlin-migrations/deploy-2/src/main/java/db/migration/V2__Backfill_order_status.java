package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Orders taken before the status column existed are open. */
public class V2__Backfill_order_status extends BaseJavaMigration {

    private static final String BACKFILL = "UPDATE orders SET status = 'OPEN' WHERE status IS NULL";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.executeUpdate(BACKFILL);
        }
    }
}
