package db.migration

import org.flywaydb.core.api.migration.BaseJavaMigration
import org.flywaydb.core.api.migration.Context

/** The open orders show the amount in cents too; PostgreSQL cannot reorder a view's columns, so it is made anew. */
class V6__open_orders_with_cents : BaseJavaMigration() {
    override fun migrate(context: Context) {
        context.connection.createStatement().use { statement ->
            statement.execute("DROP VIEW open_orders")
            statement.execute(
                """
                CREATE VIEW open_orders AS
                SELECT id, customer, amount, amount_cents FROM orders WHERE status = 'OPEN'
                """.trimIndent(),
            )
        }
    }
}
