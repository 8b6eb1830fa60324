package io.switchover.patterns.mybatis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DynamicSqlTest {
    private final MapperXmlReader reader = new MapperXmlReader();

    private List<String> expand(String script, List<String> notes) throws MapperXmlReader.MapperXmlException {
        XmlElement root = reader.read(script);
        Map<String, XmlElement> fragments = new HashMap<>();
        for (XmlElement element : root.elements()) {
            if (element.name().equals("sql")) {
                fragments.put(element.attribute("id"), element);
            }
        }
        XmlElement statement = root.elements().stream().filter(e -> !e.name().equals("sql")).findFirst().orElseThrow();
        return new DynamicSql(fragments, "ns").expand(statement, notes);
    }

    private List<String> expand(String script) throws MapperXmlReader.MapperXmlException {
        return expand(script, new ArrayList<>());
    }

    @Test
    void trimRemovesTheFirstMatchingPrefixOverrideCaseInsensitively() throws Exception {
        assertEquals(List.of("SELECT id FROM t WHERE a = ? or b = ?"), expand("<m><select>SELECT id FROM t"
                + "<trim prefix='WHERE' prefixOverrides='AND |OR '><if test='x'>or a = #{a}</if>"
                + "<if test='y'>or b = #{b}</if></trim></select></m>"));
    }

    @Test
    void anEmptyWhereLeavesNoKeyword() throws Exception {
        assertEquals(List.of("SELECT id FROM t"), expand("<m><select>SELECT id FROM t <where> </where></select></m>"));
    }

    @Test
    void setDropsTheTrailingComma() throws Exception {
        assertEquals(List.of("UPDATE t SET a = ?, b = ? WHERE id = ?"), expand("<m><update>UPDATE t <set>"
                + "<if test='a'>a = #{a},</if><if test='b'>b = #{b},</if></set> WHERE id = #{id}</update></m>"));
    }

    @Test
    void givesEachChooseBranchItsOwnStatementAndMultipliesNestedChoices() throws Exception {
        assertEquals(List.of("SELECT id FROM t WHERE a = ? AND c = ?", "SELECT id FROM t WHERE a = ? AND d = ?",
                        "SELECT id FROM t WHERE b = 1 AND c = ?", "SELECT id FROM t WHERE b = 1 AND d = ?"),
                expand("<m><select>SELECT id FROM t WHERE "
                        + "<choose><when test='x'>a = #{a}</when><otherwise>b = 1</otherwise></choose> AND "
                        + "<choose><when test='y'>c = #{c}</when><when test='z'>d = #{d}</when></choose>"
                        + "</select></m>"));
    }

    @Test
    void stopsAtTheVariantLimitWithANote() throws Exception {
        String choose = "<choose><when test='a'>a = 1</when><when test='b'>b = 1</when></choose> AND ";
        List<String> notes = new ArrayList<>();
        List<String> variants = expand("<m><select>SELECT id FROM t WHERE " + choose.repeat(6) + "1 = 1</select></m>",
                notes);
        assertEquals(DynamicSql.MAX_VARIANTS, variants.size());
        assertEquals(List.of("more than 32 combinations of <choose> branches; the first 32 are checked"), notes);
    }

    @Test
    void substitutesIncludePropertiesAndResolvesNestedIncludes() throws Exception {
        assertEquals(List.of("SELECT x.id, x.name FROM person x WHERE x.id = ?"), expand("<m>"
                + "<sql id='cols'>${p}.id, ${p}.name</sql>"
                + "<sql id='select'>SELECT <include refid='cols'/> FROM person ${p}</sql>"
                + "<select><include refid='ns.select'><property name='p' value='x'/></include>"
                + " WHERE x.id = #{id}</select></m>"));
    }

    @Test
    void foreachRunsOnceWithItsOpenAndClose() throws Exception {
        assertEquals(List.of("INSERT INTO t (a, b) VALUES (?, ?)"), expand("<m><insert>INSERT INTO t (a, b) VALUES"
                + "<foreach collection='rows' item='r' separator=','>(#{r.a}, #{r.b})</foreach></insert></m>"));
    }

    @Test
    void aFragmentThatIncludesItselfIsCutWithANote() throws Exception {
        List<String> notes = new ArrayList<>();
        assertEquals(List.of("SELECT id FROM t"),
                expand("<m><sql id='loop'><include refid='loop'/></sql><select>SELECT id FROM t"
                        + "<include refid='loop'/></select></m>", notes));
        assertEquals(List.of("<sql id=\"loop\"> includes itself"), notes);
    }
}
