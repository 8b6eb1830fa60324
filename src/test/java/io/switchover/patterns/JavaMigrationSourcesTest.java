package io.switchover.patterns;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaMigrationSourcesTest {
    private final Map<String, JavaMigrationSources.SourceFile> files = new HashMap<>();
    private final JavaMigrationSources sources = new JavaMigrationSources(name -> Optional.ofNullable(files.get(name)));

    private MigrationClassSource declare(String qualifiedName, String text) {
        String path = "src/main/java/" + qualifiedName.replace('.', '/') + ".java";
        files.put(qualifiedName, new JavaMigrationSources.SourceFile(path, text));
        return sources.declaredIn(path, text).get(0);
    }

    private MigrationSourceSql sql(String text) {
        return sources.sqlOf(declare("db.migration.V3__Backfill", text));
    }

    @Test
    void readsTheClassItsSupertypesAndTheLiteralsItsOverridesReturn() {
        MigrationClassSource source = declare("marquez.db.migrations.V57_1__BackfillFacets", """
                package marquez.db.migrations;

                import org.flywaydb.core.api.MigrationVersion;
                import org.flywaydb.core.api.migration.JavaMigration;

                public class V57_1__BackfillFacets implements JavaMigration {
                  @Override public MigrationVersion getVersion() { return MigrationVersion.fromVersion("57.2"); }
                  @Override public String getDescription() { return "BackfillFacets"; }
                  @Override public Integer getChecksum() { return 12345; }
                  @Override public boolean canExecuteInTransaction() { return false; }
                  @Override public void migrate(org.flywaydb.core.api.migration.Context context) { }
                }
                """);

        assertEquals("marquez.db.migrations.V57_1__BackfillFacets", source.qualifiedName());
        assertEquals(List.of("org.flywaydb.core.api.migration.JavaMigration"), source.supertypes());
        assertEquals(Optional.of("57.2"), source.version());
        assertEquals(Optional.of("BackfillFacets"), source.description());
        assertEquals(Optional.of(12345), source.checksum());
        assertTrue(source.concrete());
        assertEquals(JavaMigrationSources.Reach.YES, sources.reachesFlyway(source));
    }

    @Test
    void followsSuperclassesOfTheSnapshotToFlywaysBaseClass() {
        declare("com.example.db.AbstractMigration", """
                package com.example.db;
                import org.flywaydb.core.api.migration.BaseJavaMigration;
                public abstract class AbstractMigration extends BaseJavaMigration { }
                """);
        MigrationClassSource migration = declare("com.example.db.migration.V2__x", """
                package com.example.db.migration;
                import com.example.db.AbstractMigration;
                public class V2__x extends AbstractMigration { public void migrate(Object c) { } }
                """);
        MigrationClassSource helper = declare("com.example.db.migration.Helper", """
                package com.example.db.migration;
                public class Helper extends Object { }
                """);

        assertEquals(JavaMigrationSources.Reach.YES, sources.reachesFlyway(migration));
        assertEquals(JavaMigrationSources.Reach.UNKNOWN, sources.reachesFlyway(helper));
    }

    @Test
    void takesLiteralsConstantsTextBlocksAndConcatenationsHandedToJdbcInOrder() {
        MigrationSourceSql sql = sql("""
                package db.migration;
                import java.sql.Statement;
                import org.flywaydb.core.api.migration.*;
                public class V3__Backfill extends BaseJavaMigration {
                    private static final String TABLE = "person";
                    private static final String ADD = "ALTER TABLE " + TABLE + " ADD COLUMN brian VARCHAR(100)";
                    public void migrate(Context context) throws Exception {
                        try (Statement statement = context.getConnection().createStatement()) {
                            statement.execute(ADD);
                            statement.executeUpdate(\"""
                                UPDATE person SET brian = alice
                                \""");
                        }
                        context.getConnection().prepareStatement("UPDATE person SET brian = ? WHERE id = ?").execute();
                    }
                }
                """);

        assertTrue(sql.known(), sql.toString());
        assertEquals(List.of("ALTER TABLE person ADD COLUMN brian VARCHAR(100)", "UPDATE person SET brian = alice",
                "UPDATE person SET brian = ? WHERE id = ?"), sql.sql());
    }

    @Test
    void walksHelperMethodsInTheOrderMigrateCallsThemWithTheArgumentsBound() {
        MigrationSourceSql sql = sql("""
                package db.migration;
                import org.flywaydb.core.api.migration.*;
                import org.springframework.jdbc.core.JdbcTemplate;
                public class V3__Backfill extends BaseJavaMigration {
                    private JdbcTemplate jdbc;
                    private void second() { jdbc.batchUpdate("DELETE FROM a", "DELETE FROM b"); }
                    private void first(String table) { execute("DROP VIEW IF EXISTS " + table); }
                    private void execute(String sql) { jdbc.execute(sql); }
                    public void migrate(Context context) {
                        first("report");
                        second();
                        log.info("UPDATE done: SET nothing");
                    }
                }
                """);

        assertTrue(sql.known(), sql.toString());
        assertEquals(List.of("DROP VIEW IF EXISTS report", "DELETE FROM a", "DELETE FROM b"), sql.sql());
    }

    @Test
    void takesJdbiHandlesInLambdasAndLocalVariables() {
        MigrationSourceSql sql = sql("""
                package db.migration;
                import org.flywaydb.core.api.migration.*;
                import org.jdbi.v3.core.Jdbi;
                public class V3__Backfill implements JavaMigration {
                    public void migrate(Context context) {
                        final String view = "CREATE OR REPLACE VIEW facets_view AS SELECT * FROM facets";
                        Jdbi.create(context.getConnection()).useHandle(handle -> handle.execute(view));
                    }
                }
                """);

        assertEquals(List.of("CREATE OR REPLACE VIEW facets_view AS SELECT * FROM facets"), sql.sql());
    }

    @Test
    void followsMigrateIntoTheSuperclassAndBackIntoTheOverridesItCalls() {
        declare("com.example.AbstractViews", """
                package com.example;
                import java.util.List;
                import org.flywaydb.core.api.migration.*;
                public abstract class AbstractViews extends BaseJavaMigration {
                    public static final String CREATE = "CREATE VIEW v AS SELECT 1 AS one";
                    public void migrate(Context context) { runner.execute(context.getConnection(), commands()); }
                    protected List<Object> commands() { return List.of(SqlCommand.from(CREATE), extra()); }
                    protected abstract Object extra();
                }
                """);
        MigrationSourceSql sql = sources.sqlOf(declare("db.migration.V4__Views", """
                package db.migration;
                import com.example.AbstractViews;
                public class V4__Views extends AbstractViews {
                    protected Object extra() { return SqlCommand.from("CREATE INDEX i ON t (c)"); }
                }
                """));

        assertTrue(sql.known(), sql.toString());
        assertEquals(List.of("CREATE VIEW v AS SELECT 1 AS one", "CREATE INDEX i ON t (c)"), sql.sql());
    }

    @Test
    void saysSqlBuiltAtRunTimeIsUnknownAndWhere() {
        MigrationSourceSql sql = sql("""
                package db.migration;
                import org.flywaydb.core.api.migration.*;
                public class V3__Backfill extends BaseJavaMigration {
                    public void migrate(Context context) throws Exception {
                        drop(context, "person", "alice");
                    }
                    private static void drop(Context context, String table, String column) throws Exception {
                        context.getConnection().createStatement()
                                .execute(String.format("ALTER TABLE %s DROP COLUMN %s", table, column));
                    }
                }
                """);

        assertFalse(sql.known());
        assertTrue(sql.unknown().get().startsWith("the SQL it hands to execute(...) at"
                + " src/main/java/db/migration/V3__Backfill.java:8 is built at run time"), sql.unknown().get());
    }

    @Test
    void anEmptyMigrateRunsNothingAndAMigrateWithoutSqlIsUnknown() {
        assertEquals(new MigrationSourceSql(List.of(), Optional.empty()), sql("""
                package db.migration;
                public class V3__Backfill extends org.flywaydb.core.api.migration.BaseJavaMigration {
                    public void migrate(org.flywaydb.core.api.migration.Context context) { }
                }
                """));
        assertFalse(sources.sqlOf(declare("db.migration.V4__Copy", """
                package db.migration;
                public class V4__Copy extends org.flywaydb.core.api.migration.BaseJavaMigration {
                    public void migrate(org.flywaydb.core.api.migration.Context context) {
                        new Repository(context).copyEverything();
                    }
                }
                """)).known());
    }
}
