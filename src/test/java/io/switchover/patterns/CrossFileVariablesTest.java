package io.switchover.patterns;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A local or a final field that holds a constant of another file keeps resolving once the service's constants are
 * known: UAA's JdbcScimGroupMembershipManager quotes {@code JdbcScimGroupProvisioning.GROUP_TABLE} into a local and
 * formats it into statements below.
 */
class CrossFileVariablesTest {
    private static final String ROOT = "src/main/java/com/example/";
    private static final String TABLES = """
            package com.example;
            public class Tables {
                protected static final String GROUPS = "groups";
                protected static final String FIELDS = "id,name";
            }
            """;

    private static ExtractionResult scan(String repository) {
        return new ServiceSourceScanner().scan(new InMemorySnapshot("x")
                .with(ROOT + "Tables.java", TABLES)
                .with(ROOT + "Repository.java", repository), List.of(), List.of());
    }

    @Test
    void aLocalQuotingAnotherFilesConstantInAConstructor() {
        ExtractionResult result = scan("""
                package com.example;
                class Repository {
                    private final String byId;
                    private final String all;
                    Repository(DbUtils dbUtils, JdbcTemplate jdbcTemplate) throws Exception {
                        final String quoted = dbUtils.getQuotedIdentifier(Tables.GROUPS, jdbcTemplate);
                        byId = String.format("select %s from %s g where g.id = ?",
                                "g." + Tables.FIELDS.replace(",", ",g."), quoted);
                        all = String.format("select id from %s", quoted);
                    }
                }
                """);

        assertEquals(List.of(), result.notChecked());
        assertEquals(List.of("select g.id,g.name from groups g where g.id = ?", "select id from groups"),
                result.patterns().stream().map(AccessPattern::sql).toList());
    }

    @Test
    void aLocalAndAFinalFieldHoldingAnotherFilesConstantInMethods() {
        ExtractionResult result = scan("""
                package com.example;
                class Repository {
                    private final String table;
                    Repository() {
                        table = Tables.GROUPS;
                    }
                    void remove(JdbcTemplate jdbc, long id) {
                        String name = Tables.GROUPS;
                        jdbc.update(String.format("delete from %s where id = ?", name), id);
                        jdbc.update("delete from " + table + " where name = ?", "x");
                    }
                }
                """);

        assertEquals(List.of(), result.notChecked());
        assertEquals(List.of("delete from groups where id = ?", "delete from groups where name = ?"),
                result.patterns().stream().map(AccessPattern::sql).toList());
    }
}
