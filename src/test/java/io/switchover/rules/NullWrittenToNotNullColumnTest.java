package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A column the batch makes NOT NULL while the old code may write NULL into it: a boxed JPA field without
 * {@code nullable = false}, a {@code null} passed to JDBC, a Kotlin value that may be null. On H2; the embedded
 * PostgreSQL and MariaDB runs are in {@link NullWrittenOnServersTest}.
 */
class NullWrittenToNotNullColumnTest {
    static final String SCHEMA = "CREATE TABLE parcel (id BIGINT PRIMARY KEY, weight INT);";
    static final String NOT_NULL = "UPDATE parcel SET weight = 0 WHERE weight IS NULL;\n"
            + "ALTER TABLE parcel ALTER COLUMN weight SET NOT NULL;";
    private static final String RULE = "null-written-to-not-null-column";
    private static final String ENTITY = "src/main/java/com/example/Parcel.java";

    static String entity(String weightField) {
        return "package com.example;\n\nimport jakarta.persistence.*;\n\n@Entity\npublic class Parcel {\n"
                + "    @Id\n    private Long id;\n\n    " + weightField + "\n}\n";
    }

    private static RuleScenario withEntity(String weightField) {
        return RuleScenario.production(SCHEMA).productionFile(ENTITY, entity(weightField))
                .candidateFile(ENTITY, entity("private int weight;"));
    }

    @Test
    void flagsABoxedJpaFieldWithoutNullableFalse() {
        List<Finding> findings = withEntity("private Integer weight;").migrate("weight_required", NOT_NULL)
                .findings(RULE);

        assertEquals(2, findings.size(), findings.toString());
        Finding insert = findings.stream().filter(f -> f.pattern().sql().startsWith("INSERT")).findFirst().orElseThrow();
        assertEquals("V2__weight_required.sql makes parcel.weight NOT NULL, and the INSERT of prod may still write"
                + " NULL into it (Integer weight may be null: no nullable = false or @NotNull)", insert.message());
        assertEquals(2, insert.line());
        assertEquals(ENTITY, insert.pattern().origin().path());
        assertTrue(findings.stream().anyMatch(f -> f.pattern().sql().startsWith("UPDATE parcel SET weight = ?")));
    }

    @Test
    void acceptsAPrimitiveField() {
        assertEquals(List.of(), withEntity("private int weight;").migrate("weight_required", NOT_NULL).findings(RULE));
    }

    @Test
    void acceptsAFieldMappedNullableFalse() {
        assertEquals(List.of(), withEntity("@Column(nullable = false)\n    private Integer weight;")
                .migrate("weight_required", NOT_NULL).findings(RULE));
    }

    @Test
    void acceptsAFieldAnnotatedNotNull() {
        assertEquals(List.of(), withEntity("@jakarta.validation.constraints.NotNull\n    private Integer weight;")
                .migrate("weight_required", NOT_NULL).findings(RULE));
    }

    @Test
    void acceptsAColumnThatStaysNullable() {
        assertEquals(List.of(), withEntity("private Integer weight;")
                .migrate("weight_default", "UPDATE parcel SET weight = 0 WHERE weight IS NULL;").findings(RULE));
    }

    @Test
    void acceptsAColumnProductionAlreadyHadNotNull() {
        assertEquals(List.of(), RuleScenario.production("CREATE TABLE parcel (id BIGINT PRIMARY KEY, weight INT NOT NULL,"
                        + " label VARCHAR(20));")
                .productionFile(ENTITY, entity("private Integer weight;"))
                .migrate("label_required", "ALTER TABLE parcel ALTER COLUMN label SET NOT NULL;").findings(RULE));
    }

    private static final String JDBC = "src/main/java/com/example/ParcelDao.java";

    private static String dao(String values) {
        return "package com.example;\n\nclass ParcelDao {\n"
                + "    private static final String INSERT = \"INSERT INTO parcel (id, weight) VALUES (?, ?)\";\n"
                + "    private final org.springframework.jdbc.core.JdbcTemplate jdbc;\n\n"
                + "    ParcelDao(org.springframework.jdbc.core.JdbcTemplate jdbc) {\n        this.jdbc = jdbc;\n    }\n\n"
                + "    void unweighed(long id) {\n        jdbc.update(INSERT, " + values + ");\n    }\n}\n";
    }

