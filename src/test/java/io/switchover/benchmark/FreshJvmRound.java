package io.switchover.benchmark;

import io.switchover.check.CheckRequest;
import io.switchover.check.SwitchoverCheck;
import io.switchover.replay.BaselineCache;
import io.switchover.replay.H2Engine;
import io.switchover.replay.ReplayDatabase;
import io.switchover.rules.Severity;
import io.switchover.snapshot.DirectorySnapshot;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One round of the benchmark in a JVM of its own, as the command line runs: nothing loaded, nothing compiled yet.
 * {@code check <prod> <candidate>} runs a check on H2, {@code plan <prod> <candidate> <state>...} the same check
 * planning through the recorded states, {@code check-cached <prod> <candidate> <cache>} a check whose production
 * baseline is cached in the folder, {@code migrate <candidate>} a plain Flyway migrate on H2. With
 * {@code -Dswitchover.benchmark.peak=true} a round prints, as it ends, the most memory its process held resident.
 */
public final class FreshJvmRound {
    /** The system property that makes a round print its peak resident memory as {@code peak=<kB>}. */
    private static final String PEAK = "switchover.benchmark.peak";

    public static void main(String[] args) throws IOException {
        round(args);
        if (Boolean.getBoolean(PEAK)) {
            // The kernel's high-water mark of this process's resident memory, read as it ends.
            System.out.println(Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:")).findFirst()
                    .map(line -> "peak=" + line.replaceAll("\\D", "")).orElse("peak=unknown"));
        }
    }

