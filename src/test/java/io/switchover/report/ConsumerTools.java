package io.switchover.report;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real consumers of the reports that are not Java libraries: SARIF Multitool, the GitHub workflow validator and
 * a JUnit parser from the npm registry, Debian's Chromium. {@code .ci/run} installs them ({@code npm install} into
 * {@code $SWITCHOVER_TOOLS}, default {@code ~/.cache/switchover-tools}; {@code apt-get install chromium}). Without
 * them a test is skipped on a developer's machine and fails in CI ({@code CI=true}), so that CI never passes by
 * skipping.
 */
final class ConsumerTools {
    private ConsumerTools() {
    }

    static Path home() {
        String configured = System.getenv("SWITCHOVER_TOOLS");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "switchover-tools");
    }

    /** A file of an npm package installed under the tools' home. */
    static Path npm(String relative) {
        return require(home().resolve("node_modules").resolve(relative), "npm package file node_modules/" + relative);
    }

    static Path chromium() {
        return require(Path.of("/usr/bin/chromium"), "Debian's chromium");
    }

    static Path node() {
        return require(Path.of("/usr/bin/node"), "node");
    }

    private static Path require(Path tool, String what) {
        if (!Files.exists(tool)) {
            String message = what + " is missing at " + tool + " (.ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return tool;
    }

    record Run(int exitCode, String output) {
    }

    /** Runs a tool to its end (a minute at most), with standard error folded into the output. */
    static Run run(Path directory, List<String> command) {
        try {
            Path log = Files.createTempFile("switchover-tool", ".log");
            try {
                Process process = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    Assertions.fail(command + " did not finish within 60 s");
                }
                return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
