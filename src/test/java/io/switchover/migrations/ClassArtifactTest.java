package io.switchover.migrations;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Built artifacts: plain jars, Spring Boot fat jars and class folders, loaded apart from the gate's libraries. */
class ClassArtifactTest {
    private static final String HELPER = """
            package com.example.lib;
            public final class Tables {
                public static String create() { return "CREATE TABLE made_by_helper (id INT)"; }
            }
            """;
    private static final String MIGRATION = """
            package db.migration;
            import org.flywaydb.core.api.migration.BaseJavaMigration;
            import org.flywaydb.core.api.migration.Context;
            public class V1__Create extends BaseJavaMigration {
                public void migrate(Context context) throws Exception {
                    context.getConnection().createStatement().execute(com.example.lib.Tables.create());
                }
            }
            """;
    private static final String LOOKS_FOR_THE_GATE = """
            package db.migration;
            import org.flywaydb.core.api.migration.BaseJavaMigration;
            import org.flywaydb.core.api.migration.Context;
            public class V2__Gate extends BaseJavaMigration {
                public void migrate(Context context) throws Exception {
                    Class.forName("picocli.CommandLine", false, getClass().getClassLoader());
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void runsAMigrationOfAPlainJarAsTheGatesJavaMigration() throws Exception {
        Path classes = compile("all", Map.of("com/example/lib/Tables.java", HELPER, "db/migration/V1__Create.java",
                MIGRATION));
        Path jar = jar(temp.resolve("app.jar"), Map.of("", classes));

        try (ClassArtifact artifact = ClassArtifact.open(jar, "--classpath")) {
            assertTrue(artifact.has("db.migration.V1__Create"));
            assertFalse(artifact.has("db.migration.V9__Absent"));
            JavaMigration migration = artifact.instantiate("db.migration.V1__Create");
            assertEquals("1", migration.getVersion().getVersion());
            assertSame(JavaMigration.class, JavaMigration.class.getClassLoader().loadClass(
                    "org.flywaydb.core.api.migration.JavaMigration"), "Flyway's types are the gate's");
            assertEquals(List.of("made_by_helper"), run(migration));
        }
    }

    @Test
    void extractsASpringBootFatJarAndDeletesTheCopyOnClose() throws Exception {
        Path library = jar(temp.resolve("tables.jar"), Map.of("", compile("lib", Map.of("com/example/lib/Tables.java",
                HELPER))));
        Path classes = compile("app", Map.of("com/example/lib/Tables.java", HELPER, "db/migration/V1__Create.java",
                MIGRATION));
        Files.walk(classes.resolve("com")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        Path fat = jar(temp.resolve("boot.jar"), Map.of("BOOT-INF/classes/", classes),
                Map.of("BOOT-INF/lib/tables.jar", library));

        Path extracted;
        try (ClassArtifact artifact = ClassArtifact.open(fat, "--classpath")) {
            JavaMigration migration = artifact.instantiate("db.migration.V1__Create");
            assertEquals(List.of("made_by_helper"), run(migration));
            extracted = artifact.extractedTo().orElseThrow();
            assertTrue(Files.exists(extracted.resolve("lib/tables.jar")), "the fat jar is extracted to a temporary folder");
        }
        assertFalse(Files.exists(extracted), "the extracted copy is deleted");
    }

    @Test
    void readsAFolderOfClassesAndHidesTheGatesOwnLibraries() throws Exception {
        Path classes = compile("dir", Map.of("com/example/lib/Tables.java", HELPER, "db/migration/V1__Create.java",
                MIGRATION, "db/migration/V2__Gate.java", LOOKS_FOR_THE_GATE));

        try (ClassArtifact artifact = ClassArtifact.open(classes, "--classpath")) {
            assertEquals(List.of("made_by_helper"), run(artifact.instantiate("db.migration.V1__Create")));
            Exception hidden = assertThrows(ClassNotFoundException.class,
                    () -> artifact.instantiate("db.migration.V2__Gate").migrate(context(null)));
            assertTrue(hidden.getMessage().contains("picocli.CommandLine"), hidden.getMessage());
        }
    }

    @Test
    void refusesWhatIsNoArtifactInOneLine() throws IOException {
        SwitchoverException missing = assertThrows(SwitchoverException.class,
                () -> ClassArtifact.open(temp.resolve("nowhere.jar"), "--classpath"));
        Path text = Files.writeString(temp.resolve("notes.jar"), "not a zip");
        SwitchoverException notAJar = assertThrows(SwitchoverException.class,
                () -> ClassArtifact.open(text, "--prod-classpath"));

        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.getMessage().startsWith("--classpath " + temp.resolve("nowhere.jar") + " does not exist"),
                missing.getMessage());
        assertTrue(notAJar.getMessage().contains("is neither a jar nor a folder of classes"), notAJar.getMessage());
        assertFalse(notAJar.getMessage().contains("\n"));
    }

    /** Runs the migration on a fresh in-memory H2 and lists the tables it made. */
    private static List<String> run(JavaMigration migration) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:artifact" + System.nanoTime())) {
            migration.migrate(context(connection));
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            return tables;
        }
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    private Path compile(String name, Map<String, String> sources) throws IOException {
        Path source = Files.createDirectories(temp.resolve(name + "-src"));
        Path classes = Files.createDirectories(temp.resolve(name + "-classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"));
        for (Map.Entry<String, String> file : sources.entrySet()) {
            Path path = source.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            arguments.add(path.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, errors, errors, arguments.toArray(String[]::new)),
                errors.toString());
        return classes;
    }

    private static Path jar(Path jar, Map<String, Path> folders) throws IOException {
        return jar(jar, folders, Map.of());
    }

    /** A jar of folders' files under entry prefixes, plus files stored under given names. */
    private static Path jar(Path jar, Map<String, Path> folders, Map<String, Path> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, Path> folder : folders.entrySet()) {
                if (!folder.getKey().isEmpty()) {
                    zip.putNextEntry(new JarEntry(folder.getKey()));
                    zip.closeEntry();
                }
                try (Stream<Path> walk = Files.walk(folder.getValue())) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        zip.putNextEntry(new JarEntry(folder.getKey()
                                + folder.getValue().relativize(file).toString().replace('\\', '/')));
                        zip.write(Files.readAllBytes(file));
                        zip.closeEntry();
                    }
                }
            }
            for (Map.Entry<String, Path> file : files.entrySet()) {
                zip.putNextEntry(new JarEntry(file.getKey()));
                zip.write(Files.readAllBytes(file.getValue()));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
