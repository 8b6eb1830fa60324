package io.switchover.patterns;

import io.switchover.patterns.model.ExtractionResult;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which parameters a Java file binds NULL to, as the extracted statement carries them. */
class JavaNullBindingsTest {
    private static final String PATH = "src/main/java/com/example/ParcelDao.java";
    private static final String INSERT = "INSERT INTO parcel (id, weight, label) VALUES (?, ?, ?)";

    private static Map<Integer, String> nullable(String call) {
        String source = "package com.example;\n\nclass ParcelDao {\n"
                + "    static final String INSERT = \"" + INSERT + "\";\n"
                + "    void save(org.springframework.jdbc.core.JdbcTemplate jdbc, long id, java.util.Optional<Integer> w,"
                + " String label, Object mapper) {\n        " + call + ";\n    }\n}\n";
        ExtractionResult result = new JavaStringExtractor(new SqlStatementClassifier()).extract(PATH, source);
        return result.patterns().stream().filter(p -> p.sql().equals(INSERT)).findFirst().orElseThrow()
                .nullableParameters();
    }

    @Test
    void readsOrElseNullAndANullBranchAsMaybeNull() {
        assertEquals(Map.of(1, "passes w.orElse(null) at line 6", 2, "passes label.isEmpty() ? null : label at line 6"),
                nullable("jdbc.update(INSERT, id, w.orElse(null), label.isEmpty() ? null : label)"));
    }

    @Test
    void readsTheValuesOfAnObjectArray() {
        assertEquals(Map.of(2, "passes null at line 6"),
                nullable("jdbc.update(INSERT, new Object[] {id, w.orElse(0), null})"));
    }

    @Test
    void skipsARowMapperHeldInAVariable() {
        assertEquals(Map.of(1, "passes (Integer) null at line 6"),
                nullable("jdbc.query(INSERT, mapper, id, (Integer) null, label)"));
    }

    @Test
    void leavesValuesThatDoNotMatchThePlaceholdersAlone() {
        assertEquals(Map.of(), nullable("jdbc.update(INSERT, id, null)"));
    }

    @Test
    void leavesValuesThatAreNeverNullAlone() {
        assertEquals(Map.of(), nullable("jdbc.update(INSERT, id, w.orElse(0), label)"));
    }
}
