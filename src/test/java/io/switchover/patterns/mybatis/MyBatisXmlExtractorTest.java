package io.switchover.patterns.mybatis;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

class MyBatisXmlExtractorTest {
    private static final String PATH = "src/main/resources/mappers/OppgaveMapper.xml";

    private final MyBatisXmlExtractor extractor = new MyBatisXmlExtractor(new SqlStatementClassifier());

    static String fixture(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(MyBatisXmlExtractorTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static AccessPattern pattern(String sql, int line) {
        return pattern(sql, line, line);
    }

    private static AccessPattern pattern(String sql, int line, int lastLine) {
        return new AccessPattern(sql, new Origin(PATH, line, lastLine), "mybatis-xml");
    }

    @Test
    void expandsEveryBranchOfEachStatementAtTheLinesOfItsElement() throws IOException {
        ExtractionResult result = extractor.extract(PATH, fixture("/mybatis/OppgaveMapper.xml"));
        assertEquals(List.of(
                pattern("SELECT id, status, generasjon_ref, opprettet FROM oppgave WHERE id = ?", 13, 17),
                pattern("SELECT id, status, generasjon_ref, opprettet FROM oppgave WHERE status = ?"
                        + " AND generasjon_ref = ? AND id IN (?)", 19, 34),
                pattern("SELECT o.id FROM oppgave o JOIN selve_varsel v ON v.oppgave_id = o.id"
                        + " WHERE o.status = ? AND o.opprettet >= ? AND v.kode = ?", 36, 44),
                pattern("SELECT o.id FROM oppgave o JOIN selve_varsel v ON v.oppgave_id = o.id"
                        + " WHERE o.status = ? AND o.opprettet >= ? AND v.tittel LIKE '%%'", 36, 44),
                pattern("SELECT o.id FROM oppgave o JOIN selve_varsel v ON v.oppgave_id = o.id"
                        + " WHERE o.status = ? AND o.opprettet >= ? AND v.status = 'AKTIV'", 36, 44),
                pattern("UPDATE oppgave SET status = ?, generasjon_ref = ? WHERE id = ?", 46, 53),
                pattern("INSERT INTO oppgave ( id, status, generasjon_ref ) VALUES ( ?, ?, ? )", 55, 67),
                pattern("DELETE FROM oppgave WHERE opprettet < ?", 69, 71)), result.patterns());
    }

    @Test
    void dropsAnOrderByFilledInAtRunTimeAndSaysSo() throws IOException {
        ExtractionResult result = extractor.extract(PATH, fixture("/mybatis/OppgaveMapper.xml"));
        assertEquals(List.of(PATH + ":19: <select id=\"search\">: ORDER BY ${sortColumn} ${sortDirection}"
                + " is filled in at run time; the statement is checked without it"), result.warnings());
    }

    @Test
    void listsAStatementWithARunTimeTableNameAsNotChecked() throws IOException {
        ExtractionResult result = extractor.extract(PATH, fixture("/mybatis/OppgaveMapper.xml"));
        assertEquals(List.of(new UnresolvedSql(new Origin(PATH, 73, 75), "<select id=\"fromTable\">",
                "${table} is pasted into the SQL at run time")), result.notChecked());
    }

    @Test
    void listsAMalformedMapperAsNotCheckedWithoutThrowing() {
        ExtractionResult result = extractor.extract(PATH, "<mapper namespace=\"x\">\n<select id=\"a\">SELECT 1</mapper>");
        assertTrue(result.patterns().isEmpty());
        assertEquals(List.of(), result.warnings());
        UnresolvedSql file = result.notChecked().get(0);
        assertEquals(new Origin(PATH, 2), file.origin());
        assertEquals(UnresolvedSql.WHOLE_FILE, file.fragment());
        assertTrue(file.reason().startsWith("the XML parser cannot read this mapper: "), file.reason());
    }

    @Test
    void aMapperNestedHundredsDeepIsNotCheckedInsteadOfOverflowingTheStack() {
        String xml = "<mapper namespace=\"x\"><select id=\"a\">SELECT 1 FROM t" + "<if test=\"a\">".repeat(50_000)
                + "AND a = 1" + "</if>".repeat(50_000) + "</select></mapper>";

        ExtractionResult result = extractor.extract(PATH, xml);

        assertEquals("the XML parser cannot read this mapper: elements nested more than 100 deep",
                result.notChecked().get(0).reason());
    }

    @Test
    void ignoresXmlThatIsNotAMapper() {
        assertEquals(ExtractionResult.empty(), extractor.extract("pom.xml",
                "<project><select>SELECT id FROM t</select></project>"));
    }

    @Test
    void neverFetchesTheDtdOrExternalEntities() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE mapper SYSTEM \"http://localhost:1/never.dtd\" ["
                + "<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<mapper namespace=\"x\"><select id=\"a\">SELECT id FROM t WHERE name = '&secret;'</select></mapper>";
        ExtractionResult result = extractor.extract(PATH, xml);
        assertTrue(result.patterns().stream().noneMatch(p -> p.sql().contains("root")), result.toString());
    }

    @Test
    void reportsAnIncludeOfAnUnknownFragment() {
        ExtractionResult result = extractor.extract(PATH, "<mapper namespace=\"x\">\n"
                + "<select id=\"a\">SELECT id <include refid=\"other.Mapper.cols\"/> FROM t</select>\n</mapper>");
        assertEquals(List.of(pattern("SELECT id FROM t", 2)), result.patterns());
        assertEquals(List.of(PATH + ":2: <select id=\"a\">: <include refid=\"other.Mapper.cols\"> names no <sql>"
                + " of this mapper"), result.warnings());
    }
}
