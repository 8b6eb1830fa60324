package io.switchover.replay;

import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.TableInfo;
import org.junit.jupiter.api.Test;

import java.sql.Types;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class GeneratedColumnsTest {
    private static final SchemaCatalog S0 = new SchemaCatalog(Map.of(
            "member", table("member", "id", "email", "nickname"),
            "secrets", table("secrets", "id", "name"),
            "secrets_content", table("secrets_content", "id", "secretid", "version")));

    private static TableInfo table(String name, String... columns) {
        return new TableInfo(name, false, java.util.Arrays.stream(columns)
                .map(c -> new ColumnInfo(c, "VARCHAR", Types.VARCHAR, 60, 0, true, null)).toList());
    }

    private static ProbeStatement generated(String sql) {
        return new ProbeStatement(sql, List.of(), List.of(), false).ofGeneratedColumns();
    }

    @Test
    void theStarOfAGeneratedTableIsItsColumnsAtProductionsSchema() {
        List<ProbeStatement> listed = GeneratedColumns.listed(List.of(
                generated("SELECT * FROM member WHERE member.email = ?"),
                generated("SELECT * FROM secrets JOIN secrets_content c ON secrets.id = c.secretid WHERE secrets.id = ?"),
                generated("SELECT c.* FROM secrets_content c")), S0);

        assertEquals(List.of(
                "SELECT member.id, member.email, member.nickname FROM member WHERE member.email = ?",
                "SELECT secrets.id, secrets.name, c.id, c.secretid, c.version FROM secrets JOIN secrets_content c"
                        + " ON secrets.id = c.secretid WHERE secrets.id = ?",
                "SELECT c.id, c.secretid, c.version FROM secrets_content c"),
                listed.stream().map(ProbeStatement::jdbcSql).toList());
        assertFalse(listed.get(0).positional(), "jOOQ reads the listed fields, not the result's order");
        assertFalse(listed.get(0).starOfGeneratedColumns(), "written out once");
        assertEquals(Map.of("member", java.util.Set.of("id", "email", "nickname")), listed.get(0).columns(),
                "a change of any listed column reaches it");
    }

    @Test
    void aStatementOfNoGeneratedClassOrOfATableProductionLacksStaysAsItIs() {
        ProbeStatement plain = new ProbeStatement("SELECT * FROM member", List.of(), List.of(), false);
        ProbeStatement unknown = generated("SELECT * FROM ghost");
        List<ProbeStatement> listed = GeneratedColumns.listed(List.of(plain, unknown), S0);

        assertSame(plain, listed.get(0));
        assertSame(unknown, listed.get(1));
    }
}
