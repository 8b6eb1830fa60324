package io.switchover.patterns.jpa;

import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The JPA extractor as the scanner runs it: across files, next to the Java string extractor, without duplicates. */
class JpaRegistrationTest {
    private static final String REPO = "src/main/java/p/PersonRepository.java";

    @Test
    void aNativeQueryIsReportedOnceByTheSpringDataExtractorNotAlsoAsAJavaLiteral() {
        InMemorySnapshot snapshot = new InMemorySnapshot("service")
                .with("src/main/java/p/Person.java", "package p;\nimport jakarta.persistence.*;\n"
                        + "@Entity public class Person { @Id Long id; String name; }\n")
                .with(REPO, """
                        package p;
                        import org.springframework.data.jpa.repository.*;
                        public interface PersonRepository extends JpaRepository<Person, Long> {
                            @Query(value = "SELECT name FROM person WHERE id = ?1", nativeQuery = true)
                            String nameOf(long id);
                            @Query(value = "SELECT count(*) FROM person", nativeQuery = true)
                            long total();
                        }
                        """);
        ExtractionResult result = new ServiceSourceScanner().scan(snapshot, List.of(), List.of());
        List<String> inRepository = result.patterns().stream().filter(p -> p.origin().path().equals(REPO))
                .map(p -> p.extractor() + " " + p.origin().line() + " " + p.sql()).toList();
        assertEquals(List.of(
                "spring-data-native 4 SELECT name FROM person WHERE id = ?",
                "spring-data-native 6 SELECT count(*) FROM person"), inRepository);
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void theScannerAddsEntityStatementsFromKotlinFilesToo() {
        InMemorySnapshot snapshot = new InMemorySnapshot("service")
                .with("src/main/kotlin/p/Tag.kt", """
                        package p
                        import jakarta.persistence.*
                        @Entity
                        class Tag(@Id val id: Long, val label: String)
                        """);
        ExtractionResult result = new ServiceSourceScanner().scan(snapshot, List.of(), List.of());
        assertEquals(List.of("INSERT INTO tag (id, label) VALUES (?, ?)", "UPDATE tag SET label = ? WHERE id = ?",
                        "SELECT id, label FROM tag WHERE id = ?", "DELETE FROM tag WHERE id = ?"),
                result.patterns().stream().filter(p -> p.extractor().equals(JpaExtractor.ENTITY))
                        .map(AccessPattern::sql).toList());
    }
}
