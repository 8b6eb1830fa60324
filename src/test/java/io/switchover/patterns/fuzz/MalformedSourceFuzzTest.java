package io.switchover.patterns.fuzz;

import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.capture.CapturedSqlReader;
import io.switchover.patterns.kotlin.KotlinStringExtractor;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.mybatis.MyBatisXmlExtractor;
import io.switchover.snapshot.InMemorySnapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Truncated and mutated fixtures never stop a scan: an extractor either reads what it can or warns, naming the file.
 * A half-written file in a snapshot (a merge conflict, a generated file cut short) must cost its own SQL at most.
 */
class MalformedSourceFuzzTest {
    private static final SqlStatementClassifier CLASSIFIER = new SqlStatementClassifier();
    private static final String NOISE = "<>\"'{}()[]$#@\n\t/*+`\\;:,=&|%?.";

    private final MyBatisXmlExtractor mappers = new MyBatisXmlExtractor(CLASSIFIER);
    private final KotlinStringExtractor kotlin = new KotlinStringExtractor(CLASSIFIER);
    private final CapturedSqlReader captures = new CapturedSqlReader(CLASSIFIER);
    private final ServiceSourceScanner scanner = new ServiceSourceScanner();

    @Property(tries = 300)
    void mapperXmlNeverThrows(@ForAll("mappers") String xml) {
        assertNamesTheFile("Mapper.xml", mappers.extract("Mapper.xml", xml));
    }

    @Property(tries = 300)
    void kotlinNeverThrows(@ForAll("kotlinSources") String source) {
        assertNamesTheFile("Repo.kt", kotlin.extract("Repo.kt", source));
    }

    @Property(tries = 150)
    void javaWithDataAccessApisNeverStopsAScan(@ForAll("javaSources") String source) {
        String path = "src/main/java/Dao.java";
        ExtractionResult result = scanner.scan(new InMemorySnapshot("fuzz").with(path, source), List.of(), List.of());
        assertNamesTheFile(path, result);
    }

    @Property(tries = 150)
    void queryBuildersAndMappingFrameworksNeverStopAScan(@ForAll("builderSources") String source) {
        boolean kotlinSource = source.contains("object ");
        String path = kotlinSource ? "src/main/kotlin/Dao.kt" : "src/main/java/Dao.java";
        ExtractionResult result = scanner.scan(new InMemorySnapshot("fuzz").with(path, source), List.of(), List.of());
        assertNamesTheFile(path, result);
    }

    @Property(tries = 150)
    void sqlBuiltFromConstantsOfOtherFilesNeverStopsAScan(@ForAll("constantSources") String source,
                                                           @ForAll boolean mutateTheConstants) {
        String tables = "src/main/java/com/example/shop/db/Tables.java";
        String repository = "src/main/java/com/example/shop/repo/OrderRepository.java";
        InMemorySnapshot snapshot = new InMemorySnapshot("fuzz")
                .with(tables, mutateTheConstants ? source : fixture("/patterns/constants/Tables.java"))
                .with("src/main/java/com/example/shop/repo/BaseRepository.java",
                        fixture("/patterns/constants/BaseRepository.java"))
                .with(repository, mutateTheConstants ? fixture("/patterns/constants/OrderRepository.java") : source);
        ExtractionResult result = scanner.scan(snapshot, List.of(), List.of());
        for (String warning : result.warnings()) {
            assertTrue(warning.startsWith(tables + ":") || warning.startsWith(repository + ":"), warning);
        }
    }

    @Property(tries = 200)
    void stringTemplateGroupsNeverStopAScanNorLoseADaoMethod(@ForAll("templateGroups") String group) {
        String dao = "src/main/java/org/depot/dao/ShipmentDao.java";
        String groupFile = "src/main/resources/org/depot/dao/ShipmentDao.sql.stg";
        InMemorySnapshot snapshot = new InMemorySnapshot("fuzz")
                .with(dao, fixture("/stringtemplate/ShipmentDao.java"))
                .with(groupFile, group)
                .with("src/main/resources/org/depot/dao/Common.sql.stg", fixture("/stringtemplate/Common.sql.stg"));
        ExtractionResult result = scanner.scan(snapshot, List.of(), List.of());
        for (String warning : result.warnings()) {
            assertTrue(warning.startsWith(dao + ":") || warning.startsWith(groupFile + ":"), warning);
        }
        for (int methodLine : List.of(14, 17, 20, 23, 26)) {
            boolean seen = result.patterns().stream().anyMatch(p -> p.origin().spans(dao, methodLine))
                    || result.notChecked().stream().anyMatch(u -> u.origin().spans(dao, methodLine));
            assertTrue(seen, "the method at line " + methodLine + " is checked or said to be not checked");
        }
    }

