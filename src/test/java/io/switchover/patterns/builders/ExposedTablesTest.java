package io.switchover.patterns.builders;

import io.switchover.patterns.model.ExtractionResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExposedTablesTest {

    private static final String TABLES = """
            package shop
            import org.jetbrains.exposed.sql.Table
            import org.jetbrains.exposed.dao.id.IntIdTable
            // object Ignored : Table("in_a_comment") { }
            object Customers : IntIdTable("customer") {
                val fullName = varchar("full_name", 200)
                val email: Column<String> = varchar(name = "email", length = 320).uniqueIndex()
                val cityId = reference("city_id", Cities).nullable()
                init { index(false, fullName) }
            }
            object Cities : Table() {
                val id = integer("id").autoIncrement()
                val name = varchar("name", 50)
                override val primaryKey = PrimaryKey(id)
            }
            """;

    private static ExtractionResult read(String dao) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("Tables.kt", TABLES);
        sources.put("Dao.kt", dao);
        return new ExposedTables().extract(sources);
    }

    private static List<String> statements(ExtractionResult result) {
        return result.patterns().stream().map(p -> p.origin().path() + ":" + p.origin().line() + " " + p.sql()).toList();
    }

    @Test
    void probesEachTableObjectAsTheSelectOfAllItsColumns() {
        assertEquals(List.of("Tables.kt:5 SELECT id, full_name, email, city_id FROM customer",
                "Tables.kt:11 SELECT id, name FROM Cities"), statements(read("")));
    }

    @Test
    void readsSelectInsertUpdateAndDeleteOfTheDsl() {
        ExtractionResult result = read("""
                package shop
                class Dao {
                    fun byEmail(email: String) = Customers.selectAll().where { Customers.email eq email }.single()
                    fun names() = Customers.select(Customers.fullName, Customers.email)
                        .where { (Customers.cityId eq 3) and Customers.email.isNotNull() }.toList()
                    fun legacy(name: String) = Cities.select { Cities.name like name }.toList()
                    fun add(name: String, email: String) = Customers.insertAndGetId {
                        it[fullName] = name
                        it[Customers.email] = email
                    }
                    fun rename(id: Int, name: String) = Customers.update({ Customers.id eq id }) { it[fullName] = name }
                    fun forget(id: Int) = Customers.deleteWhere { Customers.id eq id }
                }
                """);
        assertEquals(List.of(
                "Dao.kt:3 SELECT id, full_name, email, city_id FROM customer WHERE email = ?",
                "Dao.kt:4 SELECT full_name, email FROM customer WHERE city_id = ? AND email IS NOT NULL",
                "Dao.kt:6 SELECT id, name FROM Cities WHERE name LIKE ?",
                "Dao.kt:7 INSERT INTO customer (full_name, email) VALUES (?, ?)",
                "Dao.kt:11 UPDATE customer SET full_name = ? WHERE id = ?",
                "Dao.kt:12 DELETE FROM customer WHERE id = ?",
                "Tables.kt:5 SELECT id, full_name, email, city_id FROM customer",
                "Tables.kt:11 SELECT id, name FROM Cities"), statements(ExtractionResult.combine(List.of(result))));
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void listsACallItCannotReadAsNotChecked() {
        ExtractionResult result = read("""
                package shop
                fun joined() = Customers.selectAll().where { Cities.name eq "Oslo" }.toList()
                """);
        assertEquals(List.of("Dao.kt:2 an Exposed call on Customers: it names Cities.name of another table"),
                result.notChecked().stream().map(u -> u.origin() + " " + u.reason()).toList());
    }
}
