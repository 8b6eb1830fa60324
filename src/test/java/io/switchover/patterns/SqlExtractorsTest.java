package io.switchover.patterns;

import io.switchover.patterns.jpa.PhysicalNaming;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry offers each file to every extractor, and a Java file is parsed once for all of them. */
class SqlExtractorsTest {
    private final SqlExtractors extractors = SqlExtractors.standard(new SqlStatementClassifier(), PhysicalNaming.SPRING);

    @Test
    void aJavaFileReadByTheLiteralTheApiAndTheJpaReadersIsParsedOnce() {
        SourceFile file = new SourceFile("src/main/java/Person.java", """
                import javax.persistence.Entity;
                import org.jdbi.v3.sqlobject.statement.SqlQuery;
                @Entity
                class Person {
                    @javax.persistence.Id Long id;
                    static final String COUNT = "SELECT count(*) FROM person";
                    interface Dao {
                        @SqlQuery("SELECT id FROM person WHERE id = :id")
                        Long find(long id);
                    }
                }
                """);
        long before = JavaSources.parsesOnThisThread();
        int readers = 0;
        for (SqlExtractor extractor : extractors.perFile()) {
            if (extractor.reads(file.path())) {
                extractor.extract(file);
                readers++;
            }
        }
        for (ServiceWideExtractor<?> extractor : extractors.serviceWide()) {
            if (extractor.reads(file.path())) {
                extractor.collect(file);
                readers++;
            }
        }

        assertEquals(5, readers, "the Java readers, the Kotlin reader (for constants), the JPA reader, the query"
                + " builders' readers and the jDBI templates' reader");
        assertEquals(1, JavaSources.parsesOnThisThread() - before);
    }

    @Test
    void everyFileKindHasItsReaderAndOthersNone() {
        for (String path : List.of("q.sql", "A.java", "B.kt", "Mapper.xml", "captured-sql/x.log")) {
            assertTrue(extractors.anyReads(path), path);
        }
        assertFalse(extractors.anyReads("logo.png"));
        assertFalse(extractors.anyReads("src/main/resources/schema.sql"), "Spring Boot's initialization script");
    }

    @Test
    void oneMoreExtractorIsOneMoreEntry() {
        SqlExtractor fixed = new SqlExtractor() {
            @Override
            public boolean reads(String path) {
                return path.endsWith(".txt");
            }

            @Override
            public ExtractionResult extract(SourceFile file) {
                return new ExtractionResult(List.of(new AccessPattern(file.text().strip(), new Origin(file.path(), 1),
                        "test")), List.of(), List.of());
            }
        };
        SqlExtractors more = extractors.with(fixed);

        assertTrue(more.anyReads("notes.txt"));
        assertEquals(extractors.perFile().size() + 1, more.perFile().size());
    }
}
