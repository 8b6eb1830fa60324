package io.switchover.patterns.jpa;

import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.DirectorySnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shop fixture ({@code src/test/resources/jpa/shop}): a mapped superclass, an embeddable with an attribute
 * override, an element collection, many-to-one, many-to-many and one-to-many associations, SINGLE_TABLE and JOINED
 * inheritance, a Kotlin entity, and Spring Data repositories with native, JPQL and derived queries. Each line of the
 * expectations is {@code extractor path:line sql}, paths relative to the model/repo folders.
 */
class JpaExtractorTest {
    private static final String JAVA = "src/main/java/com/example/shop/";
    private static final String KOTLIN = "src/main/kotlin/com/example/shop/";

    private static ExtractionResult shop;

    @BeforeAll
    static void extractTheShop() {
        DirectorySnapshot snapshot = DirectorySnapshot.of(Path.of("src/test/resources/jpa/shop"));
        shop = new JpaExtractor(new SqlStatementClassifier()).extract(snapshot, snapshot.files());
    }

    private static List<String> found(String extractor, String file) {
        return shop.patterns().stream()
                .filter(p -> p.extractor().equals(extractor) && p.origin().path().endsWith("/" + file))
                .map(JpaExtractorTest::describe)
                .toList();
    }

    private static String describe(AccessPattern p) {
        return p.origin().path().replace(JAVA, "").replace(KOTLIN, "") + ":" + p.origin().line() + " " + p.sql();
    }

    @Test
    void entityWithMappedSuperclassEmbeddableAndElementCollectionWritesEveryMappedColumn() {
        assertEquals(List.of(
                "model/Customer.java:17 INSERT INTO customer (version, created_at, email_address, display_name, "
                        + "billing_street, zip, city) VALUES (?, ?, ?, ?, ?, ?, ?)",
                "model/Customer.java:17 UPDATE customer SET version = ?, created_at = ?, email_address = ?, "
                        + "display_name = ?, billing_street = ?, zip = ?, city = ? WHERE id = ? AND version = ?",
                "model/Customer.java:17 SELECT id, version, created_at, email_address, display_name, billing_street, "
                        + "zip, city FROM customer WHERE id = ?",
                "model/Customer.java:17 DELETE FROM customer WHERE id = ? AND version = ?",
                "model/Customer.java:30 INSERT INTO customer_tags (customer_id, tags) VALUES (?, ?)",
                "model/Customer.java:30 SELECT customer_id, tags FROM customer_tags WHERE customer_id = ?",
                "model/Customer.java:30 DELETE FROM customer_tags WHERE customer_id = ?"),
                found(JpaExtractor.ENTITY, "Customer.java"));
    }

    @Test
    void columnProbesPointAtTheLineThatMapsEachColumn() {
        List<String> probes = shop.patterns().stream().filter(p -> p.extractor().equals(JpaExtractor.COLUMN))
                .map(JpaExtractorTest::describe).toList();
        assertTrue(probes.containsAll(List.of(
                "model/BaseEntity.java:15 SELECT id FROM customer",
                "model/BaseEntity.java:18 SELECT version FROM customer",
                "model/BaseEntity.java:20 SELECT created_at FROM customer",
                "model/Customer.java:21 SELECT email_address FROM customer",
                "model/Customer.java:26 SELECT billing_street FROM customer", // the @AttributeOverride names it
                "model/Address.java:11 SELECT zip FROM customer",
                "model/Address.java:13 SELECT city FROM customer",
                "model/Customer.java:30 SELECT tags FROM customer_tags",
                "model/PurchaseOrder.java:23 SELECT customer_id FROM purchase_order",
                "model/PurchaseOrder.java:35 SELECT order_id FROM order_line",
                "model/Payment.java:11 SELECT payment_type FROM payment")), probes.toString());
        // transient, @Transient and static fields map nothing; a mappedBy collection has no column
        assertTrue(probes.stream().noneMatch(p -> p.contains("cached") || p.contains("hits")
                || p.contains("default_status") || p.contains("orders")), probes.toString());
        // a SINGLE_TABLE root's columns are probed once, not once per subclass
        assertEquals(1, probes.stream().filter(p -> p.endsWith("SELECT amount_cents FROM payment")).count());
    }

