package io.switchover.patterns;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlFileExtractorTest {
    private final SqlFileExtractor extractor = new SqlFileExtractor(new SqlStatementClassifier());

    @Test
    void reportsEachQueryAtTheLineWhereItStartsAfterComments() {
        String script = """
                -- find people
                SELECT id, name
                  FROM person
                 WHERE id = ?;

                /* a comment
                   over two lines */
                UPDATE person SET name = :name WHERE id = :id;
                """;
        ExtractionResult result = extractor.extract("queries/person.sql", script);
        assertEquals(List.of(
                new AccessPattern("SELECT id, name\n  FROM person\n WHERE id = ?", new Origin("queries/person.sql", 2, 4),
                        "sql-file"),
                new AccessPattern("UPDATE person SET name = :name WHERE id = :id", new Origin("queries/person.sql", 8),
                        "sql-file")), result.patterns());
    }

    @Test
    void ignoresDdl() {
        ExtractionResult result = extractor.extract("seed.sql", """
                CREATE TABLE tmp (id int);
                INSERT INTO tmp (id) VALUES (1);
                DROP TABLE tmp;
                """);
        assertEquals(List.of("INSERT INTO tmp (id) VALUES (1)"),
                result.patterns().stream().map(AccessPattern::sql).toList());
        assertEquals(2, result.patterns().get(0).origin().line());
    }

    @Test
    void doesNotSplitOnSemicolonsInStringsCommentsOrDollarQuotes() {
        ExtractionResult result = extractor.extract("q.sql", """
                SELECT 'a;b' FROM person WHERE note <> $x$;$x$; -- trailing; comment
                SELECT id FROM person /* ; */ WHERE id = 1;
                """);
        assertEquals(2, result.patterns().size());
        assertEquals(List.of(1, 2), result.patterns().stream().map(p -> p.origin().line()).toList());
    }

    @Test
    void listsAQueryJSqlParserCannotParseAsNotChecked() {
        ExtractionResult result = extractor.extract("q.sql", "\nSELECT FROM WHERE person;\n");
        assertTrue(result.patterns().isEmpty());
        assertEquals(1, result.notChecked().size());
        assertEquals(new Origin("q.sql", 2), result.notChecked().get(0).origin());
        assertTrue(result.notChecked().get(0).reason().startsWith("JSqlParser cannot parse it"));
    }
}
