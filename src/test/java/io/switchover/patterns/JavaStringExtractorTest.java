package io.switchover.patterns;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ColumnRead;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaStringExtractorTest {
    private static final String PATH = "src/main/java/com/example/PersonRepository.java";

    private final JavaStringExtractor extractor = new JavaStringExtractor(new SqlStatementClassifier());

    private List<AccessPattern> patterns(String source) {
        ExtractionResult result = extractor.extract(PATH, source);
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        return result.patterns();
    }

    private static AccessPattern pattern(String sql, int line) {
        return pattern(sql, line, line);
    }

    private static AccessPattern pattern(String sql, int line, int lastLine) {
        return new AccessPattern(sql, new Origin(PATH, line, lastLine), "java-literal");
    }

    @Test
    void findsAPlainLiteralAtItsLine() {
        assertEquals(List.of(pattern("SELECT name FROM person WHERE id = ?", 3)), patterns("""
                class PersonRepository {
                    String find(Jdbc jdbc) {
                        return jdbc.query("SELECT name FROM person WHERE id = ?");
                    }
                }
                """));
    }

    @Test
    void findsATextBlockFromTheLineOfItsOpeningQuotesToItsClosingOnes() {
        String source = "class PersonRepository {\n"
                + "    static final String FIND = \"\"\"\n"
                + "        SELECT name\n"
                + "          FROM person\n"
                + "        \"\"\";\n"
                + "}\n";
        assertEquals(List.of(pattern("SELECT name\n  FROM person", 2, 5)), patterns(source));
    }

    @Test
    void findsAConcatenationOfLiteralsOnceAtItsFirstLineSpanningItsLast() {
        assertEquals(List.of(pattern("SELECT name FROM person WHERE id = ?", 3, 5)), patterns("""
                class PersonRepository {
                    void find(Jdbc jdbc) {
                        jdbc.query("SELECT name "
                                + "FROM person "
                                + "WHERE id = ?");
                    }
                }
                """));
    }

    @Test
    void findsConcatenatedConstantAtItsDeclarationLine() {
        assertEquals(List.of(
                pattern("SELECT id, name FROM person", 2),
                pattern("SELECT id, name FROM person WHERE id = ?", 3)), patterns("""
                class PersonRepository {
                    private static final String SELECT_PERSON = "SELECT id, name FROM person";
                    private static final String BY_ID = SELECT_PERSON + " WHERE id = ?";
                    void find(Jdbc jdbc) {
                        jdbc.query(BY_ID);
                    }
                }
                """));
    }

    @Test
    void findsAUseSiteConcatenationWithAConstant() {
        assertEquals(List.of(
                pattern("SELECT id, name FROM person", 2),
                pattern("SELECT id, name FROM person WHERE name = ?", 4)), patterns("""
                class PersonRepository {
                    static final String SELECT_PERSON = "SELECT id, name FROM person";
                    void find(Jdbc jdbc) {
                        jdbc.queryForObject(SELECT_PERSON + " WHERE name = ?", mapper);
                    }
                }
                """));
    }

    @Test
    void resolvesAConstantQualifiedWithItsClassName() {
        assertEquals(List.of(
                pattern("SELECT id FROM person", 3),
                pattern("SELECT id FROM person WHERE id = ?", 6)), patterns("""
                class PersonRepository {
                    interface Sql {
                        String ALL = "SELECT id FROM person";
                    }
                    void find(Jdbc jdbc) {
                        jdbc.query(Sql.ALL + " WHERE id = ?");
                    }
                }
                """));
    }

    @Test
    void concatenatesTwoConstantsAtTheUseSite() {
        assertEquals(List.of(
                pattern("SELECT id FROM person", 2),
                pattern("SELECT id FROM person WHERE id = ?", 5)), patterns("""
                class PersonRepository {
                    static final String ALL = "SELECT id FROM person";
                    static final String WHERE_ID = " WHERE id = ?";
                    void find(Jdbc jdbc) {
                        jdbc.query(ALL + WHERE_ID);
                    }
                }
                """));
    }

    @Test
    void doesNotRepeatAConstantAtABareReference() {
        assertEquals(List.of(pattern("INSERT INTO person (name) VALUES (?)", 2)), patterns("""
                class PersonRepository {
                    static final String INSERT_SQL = "INSERT INTO person (name) VALUES (?)";
                    void save(Jdbc jdbc) {
                        jdbc.update(INSERT_SQL, "alice");
                        jdbc.update(PersonRepository.INSERT_SQL, "bob");
                    }
                }
                """));
    }

    @Test
    void listsSqlBuiltAtRunTimeAsNotChecked() {
        ExtractionResult result = extractor.extract(PATH, """
                class PersonRepository {
                    void count(Jdbc jdbc, String tableName) {
                        jdbc.query("SELECT count(*) FROM " + tableName);
                    }
                }
                """);
        assertTrue(result.patterns().isEmpty());
        assertEquals(List.of(new UnresolvedSql(new Origin(PATH, 3), "\"SELECT count(*) FROM \" + tableName",
                "built at run time from tableName")), result.notChecked());
    }

    @Test
    void listsAFormatCallFilledAtRunTimeAsNotCheckedWithWhatFillsIt() {
        ExtractionResult result = extractor.extract(PATH, """
                class PersonRepository {
                    String sql(String table) {
                        return String.format("SELECT id FROM %s WHERE id = ?", table);
                    }
                }
                """);
        assertTrue(result.patterns().isEmpty());
        assertEquals(1, result.notChecked().size());
        assertEquals("built at run time from table", result.notChecked().get(0).reason());
    }

    @Test
    void ignoresStringsThatAreNotSql() {
        ExtractionResult result = extractor.extract(PATH, """
                class PersonRepository {
                    static final String PROMPT = "Select a value";
                    void run(Logger log, String version) {
                        log.info("update available: " + version);
                        log.info("Deleting person {}", 5);
                        ui.label("Select one of the options");
                        log.warn("Delete failed for id " + version);
                    }
                }
                """);
        assertEquals(List.of(), result.patterns());
        assertEquals(List.of(), result.notChecked());
    }

    @Test
    void reportsUnparsableJavaAsAFileNotCheckedInsteadOfFailing() {
        ExtractionResult result = extractor.extract(PATH, "class Broken { void m( { \"SELECT 1 FROM t\"; }");
        assertTrue(result.patterns().isEmpty());
        assertEquals(List.of(), result.warnings());
        UnresolvedSql file = result.notChecked().get(0);
        assertEquals(UnresolvedSql.WHOLE_FILE, file.fragment());
        assertEquals(PATH, file.origin().path());
        assertTrue(file.reason().startsWith("JavaParser cannot parse it: "), file.reason());
    }

    @Test
    void skipsJpqlInQueryAnnotationsButKeepsNativeQueries() {
        assertEquals(List.of(pattern("SELECT * FROM person WHERE id = :id", 6)), patterns("""
                import org.springframework.data.jpa.repository.Query;

                interface PersonRepository {
                    @Query("SELECT p FROM Person p WHERE p.name = :name")
                    List<Person> byName(String name);
                    @Query(value = "SELECT * FROM person WHERE id = :id", nativeQuery = true)
                    Person byId(long id);
                }
                """));
    }

    @Test
    void readsTheQueryAnnotationsOfOtherLibrariesAsTheSqlTheyHold() {
        assertEquals(List.of(pattern("INSERT INTO event (id, description) VALUES (:id, :description)", 5)), patterns("""
                import ch.digitalfondue.npjt.Query;
                import ch.digitalfondue.npjt.QueryRepository;
                @QueryRepository
                interface EventRepository {
                    @Query("INSERT INTO event (id, description) VALUES (:id, :description)")
                    int insert(@Bind("id") long id, @Bind("description") String description);
                }
                """));
    }

    @Test
    void linksEachColumnReadByNameToTheStatementOfItsMethod() {
        ExtractionResult result = new JavaStringExtractor(new SqlStatementClassifier()).extract(PATH, """
                class PersonRepository {
                    static final String FIND = "SELECT id, alice FROM person WHERE id = ?";
                    static final String ALICE = "alice";
                    Person find(JdbcTemplate jdbc, long id) {
                        return jdbc.queryForObject(FIND, (rs, n) -> new Person(rs.getLong("id"),
                                rs.getString(ALICE)), id);
                    }
                    static Person map(java.sql.ResultSet rs) throws java.sql.SQLException {
                        return new Person(rs.getLong("id"), rs.getString(1), map.get("alice"));
                    }
                }
                """);
        String find = "SELECT id, alice FROM person WHERE id = ?";
        assertEquals(List.of(
                        new ColumnRead(new Origin(PATH, 5), "id", find),
                        new ColumnRead(new Origin(PATH, 6), "alice", find),
                        new ColumnRead(new Origin(PATH, 9), "id", null)),
                result.reads());
    }
}