    @Test
    void manyToOneAndManyToManyUseHibernatesDefaultJoinColumnsAndSpringsJoinTableName() {
        assertEquals(List.of(
                "model/PurchaseOrder.java:17 INSERT INTO purchase_order (id, customer_id, status, total_cents) "
                        + "VALUES (?, ?, ?, ?)",
                "model/PurchaseOrder.java:17 UPDATE purchase_order SET customer_id = ?, status = ?, total_cents = ? "
                        + "WHERE id = ?",
                "model/PurchaseOrder.java:17 SELECT id, customer_id, status, total_cents FROM purchase_order WHERE id = ?",
                "model/PurchaseOrder.java:17 DELETE FROM purchase_order WHERE id = ?",
                "model/PurchaseOrder.java:31 INSERT INTO purchase_order_products (purchase_order_id, products_id) "
                        + "VALUES (?, ?)",
                "model/PurchaseOrder.java:31 SELECT purchase_order_id, products_id FROM purchase_order_products "
                        + "WHERE purchase_order_id = ?",
                "model/PurchaseOrder.java:31 DELETE FROM purchase_order_products WHERE purchase_order_id = ?",
                "model/PurchaseOrder.java:35 UPDATE order_line SET order_id = ? WHERE id = ?",
                "model/PurchaseOrder.java:35 SELECT id FROM order_line WHERE order_id = ?"),
                found(JpaExtractor.ENTITY, "PurchaseOrder.java"));
    }

    @Test
    void joinedInheritanceWritesEveryTableAndLoadsThemJoinedOnTheId() {
        assertEquals(List.of(
                "model/Truck.java:8 INSERT INTO vehicle (id, make) VALUES (?, ?)",
                "model/Truck.java:8 INSERT INTO truck (vehicle_id, payload_kg) VALUES (?, ?)",
                "model/Truck.java:8 UPDATE vehicle SET make = ? WHERE id = ?",
                "model/Truck.java:8 UPDATE truck SET payload_kg = ? WHERE vehicle_id = ?",
                "model/Truck.java:8 SELECT vehicle.id, vehicle.make, truck.payload_kg FROM vehicle "
                        + "JOIN truck ON truck.vehicle_id = vehicle.id WHERE vehicle.id = ?",
                "model/Truck.java:8 DELETE FROM truck WHERE vehicle_id = ?",
                "model/Truck.java:8 DELETE FROM vehicle WHERE id = ?"),
                found(JpaExtractor.ENTITY, "Truck.java"));
    }

    @Test
    void singleTableInheritanceWritesTheDiscriminatorAndSubclassColumnsIntoTheRootTable() {
        assertEquals(List.of(
                "model/CardPayment.java:6 INSERT INTO payment (id, payment_type, amount_cents, card_last4) "
                        + "VALUES (?, ?, ?, ?)",
                "model/CardPayment.java:6 UPDATE payment SET amount_cents = ?, card_last4 = ? WHERE id = ?",
                "model/CardPayment.java:6 SELECT id, payment_type, amount_cents, card_last4 FROM payment WHERE id = ?",
                "model/CardPayment.java:6 DELETE FROM payment WHERE id = ?"),
                found(JpaExtractor.ENTITY, "CardPayment.java"));
        // the abstract root is loaded and deleted, never inserted
        assertEquals(List.of(
                "model/Payment.java:12 SELECT id, payment_type, amount_cents FROM payment WHERE id = ?",
                "model/Payment.java:12 DELETE FROM payment WHERE id = ?"),
                found(JpaExtractor.ENTITY, "Payment.java"));
    }

    @Test
    void springNamingTurnsExplicitNamesIntoSnakeCaseAndKeepsADigitWithTheWordBefore() {
        assertEquals(List.of(
                "model/Product.java:8 INSERT INTO product (id, name, unit_price_cents, ean13code) VALUES (?, ?, ?, ?)",
                "model/Product.java:8 UPDATE product SET name = ?, unit_price_cents = ?, ean13code = ? WHERE id = ?",
                "model/Product.java:8 SELECT id, name, unit_price_cents, ean13code FROM product WHERE id = ?",
                "model/Product.java:8 DELETE FROM product WHERE id = ?"),
                found(JpaExtractor.ENTITY, "Product.java"));
    }

    @Test
    void kotlinEntityMapsConstructorPropertiesAndBodyPropertiesButNotComputedOrTransientOnes() {
        assertEquals(List.of(
                "supplier/Supplier.kt:15 INSERT INTO supplier (legal_name, vat_number, contact_email) VALUES (?, ?, ?)",
                "supplier/Supplier.kt:15 UPDATE supplier SET legal_name = ?, vat_number = ?, contact_email = ? WHERE id = ?",
                "supplier/Supplier.kt:15 SELECT id, legal_name, vat_number, contact_email FROM supplier WHERE id = ?",
                "supplier/Supplier.kt:15 DELETE FROM supplier WHERE id = ?"),
                found(JpaExtractor.ENTITY, "Supplier.kt"));
        assertEquals(List.of(
                "supplier/Supplier.kt:17 SELECT id FROM supplier",
                "supplier/Supplier.kt:20 SELECT legal_name FROM supplier",
                "supplier/Supplier.kt:22 SELECT vat_number FROM supplier",
                "supplier/Supplier.kt:27 SELECT contact_email FROM supplier"),
                found(JpaExtractor.COLUMN, "Supplier.kt"));
    }

