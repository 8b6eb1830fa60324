package io.switchover.rules;

import io.switchover.migrations.Migration;
import io.switchover.migrations.MigrationScript;
import io.switchover.migrations.MigrationStatement;
import io.switchover.sql.SqlScriptSplitter;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.EngineKind;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.SchemaState;
import io.switchover.timeline.TableInfo;
import io.switchover.timeline.Timeline;

import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evidence for the rules that read migration text, built by hand: for PostgreSQL syntax that the H2 replay engine
 * refuses ({@code NOT VALID}, {@code CONCURRENTLY}). Production has one table; every state keeps its catalog, as if
 * the migrations changed nothing the catalog shows.
 */
final class StaticBatch {
    private final String engine;
    private final Map<String, TableInfo> tables = new LinkedHashMap<>();
    private final List<Migration> migrations = new ArrayList<>();
    private final List<MigrationScript> scripts = new ArrayList<>();

    private StaticBatch(String engine) {
        this.engine = engine;
    }

    /** Production has {@code person (id BIGINT, email VARCHAR(200), org_id BIGINT)}. */
    private static EngineKind kind(String engine) {
        return engine.startsWith("MariaDB") ? EngineKind.MARIADB
                : engine.startsWith("H2") ? EngineKind.H2 : EngineKind.POSTGRESQL;
    }

    static StaticBatch on(String engine) {
        StaticBatch batch = new StaticBatch(engine);
        batch.tables.put("person", new TableInfo("person", false, List.of(
                new ColumnInfo("id", "BIGINT", Types.BIGINT, 64, 0, false, null),
                new ColumnInfo("email", "CHARACTER VARYING", Types.VARCHAR, 200, 0, true, null),
                new ColumnInfo("org_id", "BIGINT", Types.BIGINT, 64, 0, true, null))));
        return batch;
    }

    StaticBatch migrate(String description, String sql) {
        int step = migrations.size() + 1;
        String script = "V" + (step + 1) + "__" + description + ".sql";
        Migration migration = new Migration(String.valueOf(step + 1), description.replace('_', ' '), script, 0,
                "db/migration/" + script);
        List<MigrationStatement> statements = new ArrayList<>();
        for (SqlScriptSplitter.ScriptStatement statement : new SqlScriptSplitter().split(sql)) {
            statements.add(new MigrationStatement(statement.line(), statement.sql(), List.of()));
        }
        migrations.add(migration);
        scripts.add(new MigrationScript(migration, step, statements, List.of()));
        return this;
    }

    Evidence evidence() {
        SchemaCatalog catalog = new SchemaCatalog(tables);
        List<SchemaState> states = new ArrayList<>();
        states.add(new SchemaState(0, null, catalog, CatalogDiff.none(), List.of()));
        for (int i = 0; i < migrations.size(); i++) {
            states.add(new SchemaState(i + 1, migrations.get(i), catalog, CatalogDiff.none(), List.of()));
        }
        Timeline timeline = new Timeline(engine, kind(engine), List.copyOf(migrations), List.of(), states, Optional.empty(),
                Duration.ZERO);
        return new Evidence(timeline, List.of(), List.of(), false, DeploymentOrder.MIGRATE_FIRST, List.copyOf(scripts));
    }

    List<Finding> findings(Rule rule) {
        Evidence evidence = evidence();
        return rule.check(evidence, Breaks.of(evidence));
    }
}
