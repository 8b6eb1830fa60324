package io.switchover.check;

import io.switchover.mentions.ChangedObject;
import io.switchover.mentions.MentionNet;
import io.switchover.mentions.UncheckedMention;
import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchChanges;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.ClassArtifact;
import io.switchover.migrations.FlywayInCode;
import io.switchover.migrations.HistoryProblem;
import io.switchover.migrations.Migration;
import io.switchover.migrations.MigrationReader;
import io.switchover.migrations.MigrationSet;
import io.switchover.migrations.PlaceholderCheck;
import io.switchover.patterns.ExtractionCache;
import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.patterns.StatementReadings;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.ServiceVersion;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.plan.Plan;
import io.switchover.plan.PlanVersions;
import io.switchover.plan.PromotionPlanner;
import io.switchover.replay.BaselineCache;
import io.switchover.replay.ScratchBaseline;
import io.switchover.replay.TimelineReplayer;
import io.switchover.report.MigrationSource;
import io.switchover.report.PromotedService;
import io.switchover.report.Report;
import io.switchover.report.SplitAdvice;
import io.switchover.report.Summary;
import io.switchover.rules.CheckedStatement;
import io.switchover.rules.Coverage;
import io.switchover.rules.Evidence;
import io.switchover.rules.Finding;
import io.switchover.rules.RuleOutcome;
import io.switchover.rules.RuleSet;
import io.switchover.snapshot.Snapshot;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.Timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One {@code check}: if the candidate's batch is applied while the production versions of the services keep serving
 * traffic, does anything they do against the database break, and does the candidate work afterwards?
 */
public final class SwitchoverCheck {
    private final BatchPlanner batchPlanner = new BatchPlanner();
    private final RuleSet rules = RuleSet.standard();
    private final BaselineCache baselines;
    private final ExtractionCache extractions;

    public SwitchoverCheck() {
        this(BaselineCache.none());
    }

    /** A check that takes production's schema (S0) from {@code baselines} where it holds it. */
    public SwitchoverCheck(BaselineCache baselines) {
        this(baselines, ExtractionCache.none());
    }

