package io.switchover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samples' stories, checked with an empty cache and again from it: the same findings, and the notes say which. */
class CachedBaselineCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @TempDir
    Path cache;

    private JsonNode check(String story, String prod, String candidate, String... more) throws Exception {
        Path root = Path.of("sample-migrations", story);
        List<String> args = new ArrayList<>(List.of("check", "--prod", root.resolve(prod).toString(), "--candidate",
                root.resolve(candidate).toString(), "--format", "json", "--cache-dir", cache.toString()));
        args.addAll(List.of(more));
        CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
        assertTrue(run.exitCode() <= 1, run.err());
        return JSON.readTree(run.out());
    }

    private static boolean noted(JsonNode report, String start) {
        for (JsonNode note : report.get("notes")) {
            if (note.asText().startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aliceToBrianFindsTheSameFromTheCacheAsWithout() throws Exception {
        JsonNode cold = check("alice-to-brian", "deploy-1", "deploy-5");
        JsonNode warm = check("alice-to-brian", "deploy-1", "deploy-5");

        assertTrue(noted(cold, "S0 stored in the baseline cache"), cold.get("notes").toString());
        assertTrue(noted(warm, "S0 from the baseline cache"), warm.get("notes").toString());
        assertTrue(noted(warm, "the SQL of deploy-1, deploy-5 from the extraction cache"), warm.get("notes").toString());
        assertEquals("FAIL", warm.get("verdict").asText());
        assertEquals(cold.get("findings"), warm.get("findings"));
        assertEquals(cold.get("split"), warm.get("split"));
        assertEquals(cold.get("coverage"), warm.get("coverage"));
    }

    @Test
    void theAuditTriggerStoryOnThePostgresServerFindsTheSameFromItsTemplate() throws Exception {
        String[] engine = {"--engine", "postgres", "--engine-url", SERVER};
        JsonNode cold = check("audit-trigger-postgres", "deploy-1", "deploy-2", engine);
        try {
            JsonNode warm = check("audit-trigger-postgres", "deploy-1", "deploy-2", engine);

            assertTrue(noted(cold, "S0 stored as the baseline template"), cold.get("notes").toString());
            assertTrue(noted(warm, "S0 from the baseline cache (template database"), warm.get("notes").toString());
            assertEquals("FAIL", warm.get("verdict").asText());
            assertEquals(cold.get("findings"), warm.get("findings"));
        } finally {
            dropTemplateNamedIn(cold);
        }
    }

    /** The template this test made, and nothing else on the shared server. */
    private static void dropTemplateNamedIn(JsonNode report) throws Exception {
        for (JsonNode note : report.get("notes")) {
            java.util.regex.Matcher named = java.util.regex.Pattern.compile("template (switchover_tpl_\\w+)")
                    .matcher(note.asText());
            if (named.find()) {
                try (Connection c = DriverManager.getConnection(SERVER); Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS \"" + named.group(1) + "\" WITH (FORCE)");
                }
            }
        }
    }
}
