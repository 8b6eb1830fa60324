package io.switchover.patterns;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each JDK way of building SQL text from constants gives the statement the JVM would build. */
class StringBuildingApisTest {
    private static final String PATH = "src/main/java/Repo.java";
    private final JavaStringExtractor extractor = new JavaStringExtractor(new SqlStatementClassifier());

    private List<String> statements(String body) {
        ExtractionResult result = extractor.extract(PATH, """
                import java.text.MessageFormat;
                import java.util.List;
                import java.util.StringJoiner;
                import java.util.stream.Collectors;
                class Repo {
                    static final String TABLE = "person";
                    static final List<String> COLUMNS = List.of("id", "name", "email");
                    enum Kind { ADMIN, GUEST }
                """ + body + "\n}\n");
        assertEquals(List.of(), result.notChecked(), "not checked");
        return result.patterns().stream().map(AccessPattern::sql).toList();
    }

    @Test
    void stringFormat() {
        assertEquals(List.of("SELECT id FROM person WHERE id = ?"),
                statements("static final String SQL = String.format(\"SELECT id FROM %s WHERE id = ?\", TABLE);"));
    }

    @Test
    void stringFormatWithALocaleAndAnIndexedArgument() {
        assertEquals(List.of("SELECT id FROM person p WHERE p.id = ?"), statements(
                "static final String SQL = String.format(java.util.Locale.ROOT, \"SELECT id FROM %1$s p WHERE p.id = ?\", TABLE);"));
    }

    @Test
    void aFormatStringWhoseOnlySpecifiersFillInListsIsReadWithAListOfOne() {
        // hawkbit: "DELETE ... AND status IN (%s) ...", formatted with ?status_0,?status_1... at run time
        assertEquals(List.of("DELETE FROM person WHERE id IN (?) AND name = ?"), statements(
                "static final String SQL = \"DELETE FROM person WHERE id IN (%s) AND name = ?\";"));
        ExtractionResult table = extractor.extract(PATH, "class Repo { static final String SQL ="
                + " \"DELETE FROM %s WHERE id IN (%s)\"; }");
        assertEquals(List.of(), table.patterns(), "a table formatted in is not known");
        assertEquals(1, table.notChecked().size());
    }

    @Test
    void anInListBuiltAtRunTimeIsReadWithAListOfOne() {
        // hawkbit: "... target_id IN (" + Jpa.formatNativeQueryInClause("cid", chunk) + ")"
        assertEquals(List.of("DELETE FROM person WHERE id IN (?) AND name = ?"), statements("""
                void delete(List<Long> ids) {
                    jdbc.update("DELETE FROM person WHERE id IN (" + placeholders(ids) + ") AND name = ?", ids);
                }
                """));
        ExtractionResult table = extractor.extract(PATH, "class Repo { void d(String t, List<Long> ids) {"
                + " jdbc.update(\"DELETE FROM \" + t + \" WHERE id IN (\" + placeholders(ids) + \")\"); } }");
        assertEquals(List.of(), table.patterns(), "a table known at run time stays so");
        assertEquals(1, table.notChecked().size());
    }

    @Test
    void formatted() {
        assertEquals(List.of("DELETE FROM person WHERE id = ?"),
                statements("static final String SQL = \"DELETE FROM %s WHERE id = ?\".formatted(TABLE);"));
    }

    @Test
    void messageFormat() {
        assertEquals(List.of("SELECT count(*) FROM person"),
                statements("static final String SQL = MessageFormat.format(\"SELECT count(*) FROM {0}\", TABLE);"));
    }

    @Test
    void stringJoinOverAConstantList() {
        assertEquals(List.of("SELECT id, name, email FROM person"),
                statements("static final String SQL = \"SELECT \" + String.join(\", \", COLUMNS) + \" FROM \" + TABLE;"));
    }

    @Test
    void streamOfAConstantListMappedAndJoined() {
        assertEquals(List.of("UPDATE person SET id = ?, name = ?, email = ? WHERE id = ?"), statements("""
                static final String SQL = "UPDATE " + TABLE + " SET "
                        + COLUMNS.stream().map(c -> c + " = ?").collect(Collectors.joining(", ")) + " WHERE id = ?";
                """));
    }

    @Test
    void stringMethodsOnConstants() {
        assertEquals(List.of("UPDATE person SET name=?,email=? WHERE id = ?"), statements("""
                static final String FIELDS = "id,name,email";
                static final String SQL = "UPDATE " + TABLE + " SET "
                        + FIELDS.substring(FIELDS.indexOf(',') + 1).replace(",", "=?,") + "=? WHERE id = ?";
                """));
    }

