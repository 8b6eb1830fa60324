package io.switchover.benchmark;

import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResolutionSurveyTest {

    @Test
    void the_list_gives_name_git_dir_ref_roots_and_migrations_skipping_comments_and_blank_lines() throws IOException {
        List<SurveyEntry> entries = SurveyEntry.parse(fixture(), Path.of("/lists"));

        assertEquals(3, entries.size());
        assertEquals(new SurveyEntry("uaa", Path.of("/lists/mirrors/uaa/repo"), "v77.0.0",
                List.of("server/src/main/java"),
                List.of("server/src/main/resources/org/cloudfoundry/identity/uaa/db/postgresql")), entries.get(0));
        assertEquals(List.of("jdbc/src/main/java", "jdbc-postgres/src/main/java"), entries.get(1).sourceRoots());
        assertEquals(Path.of("/abs/kestra"), entries.get(1).gitDir());
        assertEquals(List.of(), entries.get(1).migrations(), "no migrations column: where Flyway finds them");
        assertEquals(List.of(), entries.get(2).sourceRoots(), "no roots column: the whole snapshot");
    }

    @Test
    void a_line_without_a_ref_is_refused_with_its_number() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SurveyEntry.parse(List.of("# header", "uaa\tsome/dir"), Path.of("/")));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
    }

    @Test
    void each_reason_the_extractors_give_falls_in_its_kind() {
        assertKind(UnresolvedKind.FORMAT_TEMPLATE, "a format string, filled in at run time", "String.format(SQL, T)");
        assertKind(UnresolvedKind.FORMAT_TEMPLATE, "built at run time from table",
                "\"select * from ${table} where id = ?\".formatted()");
        assertKind(UnresolvedKind.FORMAT_TEMPLATE, "built at run time from tabell", "\"select * from $tabell\"");
        assertKind(UnresolvedKind.BUILDER_DSL, "built at run time from sb",
                "new StringBuilder(\"select a from t\").append(where)");
        assertKind(UnresolvedKind.DYNAMIC, "built at run time from tablename, maxRows",
                "\"delete from \" + tablename + \" where x < ?\"");
        assertKind(UnresolvedKind.UNPARSEABLE, "JSqlParser cannot parse it: Encountered: <K_FROM> / \"FROM\"",
                "select a from t where x = any(?::uuid[])");
        assertKind(UnresolvedKind.PLACEHOLDER, "JSqlParser cannot parse it", "select * from %PREFIX%JOB_INSTANCE");
        assertKind(UnresolvedKind.PLACEHOLDER, "JSqlParser cannot parse it", "select * from <table> where id = :id");
        assertKind(UnresolvedKind.PLACEHOLDER, "${order} is pasted into the SQL at run time", "order by ${order}");
        assertKind(UnresolvedKind.JPA_PATH, "repository of Foo, which is not an @Entity in the sources", "findByBar");
        assertKind(UnresolvedKind.JPA_PATH, "the query text is not known at compile time", "@NamedQuery x");
        assertKind(UnresolvedKind.JPA_PATH, "partly checked: path o.dataset does not resolve to a column of Item",
                "select o from Item o where o.dataset.id = :id");
        assertKind(UnresolvedKind.JPA_PATH, "findByAktør: cannot read 'Aktør' as a property of Fagsak", "findByAktør");
        assertKind(UnresolvedKind.JPA_PATH, "cannot translate it to SQL", "countByTargetControllerId(...)");
        assertKind(UnresolvedKind.FORMAT_TEMPLATE, "the annotation holds no SQL", "@SqlQuery getById");
        assertKind(UnresolvedKind.BUILDER_DSL, "a jOOQ query built with the DSL, which is not read as SQL",
                "ctx.select(FLOWS.ID).from(FLOWS)");
        assertKind(UnresolvedKind.OTHER, "a stored procedure call", "{call do_it(?)}");
    }

    @Test
    void resolved_is_statements_over_statements_and_places_not_checked_counted_by_kind() {
        List<UnresolvedSql> places = List.of(
                place("a format string, filled in at run time", "String.format(A)"),
                place("a format string, filled in at run time", "String.format(B)"),
                place("JSqlParser cannot parse it", "select 1 from t where a = any(?)"));
        ServiceResolution row = ServiceResolution.of("svc", "v1", 9, places);

        assertEquals(75.0, row.percentResolved(), 1e-9);
        assertEquals(2, row.count(UnresolvedKind.FORMAT_TEMPLATE));
        assertEquals(1, row.count(UnresolvedKind.UNPARSEABLE));
        assertEquals(0, row.count(UnresolvedKind.DYNAMIC));
        assertEquals("String.format(A)", row.examples().get(UnresolvedKind.FORMAT_TEMPLATE).fragment());
        assertEquals(100.0, ServiceResolution.of("none", "v1", ExtractionResult.empty()).percentResolved(), 1e-9);
    }

    @Test
    void the_table_has_a_row_per_service_a_total_and_an_example_per_kind() {
        ServiceResolution a = ServiceResolution.of("a", "v1", 3,
                List.of(place("a format string, filled in at run time", "String.format(A)")));
        ServiceResolution b = ServiceResolution.of("b", "v2", 1, List.of());

        String table = ResolutionTable.render(List.of(a, b));

        assertTrue(table.contains("| a | v1 | 3 | 1 | 75.0% | 1 | 0 | 0 | 0 | 0 | 0 | 0 |"), table);
        assertTrue(table.contains("| b | v2 | 1 | 0 | 100.0% |"), table);
        assertTrue(table.contains("| **total** | | 4 | 1 | 80.0% | 1 |"), table);
        assertTrue(table.contains("| a | format/template | 1 | `src/A.java:7` | a format string, filled in at run time |"),
                table);
    }

    private static void assertKind(UnresolvedKind expected, String reason, String fragment) {
        assertEquals(expected, UnresolvedKind.of(place(reason, fragment)), reason + " / " + fragment);
    }

    private static UnresolvedSql place(String reason, String fragment) {
        return new UnresolvedSql(new Origin("src/A.java", 7), fragment, reason);
    }

    private static List<String> fixture() throws IOException {
        try (InputStream in = ResolutionSurveyTest.class.getResourceAsStream("/survey/services.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
