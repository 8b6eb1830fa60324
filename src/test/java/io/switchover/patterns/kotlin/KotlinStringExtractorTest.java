package io.switchover.patterns.kotlin;

import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.ColumnRead;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KotlinStringExtractorTest {
    private static final String PATH = "src/main/kotlin/no/nav/varsel/VarselRepository.kt";

    private final KotlinStringExtractor extractor = new KotlinStringExtractor(new SqlStatementClassifier());

    static String fixture() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                KotlinStringExtractorTest.class.getResourceAsStream("/kotlin/VarselRepository.kt"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> describe(ExtractionResult result) {
        return result.patterns().stream()
                .map(p -> p.origin().path() + ":" + p.origin().line() + " " + p.extractor() + " " + p.sql()).toList();
    }

    @Test
    void findsLiteralsRawStringsConcatenationsAndConstantTemplatesAtTheirFirstLine() throws IOException {
        ExtractionResult result = extractor.extract(PATH, fixture());
        assertEquals(List.of(
                PATH + ":10 kotlin-literal SELECT id, kode FROM selve_varsel WHERE id = :id",
                PATH + ":14 kotlin-literal SELECT v.id, v.kode\n  FROM selve_varsel v\n"
                        + "  JOIN oppgave o ON o.id = v.oppgave_id\n WHERE o.generasjon_ref = :ref",
                PATH + ":25 kotlin-literal UPDATE selve_varsel SET status = :status WHERE id = :id",
                PATH + ":35 kotlin-literal INSERT INTO selve_varsel (id, kode, status)\nVALUES (:id, :kode, 'AKTIV')",
                PATH + ":47 kotlin-literal SELECT pris FROM vare WHERE valuta = '$'",
                PATH + ":50 kotlin-literal DELETE FROM selve_varsel WHERE id = ANY(:ider)",
                PATH + ":51 kotlin-literal SELECT id FROM selve_varsel",
                PATH + ":54 kotlin-literal SELECT id FROM oppgave",
                PATH + ":62 kotlin-literal SELECT * FROM selve_varsel WHERE kode = :kode"), describe(result));
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void listsTemplatesOfNonConstantsAsNotCheckedButAValNamedAsAConstantResolves() throws IOException {
        ExtractionResult result = extractor.extract(PATH, fixture());
        assertEquals(List.of(
                "33 \"SELECT count(*) FROM $tabell WHERE status = 'AKTIV'\": built at run time from ${tabell}"),
                result.notChecked().stream().map(u -> u.origin().line() + " " + u.fragment() + ": " + u.reason())
                        .toList());
    }

    @Test
    void warnsAboutAnUnterminatedStringAndKeepsWhatCameBefore() {
        ExtractionResult result = extractor.extract("A.kt",
                "val a = \"SELECT id FROM t\"\nval b = \"\"\"SELECT broken FROM");
        assertEquals(List.of("A.kt:1 kotlin-literal SELECT id FROM t"), describe(result));
        assertEquals(List.of("A.kt: unterminated string at line 2; SQL after it is not checked"), result.warnings());
    }

    @Test
    void trimsLikeTheKotlinStandardLibrary() {
        assertEquals("a\n  b", KotlinStrings.trimIndent("\n    a\n      b\n  "));
        assertEquals("a\nb", KotlinStrings.trimMargin("\n   |a\n   |b\n", "|"));
        assertEquals("a\nb", KotlinStrings.trimMargin("  #a\n  #b", "#"));
    }

    @Test
    void linksEachColumnReadByNameToTheStatementBeforeItInItsFunction() {
        ExtractionResult result = extractor.extract(PATH, """
                const val BY_ID = "SELECT * FROM varsel WHERE id = :id"

                fun find(id: Long) = session.run(queryOf(BY_ID, mapOf("id" to id)).map { row ->
                    Varsel(row.string("kode"), row.stringOrNull("opphav"))
                }.asSingle)

                fun mapper(row: Row) = Varsel(row.string("tittel"), row.string(KODE))
                """);
        assertEquals(List.of(
                        new ColumnRead(new Origin(PATH, 4), "kode", "SELECT * FROM varsel WHERE id = :id"),
                        new ColumnRead(new Origin(PATH, 4), "opphav", "SELECT * FROM varsel WHERE id = :id"),
                        new ColumnRead(new Origin(PATH, 7), "tittel", null)),
                result.reads());
    }
}
