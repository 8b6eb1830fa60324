package io.switchover.patterns;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Placeholders that frameworks fill in before a statement runs are filled with the configured or default values. */
class FrameworkPlaceholdersTest {
    private static final String DAO = "src/main/java/com/example/JobDao.java";
    private static final String JOB_DAO = """
            package com.example;
            class JobDao {
                static final String FIND = "SELECT JOB_INSTANCE_ID FROM %PREFIX%JOB_INSTANCE WHERE JOB_NAME = ?";
            }
            """;
    private static final String MAPPER = "src/main/resources/mappers/OrderMapper.xml";
    private static final String ORDER_MAPPER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <mapper namespace="com.example.OrderMapper">
              <select id="find">SELECT id FROM ${schema}.orders WHERE id = #{id}</select>
              <select id="archived">SELECT id FROM ${archive:history}.orders WHERE id = #{id}</select>
            </mapper>
            """;

    private static List<String> statements(InMemorySnapshot snapshot) {
        ExtractionResult result = new ServiceSourceScanner().scan(snapshot, List.of(), List.of());
        return result.patterns().stream().map(AccessPattern::sql).toList();
    }

    @Test
    void springBatchsPrefixIsItsDefaultWhenNothingConfiguresIt() {
        assertEquals(List.of("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = ?"),
                statements(new InMemorySnapshot("batch").with(DAO, JOB_DAO)));
    }

    @Test
    void springBatchsPrefixIsTheConfiguredOne() {
        assertEquals(List.of("SELECT JOB_INSTANCE_ID FROM OPS_JOB_INSTANCE WHERE JOB_NAME = ?"),
                statements(new InMemorySnapshot("batch").with(DAO, JOB_DAO)
                        .with("src/main/resources/application.yml", """
                                spring:
                                  batch:
                                    jdbc:
                                      table-prefix: OPS_
                                """)));
    }

    @Test
    void myBatisPropertiesComeFromSpringBootsConfigurationAndDefaultsFromThePlaceholder() {
        assertEquals(List.of("SELECT id FROM shop.orders WHERE id = ?", "SELECT id FROM history.orders WHERE id = ?"),
                statements(new InMemorySnapshot("mybatis").with(MAPPER, ORDER_MAPPER)
                        .with("src/main/resources/application.properties",
                                "mybatis.configuration-properties.schema=shop\n")));
    }

    @Test
    void myBatisPropertiesComeFromItsOwnConfigurationFile() {
        assertEquals(List.of("SELECT id FROM sales.orders WHERE id = ?", "SELECT id FROM old.orders WHERE id = ?"),
                statements(new InMemorySnapshot("mybatis").with(MAPPER, ORDER_MAPPER)
                        .with("src/main/resources/mybatis-config.xml", """
                                <configuration>
                                  <properties>
                                    <property name="schema" value="sales"/>
                                    <property name="archive" value="old"/>
                                  </properties>
                                </configuration>
                                """)));
    }

    @Test
    void aMyBatisPropertyNothingConfiguresStaysNotChecked() {
        ExtractionResult result = new ServiceSourceScanner().scan(new InMemorySnapshot("mybatis")
                .with(MAPPER, ORDER_MAPPER), List.of(), List.of());
        assertEquals(List.of("SELECT id FROM history.orders WHERE id = ?"),
                result.patterns().stream().map(AccessPattern::sql).toList());
        assertEquals(List.of("${schema} is pasted into the SQL at run time"),
                result.notChecked().stream().map(UnresolvedSql::reason).toList());
    }

    @Test
    void namedAndPositionalParametersStayForTheProbeToBind() {
        assertEquals(List.of("SELECT id FROM person WHERE name = :name AND age > ?"),
                statements(new InMemorySnapshot("jdbc").with("src/main/java/com/example/PersonDao.java", """
                        package com.example;
                        class PersonDao {
                            static final String TABLE = "person";
                            static final String FIND = "SELECT id FROM " + TABLE + " WHERE name = :name AND age > ?";
                        }
                        """)));
    }
}
