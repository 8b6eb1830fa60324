package io.switchover.patterns;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JdbcParametersTest {

    @Test
    void replacesNamedParametersInOrder() {
        JdbcParameters.Positional result = JdbcParameters.toPositional(
                "UPDATE person SET name = :name WHERE id = :id AND tenant = :tenant");
        assertEquals("UPDATE person SET name = ? WHERE id = ? AND tenant = ?", result.sql());
        assertEquals(List.of("name", "id", "tenant"), result.names());
        assertEquals(3, result.parameterCount());
    }

    @Test
    void countsPositionalParametersAsUnnamed() {
        JdbcParameters.Positional result = JdbcParameters.toPositional("SELECT * FROM t WHERE a = ? AND b = :b");
        assertEquals("SELECT * FROM t WHERE a = ? AND b = ?", result.sql());
        assertEquals(Arrays.asList(null, "b"), result.names());
    }

    @Test
    void leavesCastsAssignmentsQuotesAndCommentsAlone() {
        String sql = "SELECT id::text, ':notparam', \":alsonot\" FROM t -- :comment\n"
                + "WHERE x /* :block */ = :real AND y := 1 AND body = $$ :dollar $$";
        JdbcParameters.Positional result = JdbcParameters.toPositional(sql);
        assertEquals(List.of("real"), result.names());
        assertEquals(sql.replace(":real", "?"), result.sql());
    }

    @Test
    void keepsARepeatedNameOncePerUse() {
        JdbcParameters.Positional result = JdbcParameters.toPositional("SELECT * FROM t WHERE a = :v OR b = :v");
        assertEquals(List.of("v", "v"), result.names());
    }

    @Test
    void handlesEscapedQuotesInsideStrings() {
        JdbcParameters.Positional result = JdbcParameters.toPositional("SELECT 'it''s :no' FROM t WHERE a = :yes");
        assertEquals(List.of("yes"), result.names());
    }

    @Test
    void eclipseLinksQuestionMarkNamesAreNamedParameters() {
        JdbcParameters.Positional positional = JdbcParameters.toPositional(
                "DELETE FROM sp_action WHERE tenant=?tenant AND last_modified_at<?last_modified_at AND id = ?");
        assertEquals("DELETE FROM sp_action WHERE tenant=? AND last_modified_at<? AND id = ?", positional.sql());
        assertEquals(java.util.Arrays.asList("tenant", "last_modified_at", null), positional.names());
    }
}
