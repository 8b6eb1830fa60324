package io.switchover.patterns;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statements built from constants of other files resolve as the compiler resolves the names. */
class CrossFileConstantsTest {
    private static final String ROOT = "src/main/java/com/example/shop/";

    private final ExtractionResult shop = new ServiceSourceScanner().scan(new InMemorySnapshot("shop")
            .with(ROOT + "db/Tables.java", fixture("Tables.java"))
            .with(ROOT + "model/OrderStatus.java", fixture("OrderStatus.java"))
            .with(ROOT + "repo/BaseRepository.java", fixture("BaseRepository.java"))
            .with(ROOT + "repo/OrderRepository.java", fixture("OrderRepository.java")), List.of(), List.of());

    @Test
    void followsStaticImportsOfNestedClassesAndInheritedInterfaceConstants() {
        assertTrue(statements().contains("SELECT id, customer_id, total_cents FROM orders WHERE id = ?"),
                statements().toString());
    }

    @Test
    void fillsStringFormatFromConstantsOfOtherFilesAndAnEnumConstantsName() {
        assertTrue(statements().contains("SELECT id, customer_id, total_cents FROM orders WHERE status = 'PAID'"),
                statements().toString());
    }

    @Test
    void fillsMessageFormatFromAnInheritedConstant() {
        assertTrue(statements().contains("SELECT count(*) FROM orders"), statements().toString());
    }

    @Test
    void fillsFormattedFromAQualifiedNestedConstantAndAFullyQualifiedOne() {
        assertTrue(statements().contains("SELECT id, name, email FROM customer"), statements().toString());
    }

    @Test
    void concatenatesAnEnumConstantAsItsName() {
        assertTrue(statements().contains("SELECT id FROM orders WHERE status = 'SHIPPED'"), statements().toString());
    }

    @Test
    void leavesNothingOfTheShopNotChecked() {
        assertEquals(List.of(), shop.notChecked());
    }

    @Test
    void aConstantOfAFileNotInTheServiceStaysNotChecked() {
        ExtractionResult result = new ServiceSourceScanner().scan(new InMemorySnapshot("alone")
                .with(ROOT + "repo/OrderRepository.java", fixture("OrderRepository.java")), List.of(), List.of());
        assertTrue(result.patterns().isEmpty(), result.patterns().toString());
        assertEquals(List.of("built at run time from ORDER_FIELDS, ORDERS, BY_ID",
                        "built at run time from ORDER_FIELDS, Tables.ORDERS, PAID.name()",
                        "built at run time from ORDERS",
                        "built at run time from Tables.Columns.CUSTOMER_FIELDS, com.example.shop.db.Tables.CUSTOMER",
                        "built at run time from ORDERS, OrderStatus.SHIPPED"),
                result.notChecked().stream().map(UnresolvedSql::reason).toList());
    }

    @Test
    void aStaticMethodThatReturnsAConstantIsThatConstant() {
        // hawkbit's Jpa.nativeQueryParamPrefix(), a method so that the compiler does not inline the '?'
        String jpa = """
                package com.example.shop.db;
                public class Jpa {
                    public static char nativeQueryParamPrefix() {
                        return '?';
                    }
                    public static String now() {
                        return java.time.Instant.now().toString();
                    }
                }
                """;
        String repository = """
                package com.example.shop.repo;
                import com.example.shop.db.Jpa;
                class Cleanup {
                    static final String DELETE = "DELETE FROM orders WHERE tenant = " + Jpa.nativeQueryParamPrefix()
                            + "tenant";
                    static final String OLD = "DELETE FROM orders WHERE created < '" + Jpa.now() + "'";
                }
                """;
        ExtractionResult result = new ServiceSourceScanner().scan(new InMemorySnapshot("shop")
                .with(ROOT + "db/Jpa.java", jpa).with(ROOT + "repo/Cleanup.java", repository), List.of(), List.of());
        assertEquals(List.of("DELETE FROM orders WHERE tenant = ?tenant"),
                result.patterns().stream().map(AccessPattern::sql).toList(), result.notChecked().toString());
        assertEquals(List.of("built at run time from Jpa.now()"),
                result.notChecked().stream().map(UnresolvedSql::reason).toList());

        String hibernate = jpa.replace("'?'", "':'");
        ExtractionResult two = new ServiceSourceScanner().scan(new InMemorySnapshot("shop")
                .with("eclipselink/" + ROOT + "db/Jpa.java", jpa).with("hibernate/" + ROOT + "db/Jpa.java", hibernate)
                .with(ROOT + "repo/Cleanup.java", repository), List.of(), List.of());
        assertEquals(2, two.notChecked().size(), "two builds' classes disagree: which one runs is not known here");
    }

    private List<String> statements() {
        return shop.patterns().stream().map(AccessPattern::sql).toList();
    }

    private static String fixture(String name) {
        try (InputStream in = Objects.requireNonNull(CrossFileConstantsTest.class.getResourceAsStream(
                "/patterns/constants/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