    @Test
    void flagsANullPassedToJdbc() {
        List<Finding> findings = RuleScenario.production(SCHEMA).productionFile(JDBC, dao("id, null"))
                .migrate("weight_required", NOT_NULL).findings(RULE);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("V2__weight_required.sql makes parcel.weight NOT NULL, and the INSERT of prod may still write"
                + " NULL into it (passes null at line 12)", findings.get(0).message());
    }

    @Test
    void flagsANullBoundOnAPreparedStatement() {
        String dao = "package com.example;\n\nclass ParcelDao {\n"
                + "    void unweighed(java.sql.Connection c, long id) throws java.sql.SQLException {\n"
                + "        try (var ps = c.prepareStatement(\"INSERT INTO parcel (id, weight) VALUES (?, ?)\")) {\n"
                + "            ps.setLong(1, id);\n            ps.setNull(2, java.sql.Types.INTEGER);\n"
                + "            ps.executeUpdate();\n        }\n    }\n}\n";
        List<Finding> findings = RuleScenario.production(SCHEMA).productionFile(JDBC, dao)
                .migrate("weight_required", NOT_NULL).findings(RULE);

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("ps.setNull(2, java.sql.Types.INTEGER) at line 7"),
                findings.get(0).message());
    }

    @Test
    void acceptsAValuePassedToJdbc() {
        assertEquals(List.of(), RuleScenario.production(SCHEMA).productionFile(JDBC, dao("id, 0"))
                .migrate("weight_required", NOT_NULL).findings(RULE));
    }

    private static final String KOTLIN = "src/main/kotlin/com/example/ParcelRepository.kt";

    private static String kotlinRepository(String weight) {
        return "package com.example\n\nimport kotliquery.queryOf\n\nclass ParcelRepository(private val session: kotliquery.Session) {\n"
                + "    fun lagre(parcel: Parcel) {\n"
                + "        session.run(queryOf(\"INSERT INTO parcel (id, weight) VALUES (:id, :weight)\",\n"
                + "            mapOf(\"id\" to parcel.id, \"weight\" to " + weight + ")).asUpdate)\n    }\n}\n";
    }

    @Test
    void flagsAKotlinValueThatMayBeNull() {
        List<Finding> findings = RuleScenario.production(SCHEMA)
                .productionFile(KOTLIN, kotlinRepository("parcel.vekt?.gram"))
                .migrate("weight_required", NOT_NULL).findings(RULE);

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).message().contains("parcel.vekt?.gram"), findings.get(0).message());
    }

    @Test
    void acceptsAKotlinNonNullValue() {
        assertEquals(List.of(), RuleScenario.production(SCHEMA).productionFile(KOTLIN, kotlinRepository("parcel.vekt.gram"))
                .migrate("weight_required", NOT_NULL).findings(RULE));
    }

    private static final String KOTLIN_ENTITY = "src/main/kotlin/com/example/Parcel.kt";

    private static String kotlinEntity(String weightType) {
        return "package com.example\n\nimport jakarta.persistence.*\n\n@Entity\nclass Parcel(\n    @Id\n    val id: Long,\n"
                + "    var weight: " + weightType + "\n)\n";
    }

    @Test
    void flagsAKotlinEntityPropertyOfANullableType() {
        List<Finding> findings = RuleScenario.production(SCHEMA).productionFile(KOTLIN_ENTITY, kotlinEntity("Int?"))
                .migrate("weight_required", NOT_NULL).findings(RULE);

        assertEquals(2, findings.size(), findings.toString());
    }

    @Test
    void acceptsAKotlinEntityPropertyOfANonNullType() {
        assertEquals(List.of(), RuleScenario.production(SCHEMA).productionFile(KOTLIN_ENTITY, kotlinEntity("Int"))
                .migrate("weight_required", NOT_NULL).findings(RULE));
    }
}
