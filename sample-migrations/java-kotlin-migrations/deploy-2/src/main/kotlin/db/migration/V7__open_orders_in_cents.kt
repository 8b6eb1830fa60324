package db.migration

import org.flywaydb.core.api.migration.BaseJavaMigration
import org.flywaydb.core.api.migration.Context

/** The open orders show the amount in cents only. */
class V7__open_orders_in_cents : BaseJavaMigration() {
    override fun migrate(context: Context) {
        context.connection.createStatement().use { statement ->
            statement.execute("DROP VIEW open_orders")
            statement.execute(
                """
                CREATE VIEW open_orders AS
                SELECT id, customer, amount_cents FROM orders WHERE status = 'OPEN'
                """.trimIndent(),
            )
        }
    }
}
