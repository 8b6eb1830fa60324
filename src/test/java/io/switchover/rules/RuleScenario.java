package io.switchover.rules;

import io.switchover.check.CheckRequest;
import io.switchover.check.ProductionMigrations;
import io.switchover.check.ServiceToCheck;
import io.switchover.check.SwitchoverCheck;
import io.switchover.migrations.ProductionHistory;
import io.switchover.replay.H2Engine;
import io.switchover.report.Report;
import io.switchover.snapshot.InMemorySnapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small system for rule tests: production with one table and a repository whose SQL is given, and a candidate
 * that adds migrations (and, when a test says so, code of its own). Runs the whole pipeline on H2, as a user's check
 * would.
 */
final class RuleScenario {
    private static final String REPOSITORY = "src/main/java/com/example/Repository.java";

    private final Map<String, String> productionFiles = new LinkedHashMap<>();
    private final Map<String, String> candidateFiles = new LinkedHashMap<>();
    private int nextVersion = 2;
    private ProductionHistory history;
    private DeploymentOrder order = DeploymentOrder.MIGRATE_FIRST;
    private RuleSettings settings = RuleSettings.defaults();
    private io.switchover.replay.ReplayEngine engine = new H2Engine();

    private RuleScenario(String schema, String... statements) {
        productionFiles.put("db/migration/V1__schema.sql", schema);
        productionFiles.put(REPOSITORY, repository(statements));
        // The candidate has no code of its own unless a test gives it some.
        candidateFiles.put("db/migration/V1__schema.sql", schema);
    }

    /** Production has {@code schema} as V1 and a service issuing {@code statements} (lines 4, 5, ... of its file). */
    static RuleScenario production(String schema, String... statements) {
        return new RuleScenario(schema, statements);
    }

    RuleScenario migrate(String description, String sql) {
        candidateFiles.put("db/migration/V" + nextVersion++ + "__" + description + ".sql", sql);
        return this;
    }

    /** A file only production has, or has with other content than the candidate. */
    RuleScenario productionFile(String path, String content) {
        productionFiles.put(path, content);
        return this;
    }

    /** A file of the candidate, replacing or adding to what it has. */
    RuleScenario candidateFile(String path, String content) {
        candidateFiles.put(path, content);
        return this;
    }

    RuleScenario candidateCode(String... statements) {
        return candidateFile(REPOSITORY, repository(statements));
    }

    RuleScenario history(ProductionHistory productionHistory) {
        this.history = productionHistory;
        return this;
    }

    /** Per-rule configuration as switchover.yml's {@code rules:} gives it. */
    RuleScenario rules(Map<String, String> values) {
        this.settings = RuleSettings.of(values, RuleSet.standard(), "switchover.yml");
        return this;
    }

    /** Replays on this engine instead of H2. */
    RuleScenario on(io.switchover.replay.ReplayEngine replayEngine) {
        this.engine = replayEngine;
        return this;
    }

    RuleScenario order(DeploymentOrder deploymentOrder) {
        this.order = deploymentOrder;
        return this;
    }

    Report check() {
        InMemorySnapshot production = snapshot("prod", productionFiles);
        InMemorySnapshot candidate = snapshot("deploy-2", candidateFiles);
        CheckRequest simple = CheckRequest.of(production, candidate, List.of(), List.of(), engine,
                Severity.ERROR);
        CheckRequest request = new CheckRequest(new ProductionMigrations(Optional.of(production),
                Optional.ofNullable(history)), candidate, List.of(), Map.of(),
                List.of(new ServiceToCheck("prod", production, Optional.of(candidate), List.of())), simple.engine(),
                Severity.ERROR, order, io.switchover.patterns.jpa.PhysicalNaming.SPRING, settings);
        return new SwitchoverCheck().run(request);
    }

    List<Finding> findings(String rule) {
        return check().findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private static InMemorySnapshot snapshot(String name, Map<String, String> files) {
        InMemorySnapshot snapshot = new InMemorySnapshot(name);
        files.forEach(snapshot::with);
        return snapshot;
    }

    private static String repository(String... statements) {
        StringBuilder java = new StringBuilder("package com.example;\n\nclass Repository {\n");
        for (int i = 0; i < statements.length; i++) {
            java.append("    static final String SQL_").append(i).append(" = \"").append(statements[i]).append("\";\n");
        }
        return java.append("}\n").toString();
    }
}
