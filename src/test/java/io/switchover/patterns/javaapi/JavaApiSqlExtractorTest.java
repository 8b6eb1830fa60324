package io.switchover.patterns.javaapi;

import io.switchover.patterns.JavaStringExtractor;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JavaApiSqlExtractorTest {
    private final SqlStatementClassifier classifier = new SqlStatementClassifier();
    private final JavaStringExtractor generic = new JavaStringExtractor(classifier);
    private final JavaApiSqlExtractor apis = new JavaApiSqlExtractor(classifier);

    private ExtractionResult scan(String path, String fixture) throws IOException {
        String source;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(fixture), fixture)) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return apis.preferredOver(generic.extract(path, source), path, source);
    }

    private static List<String> describe(ExtractionResult result) {
        return result.patterns().stream().map(p -> p.origin().line() + " " + p.extractor() + " " + p.sql()).toList();
    }

    private static List<String> describeNotChecked(ExtractionResult result) {
        return result.notChecked().stream().map(u -> u.origin().line() + " " + u.fragment() + ": " + u.reason())
                .toList();
    }

    @Test
    void readsMyBatisAnnotationsOnceEachWithTheirScriptsExpanded() throws IOException {
        ExtractionResult result = scan("src/TicketMapper.java", "/javaapi/TicketMapper.java");
        assertEquals(List.of(
                "16 mybatis-annotation SELECT id, title, status FROM ticket WHERE id = ?",
                "19 mybatis-annotation SELECT id, title FROM ticket WHERE assignee = ?",
                "25 mybatis-annotation SELECT id FROM ticket WHERE status = ? AND id IN (?)",
                "36 mybatis-annotation INSERT INTO ticket (id, title, status) VALUES (?, ?, ?)",
                "39 mybatis-annotation UPDATE ticket SET status = ? WHERE id = ?"), describe(result));
        assertEquals(List.of(
                "42 @Delete: ${table} is pasted into the SQL at run time",
                "45 @SelectProvider(type = TicketSql.class, method = \"report\"): SQL built at run time by a provider"
                        + " class"), describeNotChecked(result));
        assertEquals(List.of("src/TicketMapper.java:19: @Select: ORDER BY ${orderBy} is filled in at run time;"
                + " the statement is checked without it"), result.warnings());
    }

    @Test
    void readsJdbiAnnotationsWithListBindingsAndDefines() throws IOException {
        ExtractionResult result = scan("src/VarselDao.java", "/javaapi/VarselDao.java");
        assertEquals(List.of(
                "15 jdbi-annotation SELECT id FROM selve_varsel WHERE generasjon_ref = :ref",
                "20 jdbi-annotation SELECT id, kode FROM selve_varsel WHERE id IN (?) AND status = :status",
                "23 jdbi-annotation UPDATE selve_varsel SET status = :status WHERE oppgave_id = :oppgaveId",
                "27 jdbi-annotation INSERT INTO selve_varsel (id, kode, status) VALUES (:id, :kode, :status)"),
                describe(result));
        assertEquals(List.of(
                "30 SELECT count(*) FROM <table>: <table> is text filled in at run time (@Define)",
                "33 @SqlQuery fromFile: @UseClasspathSqlLocator reads the SQL from a .sql resource; that file is"
                        + " checked on its own when it is among the sources"), describeNotChecked(result));
    }

    @Test
    void rendersJdbiAnnotationsWrittenForTheStringTemplateEngineOncePerVariantOfTheirConditionals()
            throws IOException {
        ExtractionResult result = scan("src/BerthDao.java", "/javaapi/BerthDao.java");
        assertEquals(List.of(
                "12 jdbi-annotation SELECT id FROM berth WHERE harbour = :harbour AND ship_id IS NULL",
                "12 jdbi-annotation SELECT id FROM berth WHERE harbour = :harbour",
                "15 jdbi-annotation SELECT id FROM berth WHERE id IN (?)"), describe(result));
        assertEquals(List.of("18 SELECT id FROM <table>: <table> is text filled in at run time (@Define)"),
                describeNotChecked(result));
    }

    @Test
    void readsJooqPlainSqlAndLeavesOtherJdbcToTheGenericExtractor() throws IOException {
        ExtractionResult result = scan("src/OppgaveRepository.java", "/javaapi/OppgaveRepository.java");
        assertEquals(List.of(
                "13 jooq-plain-sql SELECT id, status FROM oppgave WHERE generasjon_ref = ?",
                "26 jooq-plain-sql SELECT id FROM oppgave WHERE status = ? AND opprettet > ?",
                "30 jooq-plain-sql UPDATE oppgave SET status = 'LUKKET' WHERE id = ?",
                "35 jooq-plain-sql SELECT count(*) FROM oppgave",
                "39 java-literal DELETE FROM oppgave WHERE id = ?"), describe(result));
        assertEquals(List.of("43 \"SELECT id FROM {0}\": JSqlParser cannot parse it"), describeNotChecked(result));
    }

    @Test
    void leavesAFileThatImportsNoApiToTheGenericExtractor() {
        String source = "class Dao {\n  @Select(\"SELECT id FROM t WHERE id = #{id}\") void find();\n"
                + "  void q(Jdbc j) { j.query(\"SELECT id FROM t\"); }\n}\n";
        ExtractionResult genericResult = generic.extract("Dao.java", source);
        assertEquals(genericResult, apis.preferredOver(genericResult, "Dao.java", source));
        assertEquals(List.of(new AccessPattern("SELECT id FROM t", new Origin("Dao.java", 3), "java-literal")),
                genericResult.patterns());
    }

    @Test
    void reportsAnUnparsableScriptAsNotCheckedAtTheAnnotation() {
        String source = "import org.apache.ibatis.annotations.Select;\ninterface M {\n"
                + "  @Select(\"<script>SELECT id FROM t WHERE a < #{a}</script>\") void find();\n}\n";
        ExtractionResult result = apis.preferredOver(generic.extract("M.java", source), "M.java", source);
        assertEquals(List.of(), result.patterns());
        assertEquals(List.of(), result.warnings());
        assertEquals(List.of(new UnresolvedSql(new Origin("M.java", 3), "@Select", "the XML parser cannot read its"
                + " <script>: The content of elements must consist of well-formed character data or markup.")),
                result.notChecked());
    }

    @Test
    void claimsWhatItReadsAtTheOriginsTheGenericExtractorUses() {
        String source = "import org.jdbi.v3.sqlobject.statement.SqlQuery;\ninterface D {\n"
                + "  String Q = \"SELECT id FROM t WHERE id IN (<ids>)\";\n  @SqlQuery(Q) void find();\n}\n";
        JavaApiSqlExtractor.Result result = apis.extract("D.java", source);
        assertEquals(java.util.Set.of(new Origin("D.java", 3)), result.claimed());
        ExtractionResult genericResult = generic.extract("D.java", source);
        assertEquals(List.of(new Origin("D.java", 3)),
                genericResult.notChecked().stream().map(UnresolvedSql::origin).toList());
        ExtractionResult preferred = apis.preferredOver(genericResult, "D.java", source);
        assertEquals(List.of(new AccessPattern("SELECT id FROM t WHERE id IN (?)", new Origin("D.java", 3),
                "jdbi-annotation")), preferred.patterns());
        assertEquals(List.of(), preferred.notChecked());
    }
}
