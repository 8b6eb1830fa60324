package db.migration

import org.flywaydb.core.api.migration.BaseJavaMigration
import org.flywaydb.core.api.migration.Context

/** The dispatch screen lists the open orders. */
class V3__open_orders_view : BaseJavaMigration() {
    override fun migrate(context: Context) {
        context.connection.createStatement().use { statement ->
            statement.execute(
                """
                CREATE VIEW open_orders AS
                SELECT id, customer, amount FROM orders WHERE status = 'OPEN'
                """.trimIndent(),
            )
        }
    }
}
