package io.switchover.patterns.builders;

import com.github.javaparser.ast.CompilationUnit;
import io.switchover.patterns.JavaSources;
import io.switchover.patterns.model.ExtractionResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpringDataJdbcAggregatesTest {

    static Map<String, CompilationUnit> units(String... pathsAndSources) {
        Map<String, CompilationUnit> units = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndSources.length; i += 2) {
            units.put(pathsAndSources[i], JavaSources.parse(pathsAndSources[i + 1]).getResult().orElseThrow());
        }
        return units;
    }

    static List<String> statements(ExtractionResult result) {
        return result.patterns().stream().map(p -> p.origin().path() + ":" + p.origin().line() + " " + p.sql())
                .toList();
    }

    private static final String ORDER = """
            package shop;
            import java.util.List;
            import java.util.Set;
            import org.springframework.data.annotation.Id;
            import org.springframework.data.annotation.Version;
            import org.springframework.data.relational.core.mapping.Column;
            import org.springframework.data.relational.core.mapping.MappedCollection;
            import org.springframework.data.relational.core.mapping.Table;
            @Table("purchase_order")
            public class PurchaseOrder {
                @Id Long id;
                @Column("customer_ref") String customer;
                String shippingAddress;
                @Version int version;
                @MappedCollection(idColumn = "order_id", keyColumn = "position") List<OrderLine> lines;
                Set<Tag> tags;
                @org.springframework.data.annotation.Transient String cached;
            }
            """;
    private static final String LINE = """
            package shop;
            public record OrderLine(String productCode, int quantity) {
            }
            """;
    private static final String TAG = """
            package shop;
            class Tag { String label; }
            """;

    @Test
    void issuesTheStatementsOfAnAggregateAndTheTablesItHolds() {
        ExtractionResult result = new SpringDataJdbcAggregates().extract(units("PurchaseOrder.java", ORDER,
                "OrderLine.java", LINE, "Tag.java", TAG));
        assertEquals(List.of(
                "PurchaseOrder.java:10 INSERT INTO purchase_order (customer_ref, shipping_address, version) VALUES (?, ?, ?)",
                "PurchaseOrder.java:10 SELECT id, customer_ref, shipping_address, version FROM purchase_order WHERE id = ?",
                "PurchaseOrder.java:10 UPDATE purchase_order SET customer_ref = ?, shipping_address = ?, version = ?"
                        + " WHERE id = ? AND version = ?",
                "PurchaseOrder.java:10 DELETE FROM purchase_order WHERE id = ?",
                "PurchaseOrder.java:15 INSERT INTO order_line (product_code, quantity, order_id, position) VALUES (?, ?, ?, ?)",
                "PurchaseOrder.java:15 SELECT product_code, quantity, order_id, position FROM order_line WHERE order_id = ?",
                "PurchaseOrder.java:15 DELETE FROM order_line WHERE order_id = ?",
                "PurchaseOrder.java:16 INSERT INTO tag (label, purchase_order) VALUES (?, ?)",
                "PurchaseOrder.java:16 SELECT label, purchase_order FROM tag WHERE purchase_order = ?",
                "PurchaseOrder.java:16 DELETE FROM tag WHERE purchase_order = ?"), statements(result));
    }

    @Test
    void readsTheDerivedQueriesOfARepositoryOfARecordNamedByDefault() {
        String person = """
                package people;
                import org.springframework.data.annotation.Id;
                public record PersonAccount(@Id Long id, String fullName, String email, boolean active) {
                }
                """;
        String repository = """
                package people;
                import org.springframework.data.repository.CrudRepository;
                interface PersonAccountRepository extends CrudRepository<PersonAccount, Long> {
                    List<PersonAccount> findByEmailIgnoreCaseAndActiveTrueOrderByFullNameDesc(String email);
                    long countByFullNameStartingWith(String prefix);
                    boolean existsByNickname(String nickname);
                    @Query("SELECT * FROM person_account WHERE id = :id") PersonAccount byId(long id);
                }
                """;
        ExtractionResult result = new SpringDataJdbcAggregates().extract(units("PersonAccount.java", person,
                "PersonAccountRepository.java", repository));
        assertEquals(List.of(
                "PersonAccountRepository.java:4 SELECT id, full_name, email, active FROM person_account"
                        + " WHERE upper(email) = upper(?) AND active = TRUE ORDER BY full_name DESC",
                "PersonAccountRepository.java:5 SELECT count(*) FROM person_account WHERE full_name LIKE ?",
                "PersonAccount.java:3 INSERT INTO person_account (full_name, email, active) VALUES (?, ?, ?)",
                "PersonAccount.java:3 SELECT id, full_name, email, active FROM person_account WHERE id = ?",
                "PersonAccount.java:3 UPDATE person_account SET full_name = ?, email = ?, active = ? WHERE id = ?",
                "PersonAccount.java:3 DELETE FROM person_account WHERE id = ?"), statements(result));
        assertEquals(List.of("PersonAccountRepository.java:6 a derived query over a property PersonAccount does not"
                + " map to a column"), result.notChecked().stream().map(u -> u.origin() + " " + u.reason()).toList());
    }

    @Test
    void leavesJpaEntitiesAndOtherStoresAlone() {
        String entity = """
                package people;
                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                @Entity public class Person { @Id Long id; String name; }
                """;
        String repository = """
                package people;
                import org.springframework.data.repository.CrudRepository;
                interface PersonRepository extends CrudRepository<Person, Long> {
                    List<Person> findByName(String name);
                }
                """;
        assertEquals(List.of(), new SpringDataJdbcAggregates().extract(units("Person.java", entity,
                "PersonRepository.java", repository)).patterns());
    }
}
