package db.migration;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Copies every amount into cents; the service writes both columns from this version on. */
public class V5__Backfill_amount_cents extends BaseJavaMigration {

    private static final String BACKFILL =
            "UPDATE orders SET amount_cents = amount * 100 WHERE amount_cents IS NULL";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.executeUpdate(BACKFILL);
        }
    }
}
