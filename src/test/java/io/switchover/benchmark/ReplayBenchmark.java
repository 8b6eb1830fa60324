package io.switchover.benchmark;

import io.switchover.check.CheckRequest;
import io.switchover.check.SwitchoverCheck;
import io.switchover.migrations.MigrationReader;
import io.switchover.migrations.MigrationSet;
import io.switchover.patterns.ExtractionCache;
import io.switchover.replay.BaselineCache;
import io.switchover.replay.EmbeddedPostgresEngine;
import io.switchover.replay.H2Engine;
import io.switchover.replay.LockObserver;
import io.switchover.replay.ReplayDatabase;
import io.switchover.replay.ReplayEngine;
import io.switchover.report.Report;
import io.switchover.rules.Severity;
import io.switchover.snapshot.DirectorySnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How much a {@code check} costs next to what a deployment costs anyway: on one engine, in one run, the time of a
 * whole check (migrations read, SQL extracted, production replayed, batch stepped and probed, rules) against a plain
 * Flyway migrate of the same migrations on a fresh database. Generates a project of N applied migrations, a batch of
 * B and a service of M distinct statements.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=io.switchover.benchmark.ReplayBenchmark -Dexec.classpathScope=test
 *     [-Dexec.args="500 50 5000"]</pre>
 * With {@code -Dexec.args="generate <folder> [N B M]"} it only writes the two projects and the ten versions the plan's
 * line records between them, to run or profile a check or a plan of them from the command line. With
 * {@code -Dexec.args="extraction <baseline.jar> [<jar> [M]]"} it compares the extraction of the generated service by
 * an earlier build with this one's ({@code target/switchover.jar}), per statement ({@link ExtractionComparison}). With
 * {@code -Dexec.args="memory [N B M]"} (2,000 / 100 / 20,000 unless told) it measures only peak resident memory, each
 * side in a fresh JVM with the launcher's options; {@code cached}, {@code fresh} and {@code observe} measure only those lines.
 *
 * Not part of the test suite.
 */
