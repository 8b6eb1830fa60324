package io.switchover.check;

import io.switchover.patterns.jpa.PhysicalNaming;
import io.switchover.replay.ReplayEngine;
import io.switchover.rules.DeploymentOrder;
import io.switchover.rules.RuleSettings;
import io.switchover.rules.Severity;
import io.switchover.snapshot.Snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to check.
 *
 * @param production   production's applied migrations
 * @param candidate    the snapshot whose migrations are about to be promoted
 * @param migrations   Flyway locations relative to the snapshots' roots; empty to take the project's configuration
 * @param placeholders placeholder values only production knows (they win over the project's Flyway configuration)
 * @param services     the services that use the database
 * @param naming       how JPA entities name tables and columns
 * @param rules        rules turned off or given another severity
 * @param provenance   where each fact about production came from (options, the pipeline's or the repository's
 *                     configuration), one line each beginning {@code production: }, for the report's notes
 * @param classpaths   the built artifacts whose Java migration classes the replay runs
 */
public record CheckRequest(ProductionMigrations production, Snapshot candidate, List<String> migrations,
                           Map<String, String> placeholders, List<ServiceToCheck> services, ReplayEngine engine,
                           Severity failOn, DeploymentOrder order, PhysicalNaming naming, RuleSettings rules,
                           List<String> provenance, Classpaths classpaths) {

    /**
     * The built artifacts of the candidate ({@code --classpath}) and of production ({@code --prod-classpath}): a jar,
     * a Spring Boot fat jar or a folder of classes, whose Java migrations the replay runs as Flyway does.
     */
    public record Classpaths(Optional<Path> candidate, Optional<Path> production) {
        public static Classpaths none() {
            return new Classpaths(Optional.empty(), Optional.empty());
        }
    }

    public CheckRequest(ProductionMigrations production, Snapshot candidate, List<String> migrations,
                        Map<String, String> placeholders, List<ServiceToCheck> services, ReplayEngine engine,
                        Severity failOn, DeploymentOrder order, PhysicalNaming naming, RuleSettings rules,
                        List<String> provenance) {
        this(production, candidate, migrations, placeholders, services, engine, failOn, order, naming, rules,
                provenance, Classpaths.none());
    }

    /** The same request starting the replay from production's schema, as exported from its catalog. */
    public CheckRequest withProductionSchema(io.switchover.migrations.ProductionSchema schema, String provenanceLine) {
        List<String> lines = new java.util.ArrayList<>(provenance);
        lines.add(provenanceLine);
        return new CheckRequest(production.withSchema(schema), candidate, migrations, placeholders, services, engine,
                failOn, order, naming, rules, List.copyOf(lines), classpaths);
    }

    /** The same request with these artifacts. */
    public CheckRequest withClasspaths(Classpaths artifacts) {
        return new CheckRequest(production, candidate, migrations, placeholders, services, engine, failOn, order,
                naming, rules, provenance, artifacts);
    }

    public CheckRequest(ProductionMigrations production, Snapshot candidate, List<String> migrations,
                        Map<String, String> placeholders, List<ServiceToCheck> services, ReplayEngine engine,
                        Severity failOn, DeploymentOrder order, PhysicalNaming naming, RuleSettings rules) {
        this(production, candidate, migrations, placeholders, services, engine, failOn, order, naming, rules,
                List.of());
    }

    public CheckRequest(ProductionMigrations production, Snapshot candidate, List<String> migrations,
                        Map<String, String> placeholders, List<ServiceToCheck> services, ReplayEngine engine,
                        Severity failOn, DeploymentOrder order) {
        this(production, candidate, migrations, placeholders, services, engine, failOn, order, PhysicalNaming.SPRING,
                RuleSettings.defaults());
    }

    public CheckRequest withServices(List<ServiceToCheck> newServices) {
        return new CheckRequest(production, candidate, migrations, placeholders, List.copyOf(newServices), engine,
                failOn, order, naming, rules, provenance, classpaths);
    }

    /** The simple form: a production directory and a candidate directory of one service holding its migrations. */
    public static CheckRequest of(Snapshot production, Snapshot candidate, List<String> migrations, List<String> sources,
                                  ReplayEngine engine, Severity failOn) {
        return new CheckRequest(ProductionMigrations.ofSnapshot(production), candidate, migrations, Map.of(),
                List.of(new ServiceToCheck(ServiceNames.guess(production), production, Optional.of(candidate), sources)),
                engine, failOn, DeploymentOrder.MIGRATE_FIRST);
    }
}