    @Property(tries = 100)
    void stringTemplateDaosNeverStopAScan(@ForAll("templateDaos") String source) {
        String dao = "src/main/java/org/depot/dao/ShipmentDao.java";
        InMemorySnapshot snapshot = new InMemorySnapshot("fuzz").with(dao, source)
                .with("src/main/resources/org/depot/dao/ShipmentDao.sql.stg",
                        fixture("/stringtemplate/ShipmentDao.sql.stg"))
                .with("src/main/resources/org/depot/dao/Common.sql.stg", fixture("/stringtemplate/Common.sql.stg"));
        assertNamesTheFile(dao, scanner.scan(snapshot, List.of(), List.of()));
    }

    @Property(tries = 300)
    void capturesNeverThrow(@ForAll("captures") String text) {
        assertNamesTheFile("a.pg_stat_statements.csv", captures.read("a.pg_stat_statements.csv", text));
        assertNamesTheFile("a.pg_stat_statements.json", captures.read("a.pg_stat_statements.json", text));
        assertNamesTheFile("captured-sql/a.log", captures.read("captured-sql/a.log", text));
    }

    @Provide
    Arbitrary<String> mappers() {
        return mutationsOf(fixture("/mybatis/OppgaveMapper.xml"));
    }

    @Provide
    Arbitrary<String> kotlinSources() {
        return mutationsOf(fixture("/kotlin/VarselRepository.kt"));
    }

    @Provide
    Arbitrary<String> javaSources() {
        return Arbitraries.oneOf(mutationsOf(fixture("/javaapi/TicketMapper.java")),
                mutationsOf(fixture("/javaapi/VarselDao.java")),
                mutationsOf(fixture("/javaapi/OppgaveRepository.java")));
    }

    @Provide
    Arbitrary<String> builderSources() {
        return Arbitraries.oneOf(mutationsOf(fixture("/builders/BorrowerRepository.java")),
                mutationsOf(fixture("/builders/ArchiveRepository.java")),
                mutationsOf(fixture("/builders/Customers.kt")),
                mutationsOf(fixture("/builders/Subscription.java")));
    }

    @Provide
    Arbitrary<String> constantSources() {
        return Arbitraries.oneOf(mutationsOf(fixture("/patterns/constants/OrderRepository.java")),
                mutationsOf(fixture("/patterns/constants/Tables.java")));
    }

    @Provide
    Arbitrary<String> templateGroups() {
        return mutationsOf(fixture("/stringtemplate/ShipmentDao.sql.stg"));
    }

    @Provide
    Arbitrary<String> templateDaos() {
        return mutationsOf(fixture("/stringtemplate/ShipmentDao.java"));
    }

    @Provide
    Arbitrary<String> captures() {
        return Arbitraries.oneOf(mutationsOf(fixture("/capture/varsel.pg_stat_statements.csv")),
                mutationsOf(fixture("/capture/varsel.pg_stat_statements.json")),
                mutationsOf(fixture("/capture/postgresql.log")));
    }

    private static void assertNamesTheFile(String path, ExtractionResult result) {
        for (String warning : result.warnings()) {
            assertTrue(warning.startsWith(path + ":"), warning);
        }
    }

    /** A truncation, an insertion of syntax characters or a deletion, once or twice. */
    private static Arbitrary<String> mutationsOf(String text) {
        Arbitrary<String> once = mutation(text);
        return Arbitraries.oneOf(once, once.flatMap(MalformedSourceFuzzTest::mutation));
    }

    private static Arbitrary<String> mutation(String text) {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, text.length());
        Arbitrary<String> noise = Arbitraries.strings().withChars(NOISE).ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> truncated = position.map(n -> text.substring(0, n));
        Arbitrary<String> inserted = Combinators.combine(position, noise)
                .as((n, chars) -> text.substring(0, n) + chars + text.substring(n));
        Arbitrary<String> deleted = Combinators.combine(position, Arbitraries.integers().between(1, 60))
                .as((n, length) -> text.substring(0, n) + text.substring(Math.min(text.length(), n + length)));
        return Arbitraries.oneOf(truncated, inserted, deleted);
    }

    private static String fixture(String name) {
        try (InputStream in = Objects.requireNonNull(MalformedSourceFuzzTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