    @Test
    void stringBuilderChain() {
        assertEquals(List.of("SELECT id FROM person WHERE name = ?"), statements("""
                String sql() {
                    return new StringBuilder("SELECT id FROM ").append(TABLE).append(" WHERE name = ?").toString();
                }
                """));
    }

    @Test
    void stringJoinerChain() {
        assertEquals(List.of("INSERT INTO person (id, name) VALUES (?, ?)"), statements("""
                String sql() {
                    return "INSERT INTO " + TABLE + " " + new StringJoiner(", ", "(", ")").add("id").add("name")
                            + " VALUES (?, ?)";
                }
                """));
    }

    @Test
    void enumConstantsName() {
        assertEquals(List.of("SELECT id FROM person WHERE kind = 'ADMIN'"), statements(
                "static final String SQL = \"SELECT id FROM person WHERE kind = '\" + Kind.ADMIN.name() + \"'\";"));
    }

    @Test
    void aConditionalKnownAtRunTimeGivesEachValue() {
        assertEquals(List.of("SELECT id FROM person ORDER BY name", "SELECT id FROM person ORDER BY email"), statements("""
                String sql(boolean byName) {
                    return "SELECT id FROM " + TABLE + " ORDER BY " + (byName ? "name" : "email");
                }
                """));
    }

    @Test
    void aLocalBuiltWithPlusEqualsIsReportedWhereItIsUsedOncePerWayThroughTheIf() {
        assertEquals(List.of("SELECT id FROM person WHERE name = ?", "SELECT id FROM person"), statements("""
                List<Long> find(org.springframework.jdbc.core.JdbcTemplate jdbc, String name) {
                    String sql = "SELECT id FROM " + TABLE;
                    if (name != null) {
                        sql += " WHERE name = ?";
                    }
                    return jdbc.queryForList(sql, Long.class);
                }
                """));
    }

    @Test
    void aStringBuilderLocalAppendedOverALoopOfAConstantList() {
        assertEquals(List.of("SELECT id, name, email FROM person"), statements("""
                String sql() {
                    StringBuilder sb = new StringBuilder("SELECT ");
                    for (String column : COLUMNS) {
                        sb.append(column).append(", ");
                    }
                    sb.setLength(sb.length() - 2);
                    sb.append(" FROM ").append(TABLE);
                    return sb.toString();
                }
                """));
    }

    @Test
    void anEnumsValuesJoined() {
        assertEquals(List.of("SELECT id FROM person WHERE kind IN ('ADMIN', 'GUEST')"), statements("""
                static final String SQL = "SELECT id FROM person WHERE kind IN ("
                        + java.util.Arrays.stream(Kind.values()).map(k -> "'" + k.name() + "'")
                                .collect(Collectors.joining(", ")) + ")";
                """));
    }

    @Test
    void aTextBlockFormatted() {
        assertEquals(List.of("SELECT id\nFROM person\n"), statements("""
                static final String SQL = \"""
                        SELECT id
                        FROM %s
                        \""".formatted(TABLE);
                """).stream().map(s -> s + "\n").toList());
    }

    @Test
    void aFormatStringUsedOnlyThroughFormatIsNotAPlaceOfItsOwn() {
        assertEquals(List.of("SELECT id FROM person WHERE lower(name) = ?"), statements("""
                static final String TEMPLATE = "SELECT id FROM person WHERE %s = ?";
                static final String SQL = String.format(TEMPLATE, "lower(name)");
                """));
    }

    /**
     * UAA quotes its table names through a helper of its own, {@code dbUtils.getQuotedIdentifier(GROUP_TABLE,
     * jdbcTemplate)}, and formats the result into its statements; JDBC has {@code Statement.enquoteIdentifier}.
     */
    @Test
    void identifierQuotedByAHelperOrByJdbc() {
        assertEquals(List.of("DELETE FROM \"Person\" WHERE id = ?", "SELECT name FROM person WHERE id = ?"),
                statements("""
                        static final String MIXED = "Person";
                        String find(DbUtils dbUtils, java.sql.Connection c, JdbcTemplate jdbc) throws Exception {
                            String quoted = dbUtils.getQuotedIdentifier(TABLE, jdbc);
                            jdbc.update(String.format("DELETE FROM %s WHERE id = ?",
                                    c.createStatement().enquoteIdentifier(MIXED, true)), 1);
                            return jdbc.queryForObject(String.format("SELECT name FROM %s WHERE id = ?", quoted),
                                    String.class, 1);
                        }
                        """));
    }

