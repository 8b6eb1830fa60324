package io.switchover.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether extraction got slower per statement (issue 13's condition): {@code switchover patterns} of the generated
 * service, run by two builds of the tool, each in a fresh JVM with the launcher's settings, the two taking turns;
 * prints each side's median wall time of five runs, the statements it found, the time per statement and the ratio.
 */
final class ExtractionComparison {
    private static final int RUNS = 5;
    private static final Pattern STATEMENTS = Pattern.compile("(\\d+) statement\\(s\\)");

    private ExtractionComparison() {
    }

    /** One side: a jar, and what its runs measured. */
    private record Side(Path jar, List<Double> seconds, int statements) {

        double median() {
            List<Double> sorted = seconds.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }

        double millisPerStatement() {
            return median() * 1000 / statements;
        }
    }

    static void compare(Path service, Path baselineJar, Path jar) throws IOException, InterruptedException {
        List<Double> baselineRuns = new ArrayList<>();
        List<Double> runs = new ArrayList<>();
        int baselineStatements = 0;
        int statements = 0;
        for (int run = 0; run < RUNS; run++) {
            baselineStatements = run(baselineJar, service, baselineRuns);
            statements = run(jar, service, runs);
        }
        Side before = new Side(baselineJar, baselineRuns, baselineStatements);
        Side after = new Side(jar, runs, statements);
        for (Side side : List.of(before, after)) {
            System.out.printf(Locale.ROOT, "%-45s patterns %6.2f s (median of %d, fresh JVMs)   %d statements"
                    + "   %.3f ms per statement%n", side.jar(), side.median(), RUNS, side.statements(),
                    side.millisPerStatement());
        }
        System.out.printf(Locale.ROOT, "extraction per statement, this build / baseline: %.2f%n",
                after.millisPerStatement() / before.millisPerStatement());
    }

    /** Runs {@code patterns} once, adds its wall time to {@code into}; the statements it listed. */
    private static int run(Path jar, Path service, List<Double> into) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms16m", "-jar", jar.toString(), "patterns",
                "--at", service.toString());
        Path output = Files.createTempFile("switchover-patterns", ".txt");
        try {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            int exit = process.waitFor();
            into.add((System.nanoTime() - started) / 1e9);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Matcher found = STATEMENTS.matcher(text);
            if (exit != 0 || !found.find()) {
                throw new IllegalStateException(jar + " patterns exited with " + exit + ": "
                        + text.lines().reduce((a, b) -> b).orElse(""));
            }
            return Integer.parseInt(found.group(1));
        } finally {
            Files.delete(output);
        }
    }
}
