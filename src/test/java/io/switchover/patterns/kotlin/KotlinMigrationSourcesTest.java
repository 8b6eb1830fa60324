package io.switchover.patterns.kotlin;

import io.switchover.patterns.JavaMigrationSources;
import io.switchover.patterns.MigrationClassSource;
import io.switchover.patterns.MigrationSourceSql;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KotlinMigrationSourcesTest {
    private static final String PATH = "src/main/kotlin/db/migration/V176__migrer.kt";
    private final KotlinMigrationSources sources = new KotlinMigrationSources();

    private MigrationSourceSql sql(String text) {
        return sql(PATH, text);
    }

    private MigrationSourceSql sql(String path, String text) {
        List<MigrationClassSource> declared = sources.declaredIn(path, text);
        return sources.sqlOf(declared.get(0));
    }

    @Test
    void readsTheClassItsPackageSupertypeAndLiteralVersion() {
        List<MigrationClassSource> declared = sources.declaredIn(PATH, """
                @file:Suppress("ClassName")

                package db.migration

                import org.flywaydb.core.api.MigrationVersion
                import org.flywaydb.core.api.migration.BaseJavaMigration
                import org.flywaydb.core.api.migration.Context

                internal class V176__migrer(private val unused: String = "") : BaseJavaMigration() {
                    override fun getVersion(): MigrationVersion = MigrationVersion.fromVersion("176.1")
                    override fun getDescription() = "migrer"
                    override fun migrate(context: Context) {}
                }

                abstract class Helper : BaseJavaMigration()
                """);

        assertEquals(2, declared.size());
        MigrationClassSource migration = declared.get(0);
        assertEquals("db.migration.V176__migrer", migration.qualifiedName());
        assertEquals(List.of("org.flywaydb.core.api.migration.BaseJavaMigration"), migration.supertypes());
        assertEquals(Optional.of("176.1"), migration.version());
        assertEquals(Optional.of("migrer"), migration.description());
        assertTrue(migration.concrete());
        assertFalse(declared.get(1).concrete());
        assertEquals(JavaMigrationSources.Reach.YES, sources.reachesFlyway(migration));
    }

    @Test
    void takesRawStringsQueryOfNamedArgumentsAndLocalValsInTheOrderMigrateRunsThem() {
        MigrationSourceSql sql = sql("""
                package db.migration

                import kotliquery.queryOf
                import org.flywaydb.core.api.migration.BaseJavaMigration
                import org.flywaydb.core.api.migration.Context

                private const val TABLE = "statistikk"

                class V176__migrer : BaseJavaMigration() {
                    override fun migrate(context: Context) {
                        val view = \"""
                            CREATE VIEW ${TABLE}_view AS
                            SELECT id FROM $TABLE
                        \""".trimIndent()
                        context.connection.createStatement().use { it.execute(view) }
                        oppdater(session)
                    }

                    private fun oppdater(session: Session): Int =
                        session.run(queryOf(statement = "update statistikk set sist_endret = :naa", "naa" to naa).asUpdate)
                }
                """);

        assertTrue(sql.known(), sql.toString());
        assertEquals(List.of("CREATE VIEW statistikk_view AS\nSELECT id FROM statistikk",
                "update statistikk set sist_endret = :naa"), sql.sql());
    }

    @Test
    void saysATemplateKnownOnlyAtRunTimeIsUnknown() {
        MigrationSourceSql sql = sql("""
                package db.migration

                import io.airbyte.db.instance.DatabaseConstants.PRIVATE_LINK_TABLE
                import org.flywaydb.core.api.migration.BaseJavaMigration

                class V176__migrer : BaseJavaMigration() {
                  override fun migrate(context: Context) {
                    val ctx = DSL.using(context.connection)
                    ctx.execute("UPDATE $PRIVATE_LINK_TABLE SET x = 1")
                  }
                }
                """);

        assertFalse(sql.known());
        assertTrue(sql.unknown().get().contains("execute(...) at " + PATH + ":9 is built at run time"),
                sql.unknown().get());
    }

    @Test
    void anEmptyMigrateRunsNothingAndJooqsDslIsUnknown() {
        assertEquals(new MigrationSourceSql(List.of(), Optional.empty()), sql("""
                package db.migration
                class V176__migrer : BaseJavaMigration() {
                    override fun migrate(context: Context) {
                        // allerede kjørt
                    }
                }
                """));
        assertFalse(sql("src/main/kotlin/db/migration/V177__jooq.kt", """
                package db.migration
                class V177__jooq : BaseJavaMigration() {
                  override fun migrate(context: Context) {
                    DSL.using(context.connection).alterTable("private_link").dropColumnIfExists("service_type").execute()
                  }
                }
                """).known());
    }
}
