package io.switchover.replay;

import io.switchover.migrations.HistoryTable;
import io.switchover.migrations.MigrationReader;
import io.switchover.migrations.MigrationSet;
import io.switchover.migrations.ProductionSchema;
import io.switchover.migrations.ProductionSchemaReader;
import io.switchover.snapshot.InMemorySnapshot;
import io.switchover.timeline.SchemaCatalog;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production's schema read from its catalog by a role that may read nothing else, loaded into a fresh replay database:
 * the same tables, columns, types, constraints and objects as production's, and Flyway's history saying production's
 * migrations are applied, so that only the batch runs next.
 */
class ProductionSchemaRoundTripTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final InMemorySnapshot POSTGRES_PRODUCTION = new InMemorySnapshot("prod")
            .with("db/migration/V1__customers.sql", """
                    CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                    CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
                    CREATE SEQUENCE order_number START 1000;
                    CREATE TABLE customer (
                        id      bigserial PRIMARY KEY,
                        email   text NOT NULL UNIQUE,
                        mood    mood DEFAULT 'ok',
                        created timestamptz NOT NULL DEFAULT now()
                    );
                    CREATE TABLE "Order" (
                        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
                        number      int NOT NULL DEFAULT nextval('order_number'),
                        quantity    positive_int,
                        price       numeric(10, 2) CHECK (price >= 0),
                        total       numeric GENERATED ALWAYS AS (price * quantity) STORED
                    );
                    CREATE INDEX order_customer ON "Order" (customer_id) WHERE quantity > 1;
                    """)
            .with("db/migration/V2__events_and_views.sql", """
                    CREATE TABLE event (id bigint, at date NOT NULL, payload jsonb) PARTITION BY RANGE (at);
                    CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                    CREATE INDEX event_at ON event (at);
                    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        NEW.created := now();
                        RETURN NEW;
                    END $$;
                    CREATE TRIGGER customer_touch BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION touch();
                    CREATE VIEW early AS SELECT id, email FROM customer;
                    CREATE VIEW happy AS SELECT id, email FROM customer WHERE mood = 'happy';
                    -- made before the view it now reads: creation order is not dependency order
                    CREATE OR REPLACE VIEW early AS SELECT id, email FROM happy WHERE id < 100;
                    CREATE MATERIALIZED VIEW order_count AS SELECT customer_id, count(*) AS n FROM "Order" GROUP BY customer_id;
                    CREATE UNIQUE INDEX order_count_customer ON order_count (customer_id);
                    """);

    @Test
    void postgresSchemaReadByACatalogOnlyRoleLoadsAsProductionsState() throws SQLException {
        Assumptions.assumeTrue(up(POSTGRES + "postgres?user=postgres"), "PostgreSQL on 127.0.0.1:5432");
        String name = "gate_schema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = POSTGRES + "postgres?user=postgres";
        execute(admin, "CREATE DATABASE " + name, "CREATE ROLE " + name + "_ro LOGIN");
        ServerEngine engine = ServerEngine.postgres(ServerUrl.parse(admin, "test"), Credentials.of("postgres", null),
                Duration.ofHours(1));
        try {
            MigrationSet production = new MigrationReader().read(POSTGRES_PRODUCTION, List.of("db/migration"));
            production.flyway().dataSource(POSTGRES + name, "postgres", null).load().migrate();

            ProductionSchema schema = new ProductionSchemaReader().read(POSTGRES + name, name + "_ro", null,
                    HistoryTable.defaults(), TIMEOUT);
            SQLException denied = assertThrows(SQLException.class,
                    () -> execute(POSTGRES + name + "?user=" + name + "_ro", "SELECT * FROM customer"));
            assertEquals("42501", denied.getSQLState(), "the role reads the catalog and no row: " + denied.getMessage());
            assertTrue(schema.toSql().startsWith("-- switchover production schema\n-- dialect: postgresql\n"));

            try (ReplayDatabase db = engine.create()) {
                ProductionSchemaLoader.load(db, ProductionSchema.parse(schema.toSql(), "export.sql"),
                        production.flyway().dataSource(db.url(), db.user(), db.password()));
                assertSameSchema(POSTGRES + name + "?user=postgres", db);
                try (Connection production2 = DriverManager.getConnection(POSTGRES + name + "?user=postgres");
                     Connection replay = db.connect()) {
                    assertEquals(postgresObjects(production2), postgresObjects(replay));
                }
                MigrationInfo[] applied = production.flyway().dataSource(db.url(), db.user(), db.password()).load()
                        .info().applied();
                assertEquals(List.of("1", "2"), java.util.Arrays.stream(applied)
                        .map(m -> m.getVersion().getVersion()).toList());
                assertEquals(0, production.flyway().dataSource(db.url(), db.user(), db.password()).load()
                        .info().pending().length, "nothing of production's is left to apply");
            }
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "DROP ROLE IF EXISTS " + name + "_ro");
        }
    }

    private static final InMemorySnapshot MARIADB_PRODUCTION = new InMemorySnapshot("prod")
            .with("db/migration/V1__customers.sql", """
                    CREATE TABLE customer (
                        id      BIGINT AUTO_INCREMENT PRIMARY KEY,
                        email   VARCHAR(200) NOT NULL,
                        mood    ENUM('sad', 'ok', 'happy') DEFAULT 'ok',
                        created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                        note    TEXT,
                        UNIQUE KEY customer_email (email),
                        CONSTRAINT customer_note CHECK (note <> '')
                    );
                    CREATE TABLE `order` (
                        id          BIGINT AUTO_INCREMENT PRIMARY KEY,
                        customer_id BIGINT NOT NULL,
                        price       DECIMAL(10, 2) NOT NULL DEFAULT 0,
                        quantity    INT NOT NULL,
                        total       DECIMAL(12, 2) AS (price * quantity) STORED,
                        KEY order_customer (customer_id, quantity),
                        CONSTRAINT order_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
                    );
                    CREATE VIEW happy AS SELECT id, email FROM customer WHERE mood = 'happy';
                    CREATE VIEW a_early AS SELECT id FROM happy WHERE id < 100;
                    """)
            .with("db/migration/V2__trigger.sql", """
                    CREATE TRIGGER customer_email_lower BEFORE INSERT ON customer FOR EACH ROW
                    SET NEW.email = LOWER(NEW.email);
                    """);

    @Test
    void mariaDbSchemaReadFromInformationSchemaLoadsAsProductionsState() throws SQLException {
        Assumptions.assumeTrue(up(MARIADB + "mysql?user=root"), "MariaDB on 127.0.0.1:3306");
        String name = "gate_schema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = MARIADB + "mysql?user=root";
        execute(admin, "CREATE DATABASE " + name, "CREATE USER " + name + "_ro");
        ServerEngine engine = ServerEngine.mariadb(ServerUrl.parse(admin, "test"), Credentials.of("root", null),
                Duration.ofHours(1));
        try {
            MigrationSet production = new MigrationReader().read(MARIADB_PRODUCTION, List.of("db/migration"));
            production.flyway().dataSource(MARIADB + name, "root", null).load().migrate();
            // Metadata and no table's rows: REFERENCES to see the tables, TRIGGER for the triggers; MariaDB shows a
            // view's text only to who may also SELECT from it.
            execute(admin, "GRANT REFERENCES, TRIGGER, SHOW VIEW ON " + name + ".* TO " + name + "_ro",
                    "GRANT SELECT ON " + name + ".happy TO " + name + "_ro",
                    "GRANT SELECT ON " + name + ".a_early TO " + name + "_ro");

            ProductionSchema schema = new ProductionSchemaReader().read(MARIADB + name, name + "_ro", null,
                    HistoryTable.defaults(), TIMEOUT);
            SQLException denied = assertThrows(SQLException.class,
                    () -> execute(MARIADB + name + "?user=" + name + "_ro", "SELECT * FROM customer"));
            assertEquals(1142, denied.getErrorCode(), "the user reads no row: " + denied.getMessage());
            assertEquals(List.of(), schema.notes(), schema.toSql());

            try (ReplayDatabase db = engine.create()) {
                ProductionSchemaLoader.load(db, ProductionSchema.parse(schema.toSql(), "export.sql"),
                        production.flyway().dataSource(db.url(), db.user(), db.password()));
                assertSameSchema(MARIADB + name + "?user=root", db);
                assertEquals(0, production.flyway().dataSource(db.url(), db.user(), db.password()).load()
                        .info().pending().length, "nothing of production's is left to apply");
            }
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + name, "DROP USER IF EXISTS " + name + "_ro");
        }
    }

    private static void assertSameSchema(String productionUrl, ReplayDatabase loaded) throws SQLException {
        SchemaCatalogReader reader = new SchemaCatalogReader("flyway_schema_history");
        try (Connection production = DriverManager.getConnection(productionUrl);
             Connection replay = loaded.connect()) {
            SchemaCatalog expected = reader.read(production);
            SchemaCatalog actual = reader.read(replay);
            assertEquals(expected.tables().keySet(), actual.tables().keySet());
            for (String table : expected.tables().keySet()) {
                assertEquals(expected.tables().get(table), actual.tables().get(table), table);
            }
            assertEquals(expected.objects(), actual.objects());
        }
    }

    /** Indexes, constraints, triggers and views as PostgreSQL prints them, without the schema's name. */
    private static List<String> postgresObjects(Connection connection) throws SQLException {
        String sql = "SELECT 'index ' || indexname || ': ' || replace(indexdef, schemaname || '.', '') FROM pg_indexes"
                + " WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'"
                + " UNION ALL SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE connamespace = current_schema()::regnamespace AND conname NOT LIKE 'flyway%'"
                + " UNION ALL SELECT 'trigger ' || tgname || ': ' || pg_get_triggerdef(oid) FROM pg_trigger"
                + " WHERE NOT tgisinternal"
                + " UNION ALL SELECT 'view ' || viewname || ': ' || definition FROM pg_views"
                + " WHERE schemaname = current_schema()"
                + " UNION ALL SELECT 'matview ' || matviewname || ': ' || definition FROM pg_matviews"
                + " WHERE schemaname = current_schema() ORDER BY 1";
        List<String> objects = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement(); java.sql.ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                objects.add(rs.getString(1));
            }
        }
        assertTrue(objects.size() > 10, objects.toString());
        return objects;
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static boolean up(String url) {
        try {
            DriverManager.getConnection(url).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