    /**
     * A check that takes production's schema (S0) from {@code baselines}, and the SQL of versions whose files did not
     * change from {@code extractions}, where they hold them.
     */
    public SwitchoverCheck(BaselineCache baselines, ExtractionCache extractions) {
        this.baselines = baselines;
        this.extractions = extractions;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public Report run(CheckRequest request) {
        ScratchBaseline.removeLeftovers();
        if (baselines.enabled()) {
            return run(request, baselines);
        }
        // Without a cache, the replay that confirms what to hold back still starts from the first replay's S0.
        try (ScratchBaseline scratch = ScratchBaseline.open()) {
            return run(request, scratch.cache());
        }
    }

    private Report run(CheckRequest request, BaselineCache s0) {
        Optional<ClassArtifact> candidateClasses = Optional.empty();
        Optional<ClassArtifact> productionClasses = Optional.empty();
        try {
            candidateClasses = request.classpaths().candidate().map(path -> ClassArtifact.open(path, "--classpath"));
            productionClasses = request.classpaths().production()
                    .map(path -> ClassArtifact.open(path, "--prod-classpath"));
            return run(request, candidateClasses, productionClasses, s0);
        } finally {
            candidateClasses.ifPresent(ClassArtifact::close);
            productionClasses.ifPresent(ClassArtifact::close);
        }
    }

    private Report run(CheckRequest request, Optional<ClassArtifact> candidateClasses,
                       Optional<ClassArtifact> productionClasses, BaselineCache s0) {
        long started = System.nanoTime();
        MigrationReader migrationReader = new MigrationReader("mariadb".equals(request.engine().id()) ? "mariadb"
                : "postgresql");
        // Flyway resolves the two snapshots' migrations independently: one of them on another core.
        CompletableFuture<Optional<MigrationSet>> production = CompletableFuture.supplyAsync(() -> request.production()
                .snapshot().map(snapshot -> migrationReader.read(snapshot, request.migrations(), request.placeholders(),
                        MigrationReader.JavaReplay.production(productionClasses))));
        MigrationSet candidate = migrationReader.read(request.candidate(), request.migrations(), request.placeholders(),
                MigrationReader.JavaReplay.candidate(candidateClasses));
        Batch batch = plan(request, join(production), candidate);
        PlaceholderCheck.requireValues(batch);
        BatchChanges changes = BatchChanges.read(batch);

        // Extraction runs while the replay engine starts and applies production's migrations: the two take similar time.
        StatementsWorthParsing worthParsing = StatementsWorthParsing.of(changes);
        // The Java migrations' sources change the schema; the services do not send their SQL.
        Set<String> excluded = new LinkedHashSet<>(candidate.locations());
        excluded.addAll(candidate.javaSources());
        join(production).ifPresent(set -> excluded.addAll(set.javaSources()));
        CompletableFuture<Extracted> extraction = CompletableFuture.supplyAsync(() -> extract(request, List.copyOf(excluded),
                worthParsing));
        Timeline timeline = new TimelineReplayer(request.engine(), s0)
                .replay(batch, changes, () -> join(extraction).probes().probes());
        Extracted extracted = join(extraction).settledBy(timeline);
        ProbePlanner probes = extracted.probes();
        Set<UnresolvedSql> notChecked = extracted.notChecked();
        Set<String> warnings = new LinkedHashSet<>(extracted.warnings());
        candidate.ignored().forEach(path -> warnings.add(path + " is not named as a migration: Flyway skips it, and so"
                + " does this check (rename it V<version>__<description>.sql if it should run)"));
        warnings.addAll(candidate.warnings());
        Set<String> notes = new LinkedHashSet<>(timeline.notes());
        notes.addAll(extracted.notes());
        join(production).ifPresent(set -> notes.addAll(set.notes()));
        notes.addAll(candidate.notes());
        JavaMigrationNotes.of(batch).ifPresent(notes::add);
        List<ChangedObject> changed = MentionNet.changes(timeline);
        List<UncheckedMention> mentions = MentionNet.find(timeline, changed, extracted.running().stream()
                .map(version -> version.forMentions(probes.statements(), timeline)).toList());
        List<Coverage> coverage = extracted.running().stream()
                .map(version -> version.coverage(probes.statements(), timeline, mentions)).toList();
        Evidence evidence = new Evidence(timeline, probes.statements(), batch.problems(),
                outOfOrder(request, candidate, batch, notes), request.order(), changes, mentions, coverage,
                batch.production().notReplayed(), validationOff(request, candidate, batch));
        RuleOutcome outcome = rules.evaluate(evidence, request.rules());
        List<Finding> findings = UnusedMappings.weighed(outcome.findings(), probes.statements(), extracted.running());
        Optional<Plan> promotionPlan = promotionPlan(migrationReader, request, batch, evidence);
        Optional<SplitAdvice> fewestHeld = fewestToHoldBack(request, batch, changes, findings, probes, extracted, s0);

        int running = (int) probes.statements().stream().filter(CheckedStatement::isRunning).count();
        int unaffected = (int) timeline.initial().outcomes().stream().filter(ProbeOutcome::unaffected).count();
        int candidates = (int) probes.statements().stream()
                .filter(st -> st.issuer().role() == ServiceVersion.Role.CANDIDATE).count();
        Summary summary = new Summary(running, candidates, request.services().size(),
                timeline.states().size(), Duration.ofNanos(System.nanoTime() - started), unaffected);
        return Report.builder(productionLabel(request), request.candidate().name(), timeline.engine())
                .batch(batch.migrations())
                .findings(findings)
                .notChecked(List.copyOf(notChecked))
                .warnings(List.copyOf(warnings))
                .summary(summary)
                .failOn(request.failOn())
                .notes(Stream.concat(notes.stream(), request.provenance().stream()).toList())
                .suppressed(outcome.suppressed())
                .coverage(coverage)
                .plan(promotionPlan)
                .fewestHeld(fewestHeld)
                .services(request.services().stream().map(SwitchoverCheck::promoted).toList())
                .sources(batch.migrations().stream().map(m -> new MigrationSource(m,
                        batch.candidate().snapshot().read(m.path()))).toList())
                .build();
    }

    /**
     * Whether Flyway runs a migration older than production's newest: its configuration files say so, or, for a batch
     * that has such a migration, the candidate's code that configures Flyway itself (then a note says where).
     */
    private static boolean outOfOrder(CheckRequest request, MigrationSet candidate, Batch batch, Set<String> notes) {
        if (candidate.settings().outOfOrder()
                || batch.problems().stream().noneMatch(p -> p.kind() == HistoryProblem.Kind.OUT_OF_ORDER)) {
            return candidate.settings().outOfOrder();
        }
        Optional<String> inCode = FlywayInCode.outOfOrder(request.candidate());
        inCode.ifPresent(where -> notes.add("Flyway is configured in the candidate's code: outOfOrder(true) at " + where
                + ", so a migration older than production's newest runs after them"));
        return inCode.isPresent();
    }

    /**
     * Where the candidate turns off Flyway's validation of applied migrations (its configuration, or a literal
     * {@code validateOnMigrate(false)} in its code), read only when the batch has an applied migration edited.
     */
    private static Optional<String> validationOff(CheckRequest request, MigrationSet candidate, Batch batch) {
        if (batch.problems().stream().noneMatch(p -> p.kind() == HistoryProblem.Kind.EDITED_AFTER_APPLY)) {
            return Optional.empty();
        }
        if (!candidate.settings().validateOnMigrate()) {
            return Optional.of(candidate.settings().source());
        }
        return FlywayInCode.noValidation(request.candidate());
    }

    private static PromotedService promoted(ServiceToCheck service) {
        return new PromotedService(service.name(), service.running().name(),
                service.candidate().map(Snapshot::name).orElse(null), service.repository().orElse(null));
    }

    /**
     * The fewest migrations to hold back so that the rest of the batch is safe now, as the seed's author did: the ones
     * the errors are about, when they are fewer than the breaking one and all after it, confirmed by a replay of the
     * batch without them in which no running statement breaks, no migration fails, and nothing removed is named where
     * it was not checked. Empty when they are not fewer, or the replay without them is not safe either.
     */
    private static Optional<SplitAdvice> fewestToHoldBack(CheckRequest request, Batch batch, BatchChanges changes,
                                                          List<Finding> findings, ProbePlanner probes,
                                                          Extracted extracted, BaselineCache s0) {
        Set<Migration> held = new LinkedHashSet<>();
        int first = Integer.MAX_VALUE;
        for (Finding finding : findings) {
            if (Report.holdsBackItsMigration(finding)) {
                held.add(finding.migration());
                first = Math.min(first, finding.step());
            }
        }
        if (held.isEmpty() || held.size() >= batch.size() - first + 1) {
            return Optional.empty();
        }
        Batch rest = batch.without(held);
        // Only the old service's statements decide: the candidate's code is not promoted with the rest.
        Set<Integer> running = probes.statements().stream().filter(CheckedStatement::isRunning)
                .map(CheckedStatement::probe).collect(Collectors.toSet());
        Timeline again = TimelineReplayer.watching(request.engine(), s0, running::contains).replay(rest,
                changes.without(held), probes.probes());
        if (again.failure().isPresent()) {
            return Optional.empty();
        }
        for (CheckedStatement statement : probes.statements()) {
            if (statement.isRunning() && again.initial().outcomes().get(statement.probe()).passed()
                    && again.states().stream().anyMatch(s -> !s.outcomes().get(statement.probe()).passed())) {
                return Optional.empty();
            }
        }
        boolean named = MentionNet.find(again, MentionNet.changes(again), extracted.running().stream()
                .map(version -> version.forMentions(probes.statements(), again)).toList()).stream()
                .anyMatch(UncheckedMention::strong);
        if (named) {
            return Optional.empty();
        }
        return Optional.of(new SplitAdvice(rest.migrations(), batch.migrations().stream().filter(held::contains)
                .toList(), true));
    }

    /**
     * The promotion plan through the versions recorded between production's and the candidate, for the service that
     * is promoted with the batch; none without recorded versions.
     */
    private static Optional<Plan> promotionPlan(MigrationReader migrationReader, CheckRequest request, Batch batch,
                                                Evidence evidence) {
        Optional<ServiceToCheck> promoted = request.services().stream()
                .filter(s -> s.candidate().isPresent() && !s.intermediates().isEmpty()).findFirst();
        if (promoted.isEmpty()) {
            return Optional.empty();
        }
        ServiceToCheck service = promoted.get();
        List<PlanVersions.Recorded> recorded = new ArrayList<>();
        for (Snapshot between : service.intermediates()) {
            recorded.add(new PlanVersions.Recorded(new ServiceVersion(service.name(), between.name(),
                    ServiceVersion.Role.INTERMEDIATE), migrationReader.read(between, request.migrations(),
                    request.placeholders())));
        }
        PlanVersions.Resolved versions = PlanVersions.of(batch, new ServiceVersion(service.name(),
                service.running().name(), ServiceVersion.Role.RUNNING), recorded, new ServiceVersion(service.name(),
                service.candidate().get().name(), ServiceVersion.Role.CANDIDATE));
        return Optional.of(PromotionPlanner.plan(evidence, service.name(), versions.versions(), versions.skipped()));
    }

    /** The statements of every service version, what could not be read, and each running version's own reading. */
    private record Extracted(ProbePlanner probes, Set<UnresolvedSql> notChecked, Set<String> warnings,
                             List<RunningVersion> running, List<String> notes) {

        /** The same, once the replay database has said which statements JSqlParser could not read it runs. */
        Extracted settledBy(Timeline timeline) {
            UnparsedStatements.Settled settled = UnparsedStatements.settle(probes, timeline);
            probes.drop(settled.notRun());
            Set<UnresolvedSql> all = new LinkedHashSet<>(notChecked);
            all.addAll(settled.all());
            return new Extracted(probes, all, warnings, running.stream()
                    .map(version -> version.withNotChecked(settled.of(version.issuer()))).toList(), notes);
        }
    }

    private Extracted extract(CheckRequest request, List<String> excluded, StatementsWorthParsing worthParsing) {
        // One check's readings: the probe planner needs again what extraction read of the statements, of every version.
        StatementReadings readings = new StatementReadings();
        ServiceSourceScanner scanner = new ServiceSourceScanner(request.naming(), readings);
        scanner.acceptUnparsed(true);
        ProbePlanner probes = new ProbePlanner(readings);
        Set<UnresolvedSql> notChecked = new LinkedHashSet<>();
        Set<String> warnings = new LinkedHashSet<>();
        List<String> fromCache = new ArrayList<>();
        List<RunningVersion> versions = new ArrayList<>();
        for (ServiceToCheck service : request.services()) {
            ServiceVersion running = new ServiceVersion(service.name(), service.running().name(), ServiceVersion.Role.RUNNING);
            StatementsWorthParsing.Choice parseRunning = worthParsing.forRunningVersion();
            List<AccessPattern> sent = new ArrayList<>();
            ExtractionCache.Scan servedScan = scan(scanner, probes, service.running(), service.sources(), excluded,
                    request, parseRunning, fromCache);
            ExtractionResult served = servedScan.result();
            sent.addAll(served.patterns());
            collect(running, servedScan, parseRunning, probes, notChecked, warnings);
            List<ExtractionResult> read = new ArrayList<>(List.of(served));
            for (java.nio.file.Path captured : service.capturedSql()) {
                ExtractionResult seen = scanner.captured(captured);
                sent.addAll(seen.patterns());
                read.add(seen);
                collect(running, seen, parseRunning, probes, notChecked, warnings);
            }
            versions.add(new RunningVersion(running, service.running(), ServiceSourceScanner.ownFiles(service.running(),
                    service.sources(), excluded), ExtractionResult.combine(read)));
            if (service.candidate().isPresent()) {
                StatementsWorthParsing.Choice parseCandidate = worthParsing.forCandidate(sent);
                Snapshot snapshot = service.candidate().get();
                // A source folder the running version has and the candidate removes (a module it drops) is no typo.
                List<String> sources = service.sources().stream()
                        .filter(root -> !snapshot.filesUnder(root).isEmpty()
                                || service.running().filesUnder(root).isEmpty()).toList();
                service.sources().stream().filter(root -> !sources.contains(root)).forEach(root -> warnings.add(
                        "source folder " + root + " is not in " + snapshot.name() + ": the candidate removes it"));
                ServiceVersion candidate = new ServiceVersion(service.name(), snapshot.name(),
                        ServiceVersion.Role.CANDIDATE);
                if (sources.isEmpty() && !service.sources().isEmpty()) {
                    collect(candidate, ExtractionResult.empty(), parseCandidate, probes, notChecked, warnings);
                } else {
                    collect(candidate, scan(scanner, probes, snapshot, sources, excluded, request, parseCandidate,
                            fromCache), parseCandidate, probes, notChecked, warnings);
                }
            }
            // Only their statements count, for the plan: what they cannot read is the candidate's or production's too.
            for (Snapshot between : service.intermediates()) {
                StatementsWorthParsing.Choice parse = worthParsing.forCandidate(sent);
                ExtractionCache.Scan found = scan(scanner, probes, between, service.sources(), excluded, request, parse,
                        fromCache);
                probes.add(new ServiceVersion(service.name(), between.name(), ServiceVersion.Role.INTERMEDIATE),
                        found.result().patterns(), found.result().reads(), parse);
                found.keep(probes.referencesOf(found.result().patterns()));
            }
        }
        List<String> notes = fromCache.isEmpty() ? List.of() : List.of("the SQL of " + String.join(", ", fromCache)
                + " from the extraction cache: none of the files it was read from changed since");
        return new Extracted(probes, notChecked, warnings, List.copyOf(versions), notes);
    }

    /** One version's scan, from the cache where its files are as they were; what it references known from there too. */
    private ExtractionCache.Scan scan(ServiceSourceScanner scanner, ProbePlanner probes, Snapshot snapshot,
                                      List<String> sources, List<String> excluded, CheckRequest request,
                                      StatementsWorthParsing.Choice parse, List<String> fromCache) {
        scanner.parseOnly(parse);
        ExtractionCache.Scan scan = extractions.scan(scanner, snapshot, sources, excluded,
                "naming " + request.naming() + "\nunparsed statements accepted\n" + parse.fingerprint());
        if (scan.fromCache()) {
            probes.know(scan.references());
            fromCache.add(snapshot.name());
        }
        return scan;
    }

    private Batch plan(CheckRequest request, Optional<MigrationSet> productionFiles, MigrationSet candidate) {
        Batch batch = request.production().history().isPresent()
                ? batchPlanner.plan(request.production().history().get(), productionFiles, candidate)
                : batchPlanner.plan(productionFiles.orElseThrow(), candidate);
        return request.production().schema().map(batch::startingFrom).orElse(batch);
    }

    /** Adds what was extracted from one version of a service; what both versions share is said once. */
    private static void collect(ServiceVersion issuer, ExtractionResult extracted, Predicate<String> worthParsing,
                                ProbePlanner probes, Set<UnresolvedSql> notChecked, Set<String> warnings) {
        probes.add(issuer, extracted.patterns(), extracted.reads(), worthParsing);
        notChecked.addAll(extracted.notChecked());
        warnings.addAll(extracted.warnings());
    }

    /** As above, and keeps the scan with what its statements reference for the next check. */
    private static void collect(ServiceVersion issuer, ExtractionCache.Scan scan, Predicate<String> worthParsing,
                                ProbePlanner probes, Set<UnresolvedSql> notChecked, Set<String> warnings) {
        collect(issuer, scan.result(), worthParsing, probes, notChecked, warnings);
        scan.keep(probes.referencesOf(scan.result().patterns()));
    }

    private static String productionLabel(CheckRequest request) {
        return request.services().stream()
                .map(s -> new ServiceVersion(s.name(), s.running().name(), ServiceVersion.Role.RUNNING).label())
                .collect(Collectors.joining(", "));
    }
}
