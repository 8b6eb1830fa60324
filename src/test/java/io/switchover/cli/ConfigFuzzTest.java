package io.switchover.cli;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Mutated and generated {@code switchover.yml} files never break the exit-code contract: a valid one runs the check,
 * anything else is one line of bad input, however deep, large, ambiguous or binary it is.
 */
class ConfigFuzzTest {
    private static final String STORY = "sample-migrations/alice-to-brian/";
    private static final List<String> VALID = List.of("""
            order: migrate-first
            engine: h2
            naming: spring
            placeholders:
              reporting_role: reporting
            rules:
              locking-ddl: off
            """, """
            migrations:
              locations: [db/migration]
            dialect: h2
            rules: {type-change-may-not-fit: error}
            """, """
            order: code-first
            engine: auto
            placeholders: {a: b, c: "d"}
            """);
    private static final String NOISE = "[]{}:,&*!|>-#?'\"%@` \t\n\\\u0000\u00e9\uFEFF";

    private Path file;

    @Property(tries = 120)
    void anyConfigurationEndsInAnExitCodeOfTheContract(@ForAll("configurations") String yaml) throws IOException {
        file = Files.createTempFile("switchover", ".yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);

        ExitCodeContract.assertKept(CommandLineRun.of("check", "--config", file.toString(), "--prod",
                STORY + "deploy-4", "--candidate", STORY + "deploy-5", "--engine", "h2"));
    }

    @AfterTry
    void deleteTheFile() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<String> configurations() {
        Arbitrary<String> valid = Arbitraries.of(VALID);
        return Arbitraries.oneOf(valid, valid.flatMap(ConfigFuzzTest::mutated),
                valid.flatMap(ConfigFuzzTest::mutated).flatMap(ConfigFuzzTest::mutated), nested(), aliasBombs(),
                Arbitraries.strings().withChars(NOISE + "abc").ofMaxLength(200));
    }

    /** Noise inserted, a line doubled or deleted, a value replaced, the text cut short. */
    private static Arbitrary<String> mutated(String yaml) {
        List<String> lines = yaml.lines().toList();
        Arbitrary<Integer> position = Arbitraries.integers().between(0, yaml.length());
        Arbitrary<String> noise = Arbitraries.strings().withChars(NOISE).ofMinLength(1).ofMaxLength(8);
        if (lines.isEmpty()) {
            return noise.map(text -> yaml + text);
        }
        Arbitrary<Integer> line = Arbitraries.integers().between(0, lines.size() - 1);
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("cobol", "99999999999999999999", "~", "null",
                "!!binary AAAA", "*undefined", "&a", "[", "{", "'", "\"", "x".repeat(100_000)),
                Arbitraries.strings().ofMaxLength(30));
        return Arbitraries.oneOf(
                Combinators.combine(position, noise).as((at, text) -> yaml.substring(0, at) + text + yaml.substring(at)),
                line.map(at -> String.join("\n", lines) + "\n" + lines.get(at) + "\n"),
                line.map(at -> String.join("\n", lines.subList(0, at)) + "\n"
                        + String.join("\n", lines.subList(at + 1, lines.size())) + "\n"),
                Combinators.combine(line, value).as((at, text) -> {
                    String target = lines.get(at);
                    int colon = target.indexOf(':');
                    String replaced = colon < 0 ? text : target.substring(0, colon + 1) + " " + text;
                    return yaml.replace(target, replaced);
                }),
                position.map(at -> yaml.substring(0, at)));
    }

    /** Flow or block collections nested up to thousands deep, at a key the format knows or not. */
    private static Arbitrary<String> nested() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(1, 5_000);
        Arbitrary<String> key = Arbitraries.of("services", "rules", "placeholders", "migrations", "deep");
        return Arbitraries.oneOf(
                Combinators.combine(key, depth).as((k, n) -> k + ": " + "[".repeat(n) + "]".repeat(n) + "\n"),
                Combinators.combine(key, depth).as((k, n) -> k + ": " + "{a: ".repeat(n) + "1" + "}".repeat(n) + "\n"),
                Combinators.combine(key, depth.map(n -> Math.min(n, 300))).as((k, n) -> {
                    StringBuilder yaml = new StringBuilder(k).append(":\n");
                    for (int i = 1; i <= n; i++) {
                        yaml.append("  ".repeat(i)).append("- ");
                        yaml.append(i == n ? "x" : "").append("\n");
                    }
                    return yaml.toString();
                }));
    }

    /** Anchors and aliases that expand exponentially, placed where a value is expected. */
    private static Arbitrary<String> aliasBombs() {
        return Arbitraries.integers().between(2, 12).map(levels -> {
            StringBuilder yaml = new StringBuilder("placeholders:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < levels; i++) {
                yaml.append("  a").append(i).append(": &a").append(i).append(" [")
                        .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
            }
            return yaml.toString();
        });
    }
}