public final class ReplayBenchmark {
    private static final int TABLES = 100;
    /** Rounds that let the JIT compile the parsers and the replay before any is measured. */
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("generate")) {
            // generate <folder> [N B M]: the projects alone, to profile a check of them from the command line
            Path folder = Path.of(args[1]);
            int n = args.length > 2 ? Integer.parseInt(args[2]) : 500;
            int b = args.length > 3 ? Integer.parseInt(args[3]) : 50;
            int m = args.length > 4 ? Integer.parseInt(args[4]) : 5000;
            generate(folder.resolve("prod"), n, 0, m);
            generate(folder.resolve("candidate"), n, b, m);
            for (int i = 1; i <= 10; i++) {
                generate(folder.resolve("state-" + i), n, b * i / 11, m);
            }
            System.out.println("wrote " + folder.resolve("prod") + ", " + folder.resolve("candidate")
                    + " and the 10 recorded versions between them, state-1 to state-10");
            return;
        }
        if (args.length > 0 && args[0].equals("extraction")) {
            Path folder = Files.createTempDirectory("switchover-extraction");
            try {
                generate(folder, 500, 0, args.length > 3 ? Integer.parseInt(args[3]) : 5000);
                ExtractionComparison.compare(folder, Path.of(args[1]),
                        Path.of(args.length > 2 ? args[2] : "target/switchover.jar"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                deleteAll(folder);
            }
            return;
        }
        // observe [N B M]: only the pair that prices watching PostgreSQL's locks; cached [N B M]: only the checks with
        // the cache, cold and warm, on H2 and embedded PostgreSQL
        // memory [N B M]: only the peak resident memory of fresh JVMs, at 2,000 / 100 / 20,000 unless told
        // fresh [N B M]: only the checks and the plain migrate on H2 as the command line runs them, each in a fresh JVM
        boolean observeOnly = args.length > 0 && args[0].equals("observe");
        boolean cachedOnly = args.length > 0 && args[0].equals("cached");
        boolean memoryOnly = args.length > 0 && args[0].equals("memory");
        boolean freshOnly = args.length > 0 && args[0].equals("fresh");
        if (observeOnly || cachedOnly || memoryOnly || freshOnly) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int applied = args.length > 0 ? Integer.parseInt(args[0]) : memoryOnly ? 2000 : 500;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : memoryOnly ? 100 : 50;
        int statements = args.length > 2 ? Integer.parseInt(args[2]) : memoryOnly ? 20000 : 5000;
        Path root = Files.createTempDirectory("switchover-benchmark");
        try {
            Path prod = root.resolve("prod");
            Path candidate = root.resolve("candidate");
            generate(prod, applied, 0, statements);
            generate(candidate, applied, batch, statements);
            System.out.printf(Locale.ROOT, "N=%d applied migrations, B=%d in the batch, M=%d statements; %s%n", applied,
                    batch, statements, memoryOnly ? "the lowest of 3 fresh JVMs each"
                            : WARM_UP + " rounds to warm up, then the best of " + ROUNDS);
            if (observeOnly) {
                measureObserving(prod, candidate);
                return;
            }
            if (memoryOnly) {
                measureMemory(root, prod, candidate);
                return;
            }
            if (freshOnly) {
                measureFresh(root, prod, candidate);
                return;
            }
            if (cachedOnly) {
                measureCached("H2", new H2Engine(), root.resolve("cache-h2"), prod, candidate);
                try (EmbeddedPostgresEngine postgres = EmbeddedPostgresEngine.shared()) {
                    measureCached("embedded PostgreSQL", postgres, root.resolve("cache-pg"), prod, candidate);
                }
                return;
            }
            measure("H2", new H2Engine(), prod, candidate);
            measureCached("H2", new H2Engine(), root.resolve("cache-h2"), prod, candidate);
            measureFresh(root, prod, candidate);
            try (EmbeddedPostgresEngine postgres = EmbeddedPostgresEngine.shared()) {
                measure("embedded PostgreSQL", postgres, prod, candidate);
                measureCached("embedded PostgreSQL", postgres, root.resolve("cache-pg"), prod, candidate);
            }
            measurePlan(root, prod, candidate, applied, batch, statements);
            measureObserving(prod, candidate);
        } finally {
            deleteAll(root);
        }
    }


    private static void measure(String name, ReplayEngine engine, Path prod, Path candidate) {
        double check = Double.MAX_VALUE;
        double migrate = Double.MAX_VALUE;
        Report report = null;
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            long started = System.nanoTime();
            report = new SwitchoverCheck().run(CheckRequest.of(DirectorySnapshot.of(prod), DirectorySnapshot.of(candidate),
                    List.of(), List.of(), engine, Severity.ERROR));
            double checkSeconds = (System.nanoTime() - started) / 1e9;
            MigrationSet migrations = new MigrationReader().read(DirectorySnapshot.of(candidate), List.of("db/migration"));
            started = System.nanoTime();
            try (ReplayDatabase db = engine.create()) {
                migrations.flyway().dataSource(db.url(), db.user(), db.password()).load().migrate();
            }
            double migrateSeconds = (System.nanoTime() - started) / 1e9;
            if (round >= WARM_UP) {
                check = Math.min(check, checkSeconds);
                migrate = Math.min(migrate, migrateSeconds);
            }
        }
        System.out.printf(Locale.ROOT, "%-20s check %6.2f s   plain migrate %6.2f s   ratio %.2f   (%s, %d findings, %d states)%n",
                name, check, migrate, check / migrate, report.verdict(), report.findings().size(),
                report.summary().states());
    }

    /**
     * A check whose production baseline (S0) is cached: cold (an empty cache, S0 replayed and stored) and warm (S0
     * from the cache, only the batch replayed), each against a plain migrate of all the migrations in the same round.
     */
    private static void measureCached(String name, ReplayEngine engine, Path cacheDir, Path prod, Path candidate)
            throws IOException {
        double cold = Double.MAX_VALUE;
        double warm = Double.MAX_VALUE;
        double migrate = Double.MAX_VALUE;
        Report coldReport = null;
        Report warmReport = null;
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            deleteAll(cacheDir);
            long started = System.nanoTime();
            coldReport = cached(cacheDir).run(request(engine, prod, candidate));
            double coldSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            warmReport = cached(cacheDir).run(request(engine, prod, candidate));
            double warmSeconds = (System.nanoTime() - started) / 1e9;
            MigrationSet migrations = new MigrationReader().read(DirectorySnapshot.of(candidate), List.of("db/migration"));
            started = System.nanoTime();
            try (ReplayDatabase db = engine.create()) {
                migrations.flyway().dataSource(db.url(), db.user(), db.password()).load().migrate();
            }
            double migrateSeconds = (System.nanoTime() - started) / 1e9;
            if (round >= WARM_UP) {
                cold = Math.min(cold, coldSeconds);
                warm = Math.min(warm, warmSeconds);
                migrate = Math.min(migrate, migrateSeconds);
            }
        }
        boolean fromCache = warmReport.notes().stream().anyMatch(note -> note.startsWith("S0 from the baseline cache"));
        System.out.printf(Locale.ROOT, "%-20s check %6.2f s   plain migrate %6.2f s   ratio %.2f   (cold cache: S0"
                + " replayed and stored; %d findings)%n", name + ", cache cold", cold, migrate, cold / migrate,
                coldReport.findings().size());
        System.out.printf(Locale.ROOT, "%-20s check %6.2f s   plain migrate %6.2f s   ratio %.2f   (warm cache: S0 %s;"
                + " %d findings, the same as cold: %s)%n", name + ", cache warm", warm, migrate, warm / migrate,
                fromCache ? "from the cache" : "NOT from the cache", warmReport.findings().size(),
                warmReport.findings().equals(coldReport.findings()));
        deleteAll(cacheDir);
    }

    /** A check with both caches in {@code cacheDir}: production's S0 and what each version's scan found. */
    private static SwitchoverCheck cached(Path cacheDir) {
        return new SwitchoverCheck(BaselineCache.at(cacheDir, 1L << 32), ExtractionCache.at(cacheDir, 1L << 30));
    }

    private static CheckRequest request(ReplayEngine engine, Path prod, Path candidate) {
        return CheckRequest.of(DirectorySnapshot.of(prod), DirectorySnapshot.of(candidate), List.of(), List.of(), engine,
                Severity.ERROR);
    }

    private static void deleteAll(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /**
     * What watching PostgreSQL's locks, rewrites and scans costs ({@code LockObserver}): the check on embedded
     * PostgreSQL with the observer off and on, each side in a fresh JVM of its own with its own server (warm-up
     * rounds, then the best of {@link #ROUNDS}), in one run.
     */
    private static void measureObserving(Path prod, Path candidate) throws IOException {
        String[] round = {"postgres-check", prod.toString(), candidate.toString(), String.valueOf(WARM_UP),
                String.valueOf(ROUNDS)};
        double off;
        double on;
        try {
            off = FreshJvmRound.reportedBest(List.of("-D" + LockObserver.SWITCH + "=false"), round);
            on = FreshJvmRound.reportedBest(List.of("-D" + LockObserver.SWITCH + "=true"), round);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.printf(Locale.ROOT, "%-20s check %6.2f s   not observed   %6.2f s   ratio %.2f   (locks observed;"
                + " each side in a fresh JVM)%n", "embedded PostgreSQL", on, off, on / off);
    }

    /**
     * A check that also plans through 10 versions recorded between production's and the candidate (each holding a
     * tenth more of the batch, with the service's code), against the same check without them, in one run.
     */
    private static void measurePlan(Path root, Path prod, Path candidate, int applied, int batch, int statements)
            throws IOException {
        List<io.switchover.snapshot.Snapshot> states = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            Path state = root.resolve("state-" + i);
            generate(state, applied, batch * i / 11, statements);
            states.add(DirectorySnapshot.of(state));
        }
        H2Engine engine = new H2Engine();
        double plain = Double.MAX_VALUE;
        double planned = Double.MAX_VALUE;
        Report report = null;
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            CheckRequest request = CheckRequest.of(DirectorySnapshot.of(prod), DirectorySnapshot.of(candidate),
                    List.of(), List.of(), engine, Severity.ERROR);
            long started = System.nanoTime();
            new SwitchoverCheck().run(request);
            double plainSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            report = new SwitchoverCheck().run(request.withServices(List.of(request.services().get(0)
                    .withIntermediates(states))));
            double plannedSeconds = (System.nanoTime() - started) / 1e9;
            if (round >= WARM_UP) {
                plain = Math.min(plain, plainSeconds);
                planned = Math.min(planned, plannedSeconds);
            }
        }
        System.out.printf(Locale.ROOT, "%-20s check %6.2f s   plain check    %6.2f s   ratio %.2f   (10 recorded versions,"
                        + " plan of %d deployments)%n", "H2, with a plan", planned, plain, planned / plain,
                report.plan().map(p -> p.promotions().size()).orElse(0));
        // And as the command line runs them, each in a fresh JVM.
        List<String> planArgs = new java.util.ArrayList<>(List.of("plan", prod.toString(), candidate.toString()));
        for (int i = 1; i <= 10; i++) {
            planArgs.add(root.resolve("state-" + i).toString());
        }
        double coldPlain = Double.MAX_VALUE;
        double coldPlanned = Double.MAX_VALUE;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                coldPlain = Math.min(coldPlain, FreshJvmRound.seconds("check", prod.toString(), candidate.toString()));
                coldPlanned = Math.min(coldPlanned, FreshJvmRound.seconds(planArgs.toArray(String[]::new)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.out.printf(Locale.ROOT, "%-20s check %6.2f s   plain check    %6.2f s   ratio %.2f   (each in a fresh JVM)%n",
                "H2, plan, cold", coldPlanned, coldPlain, coldPlanned / coldPlain);
    }

    /**
     * As the command line runs them, each in a fresh JVM, best of {@link #ROUNDS}: a check through {@code bin/switchover}
     * (the built jar, its class data archive, the launcher's JVM options) without the cache, with an empty one (cold)
     * and with a warm one, and, as the floor of every warm check, one whose batch is empty (production against itself,
     * S0 and the SQL from the cache); against a plain Flyway migrate of all the candidate's migrations as a deployment
     * runs it, with the JVM's default options and with the launcher's. On H2, then on the PostgreSQL server named by
     * {@code -Dswitchover.benchmark.postgres} (127.0.0.1:5432 unless told). Each round gives production's first
     * migration a comment of its own, so that its cold check finds no baseline cached, on the server either.
     */
    private static void measureFresh(Path root, Path prod, Path candidate) throws IOException {
        Path launcher = Path.of("bin", "switchover");
        Path jar = Path.of("target", "switchover.jar");
        if (!builtFromTheSources(jar)) {
            System.out.println(jar + " is missing or older than the sources: build it (mvn -q -DskipTests package) and"
                    + " run this again; the fresh-JVM lines are skipped");
            return;
        }
        try {
            measureFreshOn("H2", List.of("--engine", "h2"), null, root, prod, candidate, launcher, jar);
            ServerRounds server = ServerRounds.at(System.getProperty("switchover.benchmark.postgres",
                    "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"));
            if (server != null) {
                measureFreshOn("PostgreSQL server", List.of("--engine", "postgres", "--engine-url", server.adminUrl()),
                        server, root, prod, candidate, launcher, jar);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot drop the benchmark's baseline templates: " + e.getMessage(), e);
        }
    }

    private static void measureFreshOn(String name, List<String> engine, ServerRounds server, Path root, Path prod,
                                       Path candidate, Path launcher, Path jar)
            throws IOException, InterruptedException, java.sql.SQLException {
        List<String> options = FreshJvmRound.launcherOptions(launcher);
        Path cache = root.resolve("cache-fresh");
        double noCache = Double.MAX_VALUE;
        double cold = Double.MAX_VALUE;
        double warm = Double.MAX_VALUE;
        double floor = Double.MAX_VALUE;
        double migrateDefaults = Double.MAX_VALUE;
        double migrateLaunchers = Double.MAX_VALUE;
        String[] migrate = server == null ? new String[] {"migrate", candidate.toString()}
                : new String[] {"migrate-postgres", candidate.toString(), server.adminUrl()};
        try {
            for (int round = 0; round < ROUNDS; round++) {
                markRound(round, prod, candidate);
                deleteAll(cache);
                noCache = Math.min(noCache, FreshJvmRound.launcherSeconds(launcher, jar, check(prod, candidate, engine,
                        "--no-cache")));
                cold = Math.min(cold, FreshJvmRound.launcherSeconds(launcher, jar, check(prod, candidate, engine,
                        "--cache-dir", cache.toString())));
                warm = Math.min(warm, FreshJvmRound.launcherSeconds(launcher, jar, check(prod, candidate, engine,
                        "--cache-dir", cache.toString())));
                // The first check of production against itself reads its SQL as a candidate's, and caches that.
                FreshJvmRound.launcherSeconds(launcher, jar, check(prod, prod, engine, "--cache-dir", cache.toString()));
                floor = Math.min(floor, FreshJvmRound.launcherSeconds(launcher, jar, check(prod, prod, engine,
                        "--cache-dir", cache.toString())));
                migrateDefaults = Math.min(migrateDefaults, FreshJvmRound.seconds(List.of(), migrate));
                migrateLaunchers = Math.min(migrateLaunchers, FreshJvmRound.seconds(options, migrate));
                if (server != null) {
                    server.dropNewTemplates();
                }
            }
        } finally {
            deleteAll(cache);
            if (server != null) {
                server.dropNewTemplates();
            }
        }
        System.out.printf(Locale.ROOT, "%-20s plain migrate %6.2f s with the launcher's JVM options, %6.2f s with the"
                + " JVM's defaults (each in a fresh JVM)%n", name + ", fresh", migrateLaunchers, migrateDefaults);
        printFresh(name + ", no cache", noCache, migrateLaunchers, migrateDefaults, "through bin/switchover");
        printFresh(name + ", cache cold", cold, migrateLaunchers, migrateDefaults, "empty cache: S0 replayed and stored");
        printFresh(name + ", cache warm", warm, migrateLaunchers, migrateDefaults, "S0 and the SQL from the cache");
        printFresh(name + ", empty batch", floor, migrateLaunchers, migrateDefaults,
                "production against itself, warm: the floor of a warm check");
    }

    private static void printFresh(String name, double check, double migrateLaunchers, double migrateDefaults,
                                   String what) {
        System.out.printf(Locale.ROOT, "%-20s check %6.2f s   ratio %.2f to the migrate with the launcher's options,"
                + " %.2f with the JVM's defaults   (%s)%n", name, check, check / migrateLaunchers, check / migrateDefaults,
                what);
    }

    private static String[] check(Path prod, Path candidate, List<String> engine, String... cache) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--prod", prod.toString(), "--candidate",
                candidate.toString()));
        args.addAll(engine);
        args.addAll(List.of(cache));
        return args.toArray(String[]::new);
    }

    /** Production's first migration, in both projects, with a comment naming the round: a baseline of its own. */
    private static void markRound(int round, Path prod, Path candidate) throws IOException {
        for (Path project : List.of(prod, candidate)) {
            Path first = project.resolve("db/migration").resolve("V1__create_t0.sql");
            List<String> lines = Files.readAllLines(first);
            String sql = lines.get(lines.size() - 1);
            Files.writeString(first, "-- benchmark round " + round + " of " + ProcessHandle.current().pid() + "\n"
                    + sql + "\n");
        }
    }

    /** Whether {@code jar} exists and no source, rule or the pom is newer than it, as the launcher checks. */
    private static boolean builtFromTheSources(Path jar) throws IOException {
        if (!Files.exists(jar)) {
            return false;
        }
        java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
        try (Stream<Path> files = Stream.of("src/main", "rules").map(Path::of).filter(Files::exists)
                .flatMap(ReplayBenchmark::walk)) {
            return Files.getLastModifiedTime(Path.of("pom.xml")).compareTo(built) <= 0
                    && files.filter(Files::isRegularFile).noneMatch(file -> modified(file).compareTo(built) > 0);
        }
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Peak resident memory (the kernel's high-water mark, VmHWM) of a fresh JVM started with the launcher's JVM options,
     * as {@code bin/switchover} runs a check: a plain Flyway migrate of all the candidate's migrations as a deployment
     * runs it, against a check without the cache, with an empty one and with a warm one. Best (lowest) of three rounds
     * each, in one run.
     */
    private static void measureMemory(Path root, Path prod, Path candidate) throws IOException {
        List<String> launcher = FreshJvmRound.launcherOptions(Path.of("bin", "switchover"));
        FreshFigures lowest = lowestInFreshJvms(root, prod, candidate, 3,
                args -> FreshJvmRound.peakKilobytes(launcher, args));
        if (lowest == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "JVM options as the launcher's: %s%n", String.join(" ", launcher));
        printPeak("check, no cache", lowest.check(), lowest.migrate());
        printPeak("check, cache cold", lowest.cachedCold(), lowest.migrate());
        printPeak("check, cache warm", lowest.cachedWarm(), lowest.migrate());
    }

    private static void printPeak(String name, double kilobytes, double migrateKilobytes) {
        System.out.printf(Locale.ROOT, "%-20s peak %5d MB   plain migrate %5d MB   ratio %.2f   (resident, each in a"
                + " fresh JVM)%n", name, (long) kilobytes / 1024, (long) migrateKilobytes / 1024,
                kilobytes / migrateKilobytes);
    }

    /** One figure of a fresh JVM running one round of {@link FreshJvmRound} with the given arguments. */
    private interface FreshMeasure {
        double of(String... args) throws IOException, InterruptedException;
    }

    /** The lowest of each kind of fresh-JVM round: a check, a plain migrate, a check with a cold and a warm cache. */
    private record FreshFigures(double check, double migrate, double cachedCold, double cachedWarm) {
    }

    /**
     * Each kind of round in a fresh JVM, {@code rounds} times, measured by {@code measure}: the lowest of each; null if
     * interrupted.
     */
    private static FreshFigures lowestInFreshJvms(Path root, Path prod, Path candidate, int rounds,
                                                  FreshMeasure measure) throws IOException {
        double check = Double.MAX_VALUE;
        double migrate = Double.MAX_VALUE;
        double cachedCold = Double.MAX_VALUE;
        double cachedWarm = Double.MAX_VALUE;
        Path cacheDir = root.resolve("cache-fresh");
        try {
            for (int round = 0; round < rounds; round++) {
                check = Math.min(check, measure.of("check", prod.toString(), candidate.toString()));
                migrate = Math.min(migrate, measure.of("migrate", candidate.toString()));
                deleteAll(cacheDir);
                cachedCold = Math.min(cachedCold, measure.of("check-cached", prod.toString(), candidate.toString(),
                        cacheDir.toString()));
                cachedWarm = Math.min(cachedWarm, measure.of("check-cached", prod.toString(), candidate.toString(),
                        cacheDir.toString()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            deleteAll(cacheDir);
        }
        return new FreshFigures(check, migrate, cachedCold, cachedWarm);
    }

    /**
     * 100 tables created by the first migrations, then columns, indexes and backfills; the batch adds columns and
     * indexes, backfills, and drops columns the service still reads (so that the check has breaks to report).
     */
    private static void generate(Path root, int applied, int batch, int statements) throws IOException {
        Path migrations = Files.createDirectories(root.resolve("db/migration"));
        int version = 0;
        for (int t = 0; t < TABLES && version < applied; t++) {
            write(migrations, ++version, "create_t" + t, "CREATE TABLE t" + t + " (id BIGINT PRIMARY KEY, name VARCHAR(100),"
                    + " amount INTEGER, created_at TIMESTAMP);");
        }
        while (version < applied) {
            int t = version % TABLES;
            int kind = version % 3;
            String sql = switch (kind) {
                case 0 -> "ALTER TABLE t" + t + " ADD COLUMN c" + version + " VARCHAR(50);";
                case 1 -> "CREATE INDEX i" + version + " ON t" + t + " (amount);";
                default -> "UPDATE t" + t + " SET amount = 0 WHERE amount IS NULL;";
            };
            write(migrations, ++version, "step" + version, sql);
        }
        for (int b = 0; b < batch; b++) {
            int t = (b * 7) % TABLES;
            String sql = switch (b % 5) {
                case 0, 1 -> "ALTER TABLE t" + t + " ADD COLUMN b" + b + " VARCHAR(50);";
                case 2 -> "CREATE INDEX bi" + b + " ON t" + t + " (name);";
                case 3 -> "UPDATE t" + t + " SET name = 'x' WHERE name IS NULL;";
                default -> "ALTER TABLE t" + t + " DROP COLUMN amount;";
            };
            write(migrations, ++version, "batch" + b, sql);
        }
        Path source = Files.createDirectories(root.resolve("src/main/java/com/example"));
        int perClass = Math.max(1, statements / TABLES);
        int made = 0;
        for (int t = 0; made < statements; t++) {
            StringBuilder java = new StringBuilder("package com.example;\n\nclass Repository" + t + " {\n");
            for (int i = 0; i < perClass && made < statements; i++, made++) {
                int table = t % TABLES;
                String sql = switch (i % 4) {
                    case 0 -> "SELECT id, name, amount FROM t" + table + " WHERE id = ? LIMIT " + (i + 1);
                    case 1 -> "INSERT INTO t" + table + " (id, name, amount) VALUES (?, ?, " + i + ")";
                    case 2 -> "UPDATE t" + table + " SET name = ? WHERE id = ? AND amount > " + i;
                    default -> "SELECT count(*) FROM t" + table + " WHERE created_at > ? AND amount < " + i;
                };
                java.append("    static final String Q").append(i).append(" = \"").append(sql).append("\";\n");
            }
            Files.writeString(source.resolve("Repository" + t + ".java"), java.append("}\n").toString());
        }
    }

    private static void write(Path migrations, int version, String description, String sql) throws IOException {
        Files.writeString(migrations.resolve("V" + version + "__" + description + ".sql"), sql + "\n");
    }

    private ReplayBenchmark() {
    }

}
