package io.switchover.patterns.builders;

import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The builders' job as the scan runs it: files that name a framework, and the files of the types they hold. */
class BuilderExtractorsTest {

    @Test
    void followsAnAggregatesEntitiesIntoTheirOwnFilesAndReportsThroughTheScan() {
        InMemorySnapshot snapshot = new InMemorySnapshot("service")
                .with("src/main/java/shop/Basket.java", """
                        package shop;
                        import org.springframework.data.annotation.Id;
                        import org.springframework.data.relational.core.mapping.Table;
                        @Table("basket")
                        public class Basket { @Id Long id; java.util.Set<Item> items; }
                        """)
                .with("src/main/java/shop/Item.java", """
                        package shop;
                        public record Item(String sku, int quantity) { }
                        """)
                .with("src/main/java/shop/Unrelated.java", """
                        package shop;
                        class Unrelated { Item notFollowed; }
                        """);
        ExtractionResult result = new ServiceSourceScanner().scan(snapshot, List.of(), List.of());
        assertEquals(List.of(
                "src/main/java/shop/Basket.java:5 SELECT id FROM basket WHERE id = ?",
                "src/main/java/shop/Basket.java:5 DELETE FROM basket WHERE id = ?",
                "src/main/java/shop/Basket.java:5 INSERT INTO item (sku, quantity, basket) VALUES (?, ?, ?)",
                "src/main/java/shop/Basket.java:5 SELECT sku, quantity, basket FROM item WHERE basket = ?",
                "src/main/java/shop/Basket.java:5 DELETE FROM item WHERE basket = ?"),
                result.patterns().stream().map(p -> p.origin() + " " + p.sql()).toList());
    }
}