    private static void round(String[] args) {
        if (args[0].equals("postgres-check")) {
            postgresCheck(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        H2Engine h2 = new H2Engine();
        if (args[0].equals("check-cached")) {
            new SwitchoverCheck(BaselineCache.at(Path.of(args[3]), 1L << 32),
                    io.switchover.patterns.ExtractionCache.at(Path.of(args[3]), 1L << 30)).run(CheckRequest.of(
                    DirectorySnapshot.of(Path.of(args[1])), DirectorySnapshot.of(Path.of(args[2])), List.of(), List.of(),
                    h2, Severity.ERROR));
        } else if (args[0].equals("check") || args[0].equals("plan")) {
            CheckRequest request = CheckRequest.of(DirectorySnapshot.of(Path.of(args[1])),
                    DirectorySnapshot.of(Path.of(args[2])), List.of(), List.of(), h2, Severity.ERROR);
            if (args[0].equals("plan")) {
                List<io.switchover.snapshot.Snapshot> states = java.util.Arrays.stream(args, 3, args.length)
                        .map(state -> (io.switchover.snapshot.Snapshot) DirectorySnapshot.of(Path.of(state))).toList();
                request = request.withServices(List.of(request.services().get(0).withIntermediates(states)));
            }
            new SwitchoverCheck().run(request);
        } else if (args[0].equals("migrate-postgres")) {
            migrateOnServer(Path.of(args[1]), args[2]);
        } else {
            // As a deployment runs it: Flyway finds the files itself.
            try (ReplayDatabase db = h2.create()) {
                Flyway.configure().locations("filesystem:" + Path.of(args[1], "db", "migration"))
                        .dataSource(db.url(), db.user(), db.password()).load().migrate();
            }
        }
    }

    /**
     * {@code migrate-postgres <candidate> <admin-url>}: a plain migrate as a deployment runs it, on a database of its
     * own that it creates on the server at {@code admin-url} and drops again.
     */
    private static void migrateOnServer(Path candidate, String adminUrl) {
        String database = "switchover_benchmark_" + ProcessHandle.current().pid();
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(adminUrl)) {
            admin.createStatement().execute("CREATE DATABASE " + database);
            try {
                Flyway.configure().locations("filesystem:" + candidate.resolve("db").resolve("migration"))
                        .dataSource(ServerRounds.urlOf(adminUrl, database), null, null).load().migrate();
            } finally {
                admin.createStatement().execute("DROP DATABASE " + database);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot migrate on " + adminUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code postgres-check <prod> <candidate> <warm-up> <rounds>}: checks on one embedded PostgreSQL started for this
     * JVM, and prints the best time of the rounds after the warm-up ones as {@code best=<seconds>}.
     */
    private static void postgresCheck(Path prod, Path candidate, int warmUp, int rounds) {
        double best = Double.MAX_VALUE;
        try (io.switchover.replay.EmbeddedPostgresEngine postgres = io.switchover.replay.EmbeddedPostgresEngine.shared()) {
            for (int round = 0; round < warmUp + rounds; round++) {
                long started = System.nanoTime();
                new SwitchoverCheck().run(CheckRequest.of(DirectorySnapshot.of(prod), DirectorySnapshot.of(candidate),
                        List.of(), List.of(), postgres, Severity.ERROR));
                double seconds = (System.nanoTime() - started) / 1e9;
                if (round >= warmUp) {
                    best = Math.min(best, seconds);
                }
            }
        }
        System.out.println("best=" + best);
    }

    /** What {@code postgres-check} printed, run in a fresh JVM with the given system properties. */
    static double reportedBest(List<String> properties, String... args) throws IOException, InterruptedException {
        return Double.parseDouble(printed("best=([0-9.Ee-]+)", properties, args));
    }

    /** The peak resident memory in kB of a fresh JVM started with {@code options} running one round. */
    static long peakKilobytes(List<String> options, String... args) throws IOException, InterruptedException {
        List<String> properties = new ArrayList<>(options);
        properties.add("-D" + PEAK + "=true");
        return Long.parseLong(printed("peak=([0-9]+)", properties, args));
    }

    /** The first group of {@code pattern} in what a fresh JVM with {@code options} running {@code args} printed. */
    private static String printed(String pattern, List<String> options, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", classpath(), FreshJvmRound.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int exit = process.waitFor();
        java.util.regex.Matcher found = java.util.regex.Pattern.compile(pattern).matcher(output);
        if (exit != 0 || !found.find()) {
            throw new IllegalStateException("a fresh JVM running " + String.join(" ", args) + " exited with " + exit
                    + ": " + output.lines().reduce((a, b) -> b).orElse(""));
        }
        return found.group(1);
    }

    /**
     * The JVM options the launcher gives every run ({@code jvm=(...)} in {@code bin/switchover}), without the class
     * data archive, which belongs to the jar and not to a classpath of classes.
     */
    static List<String> launcherOptions(Path launcher) throws IOException {
        java.util.regex.Matcher options = java.util.regex.Pattern.compile("(?m)^jvm=\\(([^)]*)\\)")
                .matcher(Files.readString(launcher));
        if (!options.find()) {
            throw new IllegalStateException(launcher + " has no jvm=(...) line of JVM options");
        }
        return List.of(options.group(1).trim().split("\\s+"));
    }

    /** The wall time of a fresh JVM running one round, JVM start included. */
    static double seconds(String... args) throws IOException, InterruptedException {
        return seconds(List.of(), args);
    }

    /** The wall time of a fresh JVM started with {@code options} running one round, JVM start included. */
    static double seconds(List<String> options, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", classpath(), FreshJvmRound.class.getName()));
        command.addAll(List.of(args));
        return timed(command, 0, new ProcessBuilder(command));
    }

    /**
     * The wall time of {@code switchover <args>} as a user runs it: the launcher, the jar {@code jar} with its class
     * data archive, and the launcher's JVM options. A check's verdict may be FAIL (exit 1); any other exit but 0 is an
     * error.
     */
    static double launcherSeconds(Path launcher, Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SWITCHOVER_JAR", jar.toAbsolutePath().toString());
        builder.environment().remove("JAVA_OPTS");
        return timed(command, 1, builder);
    }

    private static double timed(List<String> command, int highestExit, ProcessBuilder builder)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("switchover-round", ".out");
        try {
            long started = System.nanoTime();
            Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (exit < 0 || exit > highestExit) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ": "
                        + Files.readAllLines(output).stream().reduce((a, b) -> b).orElse(""));
            }
            return seconds;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Under {@code mvn exec:java} the test classpath is the class loader's, not the JVM's. */
    private static String classpath() {
        if (FreshJvmRound.class.getClassLoader() instanceof URLClassLoader loader) {
            return Stream.of(loader.getURLs()).map(FreshJvmRound::path).collect(Collectors.joining(java.io.File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    private FreshJvmRound() {
    }
}
