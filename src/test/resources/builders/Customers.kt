package shop

import org.jetbrains.exposed.dao.id.IntIdTable
import org.jetbrains.exposed.sql.Table

object Customers : IntIdTable("customer") {
    val fullName = varchar("full_name", 200)
    val email = varchar("email", 320).uniqueIndex()
}

object Visits : Table("visit") {
    val customerId = reference("customer_id", Customers)
    val at = timestamp("visited_at")
}

class CustomerDao {
    fun byEmail(email: String) = Customers.selectAll().where { (Customers.email eq email) or Customers.fullName.isNull() }.single()
    fun add(name: String, email: String) = Customers.insertAndGetId {
        it[fullName] = name
        it[Customers.email] = email
    }
    fun rename(id: Int, name: String) = Customers.update({ Customers.id eq id }) { it[fullName] = "$name" }
    fun forget(id: Int) = Visits.deleteWhere { Visits.customerId eq id }
}