    @Test
    void identifierQuotedInAConstructorIntoAFieldUsedElsewhere() {
        assertEquals(List.of("SELECT name FROM person WHERE id = ?"), statements("""
                private final String getSql;
                private final JdbcTemplate jdbc;
                Repo(JdbcTemplate jdbcTemplate, DbUtils dbUtils) throws Exception {
                    this.jdbc = jdbcTemplate;
                    final String quoted = dbUtils.getQuotedIdentifier(TABLE, jdbcTemplate);
                    getSql = String.format(
                            "SELECT name FROM %s WHERE id = ?",
                            quoted
                    );
                }
                String find() {
                    return jdbc.queryForObject(getSql, String.class, 1);
                }
                """));
    }

    /** UAA's JdbcScimGroupProvisioning formats one quoted name into nine statements in a row. */
    @Test
    void aLocalStringFormattedIntoOneStatementIsStillKnownInTheNext() {
        assertEquals(List.of("UPDATE person SET name = ? WHERE id = ?", "SELECT name FROM person WHERE id = ?"),
                statements("""
                        private final String updateSql;
                        private final String getSql;
                        private final JdbcTemplate jdbc;
                        Repo(JdbcTemplate jdbcTemplate, DbUtils dbUtils) throws Exception {
                            this.jdbc = jdbcTemplate;
                            String quoted = dbUtils.getQuotedIdentifier(TABLE, jdbcTemplate);
                            updateSql = String.format("UPDATE %s SET name = ? WHERE id = ?", quoted);
                            log(quoted);
                            getSql = String.format("SELECT name FROM %s WHERE id = ?", quoted);
                        }
                        void rename(long id, String name) {
                            jdbc.update(updateSql, name, id);
                        }
                        String find() {
                            return jdbc.queryForObject(getSql, String.class, 1);
                        }
                        """));
    }

    /** UAA's JdbcScimGroupExternalMembershipManager: a final field the constructor builds, read by later statements. */
    @Test
    void aFinalFieldTheConstructorAssignsIsKnownWhereItIsRead() {
        assertEquals(List.of("SELECT g.id FROM person g, person_group gm WHERE gm.group_id = g.id",
                        "DELETE FROM person_group WHERE id = ?"),
                statements("""
                        private final String joinTable;
                        private final String selectSql;
                        private final String memberTable;
                        Repo() {
                            joinTable = String.format("%s g, %s gm", TABLE, "person_group");
                            this.memberTable = "person_group";
                            selectSql = String.format("SELECT g.id FROM %s WHERE gm.group_id = g.id", joinTable);
                        }
                        void remove(JdbcTemplate jdbc) {
                            jdbc.update("DELETE FROM " + this.memberTable + " WHERE id = ?", 1);
                        }
                        """));
    }

    @Test
    void aFieldAssignedInABranchOrNotFinalStaysUnknown() {
        ExtractionResult result = extractor.extract(PATH, """
                class Repo {
                    private String table;
                    private final String other;
                    Repo(boolean b) {
                        table = "person";
                        if (b) {
                            other = "a";
                        } else {
                            other = "b";
                        }
                    }
                    void remove(JdbcTemplate jdbc) {
                        jdbc.update("DELETE FROM " + table + " WHERE id = ?", 1);
                        jdbc.update("DELETE FROM " + other + " WHERE id = ?", 1);
                    }
                }
                """);
        assertEquals(List.of(), result.patterns());
        assertEquals(2, result.notChecked().size(), result.notChecked().toString());
    }

    @Test
    void aQuotingCallOverSomethingUnknownStaysUnknown() {
        ExtractionResult result = extractor.extract(PATH, """
                class Repo {
                    String find(DbUtils dbUtils, JdbcTemplate jdbc, String table) throws Exception {
                        String quoted = dbUtils.getQuotedIdentifier(table, jdbc);
                        return jdbc.queryForObject(String.format("SELECT name FROM %s WHERE id = ?", quoted),
                                String.class, 1);
                    }
                }
                """);
        assertEquals(List.of(), result.patterns());
        assertEquals(1, result.notChecked().size(), result.notChecked().toString());
    }
}
