package io.switchover.patterns.builders;

import io.switchover.patterns.JavaSources;
import io.switchover.patterns.model.ExtractionResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimpleJdbcInsertsTest {

    private static ExtractionResult read(String source) {
        return new SimpleJdbcInserts().extract("src/People.java", JavaSources.parse(source).getResult().orElseThrow());
    }

    private static List<String> statements(ExtractionResult result) {
        return result.patterns().stream().map(p -> p.origin().line() + " " + p.sql()).toList();
    }

    @Test
    void insertsTheDeclaredColumnsAtEachExecute() {
        ExtractionResult result = read("""
                class People {
                    private static final String TABLE = "person";
                    private final SimpleJdbcInsert insert;
                    People(javax.sql.DataSource dataSource) {
                        this.insert = new SimpleJdbcInsert(dataSource).withTableName(TABLE)
                                .usingColumns("full_name", "email").usingGeneratedKeyColumns("id");
                    }
                    Number add(String name, String email) {
                        return insert.executeAndReturnKey(Map.of("full_name", name, "email", email));
                    }
                }
                """);
        assertEquals(List.of("9 INSERT INTO person (full_name, email) VALUES (?, ?)"), statements(result));
    }

    @Test
    void withoutUsingColumnsInsertsTheColumnsTheParametersName() {
        ExtractionResult result = read("""
                class People {
                    private final SimpleJdbcInsert insert;
                    People(javax.sql.DataSource dataSource) {
                        insert = new SimpleJdbcInsert(dataSource).withSchemaName("crm").withTableName("person")
                                .usingGeneratedKeyColumns("id");
                    }
                    void add(long id, String name) {
                        insert.execute(new MapSqlParameterSource("id", id).addValue("fullName", name).addValue("email", "x"));
                    }
                    void addMap(String name, String email) {
                        Map<String, Object> row = new HashMap<>();
                        row.put("full_name", name);
                        row.put("email", email);
                        insert.execute(row);
                    }
                }
                """);
        assertEquals(List.of("8 INSERT INTO crm.person (full_name, email) VALUES (?, ?)",
                "14 INSERT INTO crm.person (full_name, email) VALUES (?, ?)"), statements(result));
    }

    @Test
    void listsAnInsertOfABeansPropertiesAsNotChecked() {
        ExtractionResult result = read("""
                class People {
                    void add(javax.sql.DataSource ds, Object person) {
                        new SimpleJdbcInsert(ds).withTableName("person").execute(new BeanPropertySqlParameterSource(person));
                    }
                }
                """);
        assertEquals(List.of(), result.patterns());
        assertEquals(List.of("3 a SimpleJdbcInsert into person whose columns are named at run time"),
                result.notChecked().stream().map(u -> u.origin().line() + " " + u.reason()).toList());
    }
}
