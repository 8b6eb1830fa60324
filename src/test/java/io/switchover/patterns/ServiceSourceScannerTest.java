package io.switchover.patterns;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.DirectorySnapshot;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceSourceScannerTest {
    private final ServiceSourceScanner scanner = new ServiceSourceScanner();

    private static final String REPO = "src/main/java/com/example/PersonRepository.java";

    private static InMemorySnapshot service() {
        return new InMemorySnapshot("service")
                .with(REPO, """
                        class PersonRepository {
                            static final String FIND = "SELECT name FROM person WHERE id = ?";
                            void count(Jdbc jdbc, String table) {
                                jdbc.query("SELECT count(*) FROM " + table);
                            }
                        }
                        """)
                .with("src/main/java/com/example/Broken.java", "class Broken {")
                .with("src/main/resources/db/migration/V1__person.sql",
                        "CREATE TABLE person (id int, name text);\nINSERT INTO person (id, name) VALUES (1, 'a');\n")
                .with("src/main/resources/queries/report.sql", "\n\nSELECT id FROM person;\n")
                .with("README.md", "SELECT nothing FROM here");
    }

    @Test
    void findsPatternsInJavaAndSqlFilesOrderedByPathThenLine() {
        ExtractionResult result = scanner.scan(service(), List.of(), List.of("src/main/resources/db/migration"));
        assertEquals(List.of(
                new AccessPattern("SELECT name FROM person WHERE id = ?", new Origin(REPO, 2), "java-literal"),
                new AccessPattern("SELECT id FROM person",
                        new Origin("src/main/resources/queries/report.sql", 3), "sql-file")), result.patterns());
    }

    @Test
    void skipsEverythingUnderTheMigrationFoldersAndEveryScriptNamedAsAMigration() {
        ExtractionResult result = scanner.scan(service(), List.of(), List.of("./src/main/resources/db/migration/"));
        assertTrue(result.patterns().stream().noneMatch(p -> p.origin().path().contains("db/migration")));
        // another vendor's or location's migrations, which the check does not read as migrations, change the schema
        ExtractionResult unexcluded = scanner.scan(service(), List.of(), List.of());
        assertTrue(unexcluded.patterns().stream().noneMatch(p -> p.origin().path().contains("db/migration")),
                unexcluded.patterns().toString());
    }

    @Test
    void looksOnlyUnderTheGivenSourceRoots() {
        ExtractionResult result = scanner.scan(service(), List.of("src/main/resources"), List.of());
        assertTrue(result.patterns().stream().allMatch(p -> p.origin().path().startsWith("src/main/resources/")));
        assertTrue(result.warnings().isEmpty());
    }

    @Test
    void rejectsASourceRootWithoutFiles() {
        SwitchoverException error = assertThrows(SwitchoverException.class,
                () -> scanner.scan(service(), List.of("src/mian/java"), List.of()));
        assertEquals(ExitCode.BAD_INPUT, error.exitCode());
        assertTrue(error.getMessage().startsWith("source folder 'src/mian/java' has no files in service"), error.getMessage());
    }

    @Test
    void leavesSpringBootInitializationScriptsOut() {
        InMemorySnapshot withInit = service()
                .with("src/main/resources/db/h2/data.sql", "INSERT INTO vets (id, first_name) VALUES (1, 'James');")
                .with("src/main/resources/schema-postgresql.sql", "INSERT INTO types (id, name) VALUES (1, 'cat');")
                .with("src/main/resources/queries/report.sql", "SELECT id FROM vets;");
        ExtractionResult result = scanner.scan(withInit, List.of("src/main/resources"),
                List.of("src/main/resources/db/migration"));
        assertEquals(List.of("src/main/resources/queries/report.sql"),
                result.patterns().stream().map(p -> p.origin().path()).toList());
    }

    @Test
    void aNativeQueryJSqlParserCannotReadIsOnePlaceNotChecked() {
        // OpenLMIS's UserRepository: the literal reader and the JPA reader each listed the same native query
        InMemorySnapshot jpa = new InMemorySnapshot("jpa")
                .with("src/main/java/com/example/Person.java", """
                        package com.example;
                        import jakarta.persistence.*;
                        @Entity class Person { @Id Long id; String name; }
                        """)
                .with("src/main/java/com/example/PersonRepository.java", """
                        package com.example;
                        import org.springframework.data.jpa.repository.Query;
                        import org.springframework.data.repository.CrudRepository;
                        interface PersonRepository extends CrudRepository<Person, Long> {
                            @Query(value = "SELECT id FROM person WHERE name ~ E'\\\\d' AND", nativeQuery = true)
                            java.util.List<Long> digits();
                        }
                        """);
        ExtractionResult result = scanner.scan(jpa, List.of(), List.of());
        assertEquals(1, result.notChecked().size(), result.notChecked().toString());
    }

    @Test
    void readsAFileWhoseSwitchExpressionYieldsAComparison() {
        // alf.io's GroupManager: JavaParser without a language level reads "yield existing >= expected;" as a name
        InMemorySnapshot modern = new InMemorySnapshot("modern").with("src/main/java/com/example/Groups.java", """
                package com.example;
                class Groups {
                    static final String COUNT = "SELECT count(*) FROM group_member WHERE group_id = ?";
                    boolean full(Kind kind, int existing, int expected) {
                        return switch (kind) {
                            case FULL -> {
                                int left = expected - existing;
                                yield existing >= expected;
                            }
                            default -> false;
                        };
                    }
                }
                """);
        ExtractionResult result = scanner.scan(modern, List.of(), List.of());
        assertEquals(List.of(), result.notChecked());
        assertEquals(List.of("SELECT count(*) FROM group_member WHERE group_id = ?"),
                result.patterns().stream().map(p -> p.sql()).toList());
    }

    @Test
    void leavesTestSourcesOutWhenNoSourceRootIsGiven() {
        InMemorySnapshot withTests = service()
                .with("src/test/java/com/example/Fixtures.java",
                        "class Fixtures { static final String SEED = \"INSERT INTO person (id) VALUES (1)\"; }")
                .with("src/integration-test/java/com/example/SqlInsert.java",
                        "class SqlInsert { static final String SEED = \"INSERT INTO person (id) VALUES (2)\"; }")
                .with("web/src/integTest/java/com/example/Seed.java",
                        "class Seed { static final String SEED = \"INSERT INTO person (id) VALUES (3)\"; }");
        ExtractionResult result = scanner.scan(withTests, List.of(), List.of());
        assertTrue(result.patterns().stream().noneMatch(p -> p.origin().path().contains("src/test")
                        || p.origin().path().contains("src/integ")), result.patterns().toString());
        assertFalse(result.patterns().isEmpty());
    }

    @Test
    void carriesUnresolvedSqlOnAndListsAFileThatDoesNotParseAsNotChecked() {
        ExtractionResult result = scanner.scan(service(), List.of("src/main/java"), List.of());
        assertEquals(List.of(UnresolvedSql.wholeFile("src/main/java/com/example/Broken.java", 1,
                        "JavaParser cannot parse it: Parse error. Found <EOF>"),
                new UnresolvedSql(new Origin(REPO, 4), "\"SELECT count(*) FROM \" + table",
                "built at run time from table")), result.notChecked());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void scansAServiceDirectoryOnDisk() throws URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(getClass().getResource("/patterns/service")).toURI());
        ExtractionResult result = scanner.scan(DirectorySnapshot.of(root), List.of(), List.of("db/migration"));
        assertEquals(List.of(
                "src/com/example/OrderDao.java:3 SELECT id, total FROM orders",
                "src/com/example/OrderDao.java:4 SELECT id, total FROM orders WHERE customer_id = :customerId",
                "src/com/example/OrderDao.java:8 UPDATE orders SET total = ? WHERE id = ?"),
                result.patterns().stream().map(p -> p.origin() + " " + p.sql()).toList());
    }

    @Test
    void readsMapperXmlKotlinCapturesAndJavaApisEachStatementOnce() {
        InMemorySnapshot snapshot = new InMemorySnapshot("service")
                .with("src/main/java/com/example/TicketMapper.java", """
                        import org.apache.ibatis.annotations.Select;
                        interface TicketMapper {
                            @Select("SELECT id FROM ticket WHERE id = #{id}")
                            long find(long id);
                            @Select("SELECT title FROM ticket")
                            List<String> titles();
                        }
                        """)
                .with("src/main/resources/TicketMapper.xml", """
                        <mapper namespace="TicketMapper">
                          <delete id="delete">DELETE FROM ticket WHERE id = #{id}</delete>
                        </mapper>
                        """)
                .with("src/main/kotlin/Tickets.kt", "val q = \"\"\"\n  SELECT status FROM ticket\n\"\"\".trimIndent()\n")
                .with("captured-sql/prod.log", "2024-01-01 UTC [1] LOG:  statement: UPDATE ticket SET status = $1\n")
                .with("ops/prod.pg_stat_statements.csv", "query,calls\n\"SELECT title FROM ticket\",1\n")
                .with("pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>");
        ExtractionResult result = scanner.scan(snapshot, List.of(), List.of());
        assertEquals(List.of(
                "captured-sql/prod.log:1 pg-log UPDATE ticket SET status = ?",
                "ops/prod.pg_stat_statements.csv:2 pg-stat-statements SELECT title FROM ticket",
                "src/main/java/com/example/TicketMapper.java:3 mybatis-annotation SELECT id FROM ticket WHERE id = ?",
                "src/main/java/com/example/TicketMapper.java:5 mybatis-annotation SELECT title FROM ticket",
                "src/main/kotlin/Tickets.kt:1 kotlin-literal SELECT status FROM ticket",
                "src/main/resources/TicketMapper.xml:2 mybatis-xml DELETE FROM ticket WHERE id = ?"),
                result.patterns().stream().map(p -> p.origin() + " " + p.extractor() + " " + p.sql()).toList());
        assertEquals(List.of(), result.notChecked());
        assertEquals(List.of(), result.warnings());
    }
}
