package io.switchover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatternsCommandTest {

    @Test
    void listsTheStatementsOfAJpaServiceWithOriginsAndCounts() {
        CommandLineRun run = CommandLineRun.of("patterns", "--at", "sample-migrations/jpa-drop-mapped-column/deploy-0");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("deploy-0: 10 statement(s) at 10 place(s), 0 not checked"), run.out());
        assertTrue(run.out().contains("src/main/java/com/example/crm/Customer.java:24  [jpa-column]\n"
                + "    SELECT fax_number FROM customer"), run.out());
        assertTrue(run.out().contains("by extractor: jpa-column 5 jpa-entity 4 spring-data-derived 1"), run.out());
    }

    @Test
    void writesJsonWithMyBatisStatementsAndTheirMapperLines() throws IOException {
        CommandLineRun run = CommandLineRun.of("patterns", "--at", "sample-migrations/mybatis-rename-column/deploy-0",
                "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("byExtractor").get("mybatis-xml").asInt() > 0, run.out());
        boolean mapperLine = false;
        for (JsonNode pattern : json.get("patterns")) {
            mapperLine |= pattern.get("origin").asText().matches(".*TicketMapper\\.xml:\\d+");
        }
        assertTrue(mapperLine, run.out());
    }

    /** What a check reads: a Java migration's SQL changes the schema, the service does not send it. */
    @Test
    void leavesOutTheJavaMigrationsAsACheckDoes() {
        CommandLineRun run = CommandLineRun.of("patterns", "--at", "sample-migrations/java-kotlin-migrations/deploy-1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("deploy-1: 2 statement(s) at 2 place(s), 0 not checked"), run.out());
        assertFalse(run.out().contains("db/migration/V2__Backfill_order_status.java"), run.out());
    }

    @Test
    void rejectsAnUnknownService() {
        CommandLineRun run = CommandLineRun.of("patterns", "--config",
                "sample-migrations/shared-database/switchover.yml", "--service", "billing");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no service named billing in switchover.yml; it names person-service,"
                + " newsletter-service"), run.err());
    }
}
