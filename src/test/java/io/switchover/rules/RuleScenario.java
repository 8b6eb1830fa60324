package io.switchover.rules;

import io.switchover.check.CheckRequest;
import io.switchover.check.SwitchoverCheck;
import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.snapshot.InMemorySnapshot;

import java.util.List;

/**
 * A small system for rule tests: production with one table and a repository whose SQL is given, and a candidate
 * that adds migrations. Runs the whole pipeline on H2, as a user's check would.
 */
final class RuleScenario {
    private final InMemorySnapshot production;
    private InMemorySnapshot candidate;
    private int nextVersion = 2;

    private RuleScenario(String schema, String... statements) {
        StringBuilder java = new StringBuilder("package com.example;\n\nclass Repository {\n");
        for (int i = 0; i < statements.length; i++) {
            java.append("    static final String SQL_").append(i).append(" = \"").append(statements[i]).append("\";\n");
        }
        java.append("}\n");
        production = new InMemorySnapshot("prod")
                .with("db/migration/V1__schema.sql", schema)
                .with("src/main/java/com/example/Repository.java", java.toString());
        candidate = production.next("candidate");
    }

    /** Production has {@code schema} as V1 and a service issuing {@code statements} (lines 4, 5, ... of its file). */
    static RuleScenario production(String schema, String... statements) {
        return new RuleScenario(schema, statements);
    }

    RuleScenario migrate(String description, String sql) {
        candidate = candidate.with("db/migration/V" + nextVersion++ + "__" + description + ".sql", sql);
        return this;
    }

    Report check() {
        return new SwitchoverCheck().run(new CheckRequest(production, candidate, List.of(), List.of(), new H2Engine(),
                Severity.ERROR));
    }

    List<Finding> findings(String rule) {
        return check().findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
