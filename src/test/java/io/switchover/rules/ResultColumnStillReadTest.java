package io.switchover.rules;

import io.switchover.report.Report;
import io.switchover.report.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultColumnStillReadTest {
    private static final String RULE = "result-column-still-read";
    private static final String SCHEMA = "CREATE TABLE oppgave (id BIGINT PRIMARY KEY, status VARCHAR(20),"
            + " opphav VARCHAR(20));\nCREATE VIEW oppgave_view AS SELECT id, status, opphav FROM oppgave;";
    private static final String WITHOUT_OPPHAV = "CREATE OR REPLACE VIEW oppgave_view AS SELECT id, status FROM oppgave;";

    private static RuleScenario reading(String getter) {
        return RuleScenario.production(SCHEMA).productionFile("src/main/java/com/example/OppgaveDao.java", """
                package com.example;
                class OppgaveDao {
                    String opphav(Jdbc jdbc, long id) {
                        return jdbc.queryForObject("SELECT * FROM oppgave_view WHERE id = ?",
                                (rs, n) -> rs.GETTER, id);
                    }
                }
                """.replace("GETTER", getter));
    }

    @Test
    void flagsAColumnReadByNameThatAViewNoLongerReturns() {
        Report report = reading("getString(\"opphav\")").migrate("view_without_opphav", WITHOUT_OPPHAV).check();

        List<Finding> findings = report.findings().stream().filter(f -> f.rule().equals(RULE)).toList();
        assertEquals(1, findings.size(), report.findings().toString());
        Finding finding = findings.get(0);
        assertEquals("src/main/java/com/example/OppgaveDao.java:5", finding.pattern().origin().toString());
        assertEquals("SELECT * FROM oppgave_view WHERE id = ?", finding.pattern().sql());
        assertEquals(1, finding.step());
        assertTrue(finding.message().contains("reads column opphav by name"), finding.message());
        assertEquals(Verdict.FAIL, report.verdict());
        assertEquals(List.of(), report.findings().stream().filter(f -> f.rule().equals("named-in-unchecked-code"))
                .toList(), "the read is checked, not merely named");
    }

    @Test
    void ignoresAResultWhoseReadColumnsAllStay() {
        List<Finding> findings = reading("getString(\"status\")").migrate("view_without_opphav", WITHOUT_OPPHAV)
                .findings(RULE);

        assertEquals(List.of(), findings);
    }

    @Test
    void flagsAReadOfARowMapperOfItsOwnThroughTheQueriesThatUseIt() {
        List<Finding> findings = RuleScenario.production(SCHEMA)
                .productionFile("src/main/java/com/example/OppgaveDao.java", """
                        package com.example;
                        class OppgaveDao {
                            private static final RowMapper<String> OPPHAV = OppgaveDao::opphav;
                            String find(Jdbc jdbc, long id) {
                                return jdbc.queryForObject("SELECT * FROM oppgave_view WHERE id = ?", OPPHAV, id);
                            }
                            private static String opphav(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
                                return rs.getString("opphav");
                            }
                        }
                        """)
                .migrate("view_without_opphav", WITHOUT_OPPHAV)
                .findings(RULE);

        assertEquals(List.of("src/main/java/com/example/OppgaveDao.java:8"),
                findings.stream().map(f -> f.pattern().origin().toString()).toList());
    }
}
