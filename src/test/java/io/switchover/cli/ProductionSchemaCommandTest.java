package io.switchover.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production has a view a person made by hand (a hot-fix no migration knows) that the running code reads, and the
 * batch drops, with CASCADE, a column the view is built on. Replayed from the migrations, the view is not there and
 * the code's query cannot be checked; replayed from production's schema, exported by a role that reads the catalog
 * and no row, the break is found, and the drift is named.
 */
class ProductionSchemaCommandTest {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    @TempDir
    Path temp;

    @Test
    void checkFromProductionsExportedSchemaFindsWhatTheMigrationsDoNotKnow() throws Exception {
        Assumptions.assumeTrue(up(POSTGRES + "postgres?user=postgres"), "PostgreSQL on 127.0.0.1:5432");
        String name = "gate_drift_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = POSTGRES + "postgres?user=postgres";
        Path prod = project("prod", false);
        Path candidate = project("candidate", true);
        execute(admin, "CREATE DATABASE " + name, "CREATE ROLE " + name + "_ro LOGIN");
        try {
            org.flywaydb.core.Flyway.configure().locations("filesystem:" + prod.resolve("db/migration"))
                    .dataSource(POSTGRES + name, "postgres", null).load().migrate();
            execute(POSTGRES + name + "?user=postgres",
                    "CREATE VIEW open_orders AS SELECT id, amount FROM orders WHERE status = 'open'",
                    "ALTER TABLE orders ADD COLUMN note text");

            Path export = temp.resolve("prod-schema.sql");
            CommandLineRun snapshot = CommandLineRun.of("snapshot-prod", "--schema", "--prod-history",
                    POSTGRES + name + "?user=" + name + "_ro", "--output", export.toString());
            assertEquals(0, snapshot.exitCode(), snapshot.err());
            assertTrue(snapshot.out().startsWith("wrote the schema of "), snapshot.out());
            assertTrue(Files.readString(export).contains("CREATE VIEW open_orders AS"), Files.readString(export));

            String[] engine = {"--engine", "postgres", "--engine-url", admin};
            CommandLineRun fromMigrations = CommandLineRun.of(concat(new String[] {"check", "--prod", prod.toString(),
                    "--candidate", candidate.toString()}, engine));
            assertEquals(0, fromMigrations.exitCode(), fromMigrations.out() + fromMigrations.err());
            assertTrue(fromMigrations.out().contains("cannot be checked"), fromMigrations.out());

            CommandLineRun fromSchema = CommandLineRun.of(concat(new String[] {"check", "--prod", prod.toString(),
                    "--candidate", candidate.toString(), "--prod-schema", export.toString()}, engine));
            assertEquals(1, fromSchema.exitCode(), fromSchema.out() + fromSchema.err());
            assertTrue(fromSchema.out().contains("V2__drop_status.sql"), fromSchema.out());
            assertTrue(fromSchema.out().contains("OrderRepository.java:4"), fromSchema.out());
            assertTrue(fromSchema.out().contains("drift: production has view open_orders, which its migrations do not"
                    + " create"), fromSchema.out());
            assertTrue(fromSchema.out().contains("drift: production has column orders.note (text), which its"
                    + " migrations do not create"), fromSchema.out());

            CommandLineRun onH2 = CommandLineRun.of("check", "--prod", prod.toString(), "--candidate",
                    candidate.toString(), "--prod-schema", export.toString(), "--engine", "h2");
            assertEquals(2, onH2.exitCode(), onH2.out() + onH2.err());
            assertTrue(onH2.err().contains("loads only on PostgreSQL"), onH2.err());
        } finally {
            execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "DROP ROLE IF EXISTS " + name + "_ro");
        }
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedInOneLine() throws IOException {
        Path prod = project("prod", false);
        Path notAnExport = Files.writeString(temp.resolve("schema.sql"), "CREATE TABLE x (id int);");
        CommandLineRun run = CommandLineRun.of("check", "--prod", prod.toString(), "--candidate", prod.toString(),
                "--prod-schema", notAnExport.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("is not a schema export of switchover snapshot-prod --schema"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    private Path project(String name, boolean dropsStatus) throws IOException {
        Path root = temp.resolve(name);
        Files.createDirectories(root.resolve("db/migration"));
        Files.createDirectories(root.resolve("src/main/java/com/example"));
        Files.writeString(root.resolve("db/migration/V1__orders.sql"),
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(20) NOT NULL, amount NUMERIC(10, 2));\n",
                StandardCharsets.UTF_8);
        if (dropsStatus) {
            Files.writeString(root.resolve("db/migration/V2__drop_status.sql"),
                    "ALTER TABLE orders DROP COLUMN status CASCADE;\n", StandardCharsets.UTF_8);
        }
        Files.writeString(root.resolve("src/main/java/com/example/OrderRepository.java"), """
                package com.example;
                class OrderRepository {
                    static final String OPEN =
                            "SELECT id, amount FROM open_orders WHERE id = ?";
                }
                """, StandardCharsets.UTF_8);
        return root;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
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
