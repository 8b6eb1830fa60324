package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamedInUncheckedCodeTest {
    private static final String RULE = "named-in-unchecked-code";
    private static final String PERSON = "CREATE TABLE person (id BIGINT PRIMARY KEY, alice VARCHAR(100),"
            + " brian VARCHAR(100));";
    /** A statement the probes check, so that the service is not unchecked as a whole. */
    private static final String CHECKED = "SELECT id FROM person WHERE id = ?";
    private static final String DROP_ALICE = "ALTER TABLE person DROP COLUMN alice;";
    /** A file of the service that uses the class of another: in a service, what nothing uses never runs. */
    private static final String USES = """
            package com.example;
            class Caller {
                %s used;
            }
            """;

    private static RuleScenario withFile(String path, String content) {
        return RuleScenario.production(PERSON, CHECKED).productionFile(path, content);
    }

    @Test
    void flagsAColumnFormattedIntoSqlFromConstantsOfAnotherFile() {
        Report report = withFile("src/main/java/com/example/Columns.java", """
                package com.example;
                final class Columns {
                    static final String PERSON = "person";
                    static final String ALICE = "alice";
                }
                """)
                .productionFile("src/main/java/com/example/PersonWriter.java", """
                        package com.example;
                        class PersonWriter {
                            void rename(Jdbc jdbc, long id, String name) {
                                jdbc.update(String.format("UPDATE %s SET %s = ? WHERE id = ?", Columns.PERSON,
                                        Columns.ALICE), name, id);
                            }
                        }
                        """)
                .migrate("drop_alice", DROP_ALICE)
                .check();

        List<Finding> findings = report.findings().stream().filter(f -> f.rule().equals(RULE)).toList();
        assertEquals(1, findings.size(), report.findings().toString());
        Finding finding = findings.get(0);
        assertEquals(Severity.ERROR, finding.severity(), "the file names person too");
        assertEquals("src/main/java/com/example/Columns.java:4", finding.pattern().origin().toString());
        assertEquals("static final String ALICE = \"alice\";", finding.pattern().sql());
        assertEquals(1, finding.step());
        assertEquals(1, finding.line(), "the DROP COLUMN statement's line");
        assertTrue(finding.message().contains("person.alice"), finding.message());
        assertEquals(Verdict.FAIL, report.verdict());
    }

    /** Production has behandling.er_regel, which the running version's entity names. */
    private static RuleScenario behandlingNamingErRegel() {
        return RuleScenario.production("CREATE TABLE behandling (id BIGINT PRIMARY KEY, er_regel BOOLEAN);",
                        "SELECT id FROM behandling WHERE id = ?")
                .productionFile("src/main/kotlin/com/example/Behandling.kt", """
                        package com.example
                        data class Behandling(
                            @Id val id: Long,
                            @Column("er_regel") val erRegel: Boolean,
                        )
                        """);
    }

    /**
     * familie-ef-sak's V168 made a table regelendring_2026 with a column er_regelendring_2026 and V169, in the same
     * promotion, dropped that column again; the running version's entities name er_regelendring_2026, but behandling's
     * column of that name, which the batch leaves alone. Nothing production has is removed: no mention, no warning.
     */
    @Test
    void aColumnTheBatchAddsAndDropsAgainIsNoRunningVersionsEvenWhereAnotherTableHasItsName() {
        Report report = behandlingNamingErRegel()
                .migrate("regel_tabell", "CREATE TABLE regel (behandling_id BIGINT PRIMARY KEY, er_regel BOOLEAN,"
                        + " begrunnelse TEXT);")
                .migrate("fjern_er_regel", "ALTER TABLE regel DROP COLUMN er_regel;")
                .check();

        assertEquals(List.of(), report.findings().stream().filter(f -> f.rule().equals(RULE)).toList());
        assertEquals(Verdict.PASS, report.verdict(), report.findings().toString());
    }

    @Test
    void aColumnProductionHasStillCountsWhenTheBatchAlsoMakesATableWithItsName() {
        Report report = behandlingNamingErRegel()
                .migrate("regel_tabell", "CREATE TABLE regel (behandling_id BIGINT PRIMARY KEY, er_regel BOOLEAN);")
                .migrate("fjern_er_regel", "ALTER TABLE behandling DROP COLUMN er_regel;")
                .check();

        List<Finding> named = report.findings().stream().filter(f -> f.rule().equals(RULE)).toList();
        assertEquals(1, named.size(), report.findings().toString());
        assertTrue(named.get(0).message().contains("behandling.er_regel"), named.get(0).message());
    }

    @Test
    void flagsADroppedTableNamedInConfigurationAndByJooq() {
        Report report = RuleScenario.production(PERSON + "\nCREATE TABLE legacy_address (id BIGINT, street TEXT);",
                        CHECKED)
                .productionFile("src/main/resources/application.yml", """
                        export:
                          # the nightly export reads these
                          table: legacy_address
                        """)
                .productionFile("src/main/java/com/example/Addresses.java", """
                        package com.example;
                        import static com.example.jooq.Tables.LEGACY_ADDRESS;
                        import org.jooq.DSLContext;
                        class Addresses {
                            Object all(DSLContext dsl, org.jooq.Condition filter) {
                                return dsl.selectFrom(LEGACY_ADDRESS).where(filter).fetch();
                            }
                        }
                        """)
                .productionFile("src/main/java/com/example/AddressExport.java", USES.formatted("Addresses"))
                .migrate("drop_legacy_address", "DROP TABLE legacy_address;")
                .check();

        List<String> places = report.findings().stream().filter(f -> f.rule().equals(RULE))
                .map(f -> f.pattern().origin() + " " + f.severity()).toList();
        assertEquals(List.of("src/main/java/com/example/Addresses.java:6 ERROR",
                "src/main/resources/application.yml:3 ERROR"), places);
    }

    @Test
    void aClassThatNoFileOfTheOldVersionUsesIsAHint() {
        String addresses = """
                package com.example;
                import static com.example.jooq.Tables.LEGACY_ADDRESS;
                import org.jooq.DSLContext;
                class Addresses {
                    Object all(DSLContext dsl, org.jooq.Condition filter) {
                        return dsl.selectFrom(LEGACY_ADDRESS).where(filter).fetch();
                    }
                }
                """;
        List<Finding> unused = RuleScenario.production(PERSON + "\nCREATE TABLE legacy_address (id BIGINT);", CHECKED)
                .productionFile("src/main/java/com/example/Addresses.java", addresses)
                .productionFile("src/test/java/com/example/AddressesTest.java", USES.formatted("Addresses"))
                .migrate("drop_legacy_address", "DROP TABLE legacy_address;")
                .findings(RULE);

        assertEquals(List.of("src/main/java/com/example/Addresses.java:6 WARNING"), unused.stream()
                .map(f -> f.pattern().origin() + " " + f.severity()).toList(), "only a test uses it");
        assertTrue(unused.get(0).message().contains("in Addresses, which no other file of"), unused.get(0).message());
    }

    @Test
    void flagsAColumnOfAFileThatDoesNotNameItsTableAsAWarning() {
        List<Finding> findings = withFile("src/main/java/com/example/Mapper.java", """
                package com.example;
                class Mapper {
                    String name(java.sql.ResultSet rs) throws java.sql.SQLException {
                        return rs.getString("alice");
                    }
                }
                """)
                .migrate("drop_alice", DROP_ALICE)
                .findings(RULE);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("does not name person"), findings.get(0).message());
    }

    @Test
    void flagsAValueThatAnEnumOfTheOldCodeStillHas() {
        String schema = "CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(20),"
                + " CONSTRAINT orders_status CHECK (status IN ('NEW', 'PAID', 'ARCHIVED')));";
        List<Finding> findings = RuleScenario.production(schema, "SELECT id FROM orders WHERE id = ?")
                .productionFile("src/main/java/com/example/OrderStatus.java", """
                        package com.example;
                        enum OrderStatus {
                            NEW, PAID,
                            ARCHIVED
                        }
                        """)
                .productionFile("src/main/java/com/example/Order.java", USES.formatted("OrderStatus"))
                .migrate("no_more_archived", "ALTER TABLE orders DROP CONSTRAINT orders_status;\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_status CHECK (status IN ('NEW', 'PAID'));")
                .findings(RULE);

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("src/main/java/com/example/OrderStatus.java:4", findings.get(0).pattern().origin().toString());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("value 'ARCHIVED' of orders.status"), findings.get(0).message());
    }

    @Test
    void ignoresNamesInCommentsProsePropertiesAndCheckedStatements() {
        Report report = RuleScenario.production(PERSON, CHECKED, "SELECT alice FROM person WHERE id = ?")
                .productionFile("src/main/java/com/example/Notes.java", """
                        package com.example;
                        // alice moves to brian in V4
                        class Notes {
                            /* person.alice is read by the export */
                            private String alice;
                            String hello() {
                                return "alice says hello";
                            }
                        }
                        """)
                .migrate("drop_alice", DROP_ALICE)
                .check();

        assertEquals(List.of(), report.findings().stream().filter(f -> f.rule().equals(RULE)).toList());
        assertTrue(report.findings().stream().anyMatch(f -> f.rule().equals("dropped-column-still-used")),
                "the checked statement breaks: the probes found it");
    }

    @Test
    void flagsACommonColumnWordThatJooqQualifiesWithItsOwnTable() {
        String schema = "CREATE TABLE secrets_content (id BIGINT PRIMARY KEY, version VARCHAR(20), content TEXT);";
        List<Finding> findings = RuleScenario.production(schema, "SELECT id FROM secrets_content WHERE id = ?")
                .productionFile("src/main/java/com/example/SecretContentDao.java", """
                        package com.example;
                        import static com.example.jooq.tables.SecretsContent.SECRETS_CONTENT;
                        import org.jooq.DSLContext;
                        class SecretContentDao {
                            Object versions(DSLContext dsl, org.jooq.Condition filter) {
                                return dsl.select(SECRETS_CONTENT.VERSION).from(SECRETS_CONTENT)
                                        .where(filter).fetch();
                            }
                        }
                        """)
                .productionFile("src/main/java/com/example/Secrets.java", USES.formatted("SecretContentDao"))
                .migrate("drop_version", "ALTER TABLE secrets_content DROP COLUMN version;")
                .findings(RULE);

        assertEquals(List.of("src/main/java/com/example/SecretContentDao.java:6 ERROR"), findings.stream()
                .map(f -> f.pattern().origin() + " " + f.severity()).toList(), "the qualifier is the table itself");
    }

    @Test
    void ignoresACommonColumnWordWithoutItsTable() {
        String schema = "CREATE TABLE person (id BIGINT PRIMARY KEY, name VARCHAR(100));"
                + "CREATE TABLE pet (id BIGINT PRIMARY KEY, name VARCHAR(100));";
        List<Finding> findings = RuleScenario.production(schema, "SELECT id FROM pet WHERE id = ?")
                .productionFile("src/main/java/com/example/PetMapper.java", """
                        package com.example;
                        class PetMapper {
                            String name(java.sql.ResultSet rs) throws java.sql.SQLException {
                                return rs.getString("name");
                            }
                        }
                        """)
                .migrate("drop_person_name", "ALTER TABLE person DROP COLUMN name;")
                .findings(RULE);

        assertEquals(List.of(), findings);
    }

    /**
     * What the rule says of a DAO of pet (which has an alice column too) whose query, built at run time from an
     * ORDER BY, joins person, whose alice the batch drops.
     */
    private static List<Finding> petDaoQuerying(String sql) {
        String schema = PERSON + "CREATE TABLE pet (id BIGINT PRIMARY KEY, alice VARCHAR(100));";
        return RuleScenario.production(schema, CHECKED)
                .productionFile("src/main/kotlin/com/example/PetDao.kt", """
                        package com.example
                        class PetDao(private val db: Db) {
                            fun find(order: String) = db.query(
                                "%s ORDER BY $order")
                        }
                        """.formatted(sql))
                .migrate("drop_alice", DROP_ALICE)
                .findings(RULE);
    }

    @Test
    void ignoresAColumnOfAnotherTableWhoseAliasTheSqlDeclares() {
        assertEquals(List.of(), petDaoQuerying("SELECT p.alice FROM pet p JOIN person ON person.id = p.id"));
    }

    @Test
    void ignoresAColumnQualifiedWithAnotherTableThatTheSqlJoins() {
        // amt-tiltak: "LEFT JOIN nav_enhet ne ON ne.id = bruker.nav_enhet_id" in a query the gate could not resolve,
        // in a file that also names gjennomforing, whose nav_enhet_id the batch drops
        assertEquals(List.of(), petDaoQuerying("SELECT pet.id FROM pet JOIN person ON person.id = pet.id"
                + " WHERE pet.alice = 'x'"), "pet.alice is pet's, though the SQL also names person");
    }

    @Test
    void stillFlagsAColumnQualifiedWithItsOwnTableBesideAnother() {
        List<Finding> findings = petDaoQuerying("SELECT pet.id FROM pet JOIN person ON person.id = pet.id"
                + " WHERE person.alice = 'x'");

        assertEquals(1, findings.size(), findings.toString());
    }

    @Test
    void ignoresAColumnNameOfAFileWhoseCheckedStatementsHaveItInAnotherTable() {
        // familie-ba-sak: thirty entities map @JoinColumn(name = "fk_behandling_id") of their own tables beside the
        // renamed vilkar_resultat.fk_behandling_id; each file's checked statements name their table's column
        String schema = PERSON + "CREATE TABLE pet (id BIGINT PRIMARY KEY, alice VARCHAR(100));";
        List<Finding> findings = RuleScenario.production(schema, CHECKED)
                .productionFile("src/main/java/com/example/Pet.java", """
                        package com.example;
                        class Pet {
                            static final String ADD = "INSERT INTO pet (id, alice) VALUES (?, ?)";
                            @Column(name = "alice")
                            String alice;
                        }
                        """)
                .migrate("drop_alice", DROP_ALICE)
                .findings(RULE);

        assertEquals(List.of(), findings);
    }
}
