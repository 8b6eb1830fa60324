package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table dropped while the old version still maps it, but with an entity and repository that nothing else in the
 * service names (familie-ba-sak's V312, familie-tilbake's V18): no code path issues their statements, so the breaks
 * are warnings; where any other file names them, errors.
 */
class UnusedMappingTest {
    private static final String SCHEMA = "CREATE TABLE person (id BIGINT PRIMARY KEY, name VARCHAR(100));"
            + "CREATE TABLE patch (id BIGINT PRIMARY KEY, amount INT);";
    private static final String ENTITY = """
            package com.example;
            import jakarta.persistence.*;
            @Entity @Table(name = "patch") public class Patch { @Id Long id; Integer amount; }
            """;
    private static final String REPOSITORY = """
            package com.example;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface PatchRepository extends JpaRepository<Patch, Long> { }
            """;
    private static final String DROP = "DROP TABLE patch;";

    private static RuleScenario withPatch() {
        return RuleScenario.production(SCHEMA, "SELECT id, name FROM person WHERE id = ?")
                .productionFile("src/main/java/com/example/Patch.java", ENTITY)
                .productionFile("src/main/java/com/example/PatchRepository.java", REPOSITORY);
    }

    @Test
    void aDroppedTableWhoseMappingNothingUsesIsAWarning() {
        Report report = withPatch().migrate("drop_patch", DROP).check();

        List<Finding> drops = report.findings().stream().filter(f -> f.rule().equals("dropped-table-still-used"))
                .toList();
        assertTrue(!drops.isEmpty(), report.findings().toString());
        assertTrue(drops.stream().allMatch(f -> f.severity() == Severity.WARNING
                && f.message().contains("names Patch, PatchRepository")), drops.toString());
        assertEquals(Verdict.WARN, report.verdict());
        String headline = new io.switchover.report.TextReportWriter().render(report).lines().findFirst().orElseThrow();
        assertTrue(headline.contains(drops.size() + " of them at statements that fail"), headline);
    }

    @Test
    void oneThatAServiceInjectsIsAnError() {
        Report report = withPatch()
                .productionFile("src/main/java/com/example/PatchService.java", """
                        package com.example;
                        class PatchService {
                            private final PatchRepository patches;
                            PatchService(PatchRepository patches) { this.patches = patches; }
                        }
                        """)
                .migrate("drop_patch", DROP).check();

        assertEquals(Verdict.FAIL, report.verdict(), report.findings().toString());
    }

    @Test
    void oneHibernateValidatesAtStartUpIsAnError() {
        Report report = withPatch()
                .productionFile("src/main/resources/application.yml", "spring.jpa.hibernate.ddl-auto: validate\n")
                .migrate("drop_patch", DROP).check();

        assertEquals(Verdict.FAIL, report.verdict(), report.findings().toString());
    }
}