    @Test
    void derivedQueriesBecomeTheSelectHibernateRuns() {
        assertEquals(List.of(
                "repo/CustomerRepository.java:13 SELECT id, version, created_at, email_address, display_name, "
                        + "billing_street, zip, city FROM customer WHERE email_address = ? AND display_name = ? "
                        + "ORDER BY created_at DESC",
                "repo/CustomerRepository.java:15 SELECT id, version, created_at, email_address, display_name, "
                        + "billing_street, zip, city FROM customer WHERE upper(city) = upper(?)",
                "repo/CustomerRepository.java:17 SELECT id FROM customer WHERE email_address = ? LIMIT 1",
                "repo/CustomerRepository.java:19 SELECT count(id) FROM customer WHERE created_at BETWEEN ? AND ?"),
                found(JpaExtractor.DERIVED, "CustomerRepository.java"));
        assertEquals(List.of(
                "repo/OrderRepository.java:12 SELECT id, customer_id, status, total_cents FROM purchase_order "
                        + "WHERE customer_id = ?",
                "repo/OrderRepository.java:14 SELECT purchase_order.id, purchase_order.customer_id, "
                        + "purchase_order.status, purchase_order.total_cents FROM purchase_order "
                        + "JOIN customer ON customer.id = purchase_order.customer_id WHERE customer.email_address = ?",
                "repo/OrderRepository.java:16 SELECT id, customer_id, status, total_cents FROM purchase_order "
                        + "WHERE status IN (?) ORDER BY total_cents DESC LIMIT 5",
                "repo/OrderRepository.java:18 SELECT id, customer_id, status, total_cents FROM purchase_order "
                        + "WHERE (status IS NULL) OR (total_cents < ?)",
                "repo/OrderRepository.java:20 SELECT id, customer_id, status, total_cents FROM purchase_order "
                        + "WHERE status = ?"),
                found(JpaExtractor.DERIVED, "OrderRepository.java"));
        assertEquals(List.of("supplier/Supplier.kt:38 SELECT id, legal_name, vat_number, contact_email FROM supplier "
                + "WHERE vat_number = ?"), found(JpaExtractor.DERIVED, "Supplier.kt"));
    }

    @Test
    void nativeQueriesAreTakenAsWrittenWithPositionalParametersMadeJdbc() {
        assertEquals(List.of(
                "repo/CustomerRepository.java:21 SELECT id, email_address FROM customer WHERE display_name LIKE ?"),
                found(JpaExtractor.NATIVE, "CustomerRepository.java"));
        assertEquals(List.of("supplier/Supplier.kt:43 SELECT legal_name FROM supplier WHERE id = :id"),
                found(JpaExtractor.NATIVE, "Supplier.kt"));
    }

    @Test
    void jpqlIsTranslatedExactlyWhereItCanBeAndProbedByColumnsWhereItCannot() {
        assertEquals(List.of(
                "repo/CustomerRepository.java:24 select c.id, c.version, c.created_at, c.email_address, "
                        + "c.display_name, c.billing_street, c.zip, c.city from customer c where c.email_address = :email",
                "repo/CustomerRepository.java:27 select c.display_name from customer c "
                        + "join purchase_order o ON o.customer_id = c.id where o.total_cents > :min",
                "repo/CustomerRepository.java:31 update customer c set display_name = :name where c.id = :id",
                // size(c.tags) has no SQL counterpart here: the probe checks the columns the query names, those of
                // the element collection's table too
                "repo/CustomerRepository.java:34 SELECT id, version, created_at, email_address, display_name, "
                        + "billing_street, zip, city FROM customer",
                "repo/CustomerRepository.java:34 SELECT tags FROM customer_tags"),
                found(JpaExtractor.JPQL, "CustomerRepository.java"));
        assertEquals(List.of("supplier/Supplier.kt:40 select s.id, s.legal_name, s.vat_number, s.contact_email "
                + "from supplier s where s.contact_email like :domain"), found(JpaExtractor.JPQL, "Supplier.kt"));
    }

    @Test
    void whatCannotBeTranslatedIsListedAsNotCheckedWithTheReason() {
        List<String> notChecked = shop.notChecked().stream().map(JpaExtractorTest::describe).toList();
        assertEquals(List.of(
                "repo/LegacyRepository.java:5 interface LegacyRepository: repository of LegacyRecord, "
                        + "which is not an @Entity in the sources",
                "repo/OrderRepository.java:22 findByShippingLabel(...): findByShippingLabel: cannot read "
                        + "'ShippingLabel' as a property of PurchaseOrder with a Spring Data keyword"),
                notChecked);
        assertEquals(List.of(), shop.warnings());
    }

    @Test
    void everyStatementParsesAsSql() {
        SqlStatementClassifier classifier = new SqlStatementClassifier();
        for (AccessPattern pattern : shop.patterns()) {
            assertTrue(classifier.isSql(pattern.sql()), pattern.toString());
        }
    }

    private static String describe(UnresolvedSql u) {
        return u.origin().path().replace(JAVA, "") + ":" + u.origin().line() + " " + u.fragment() + ": " + u.reason();
    }
}
