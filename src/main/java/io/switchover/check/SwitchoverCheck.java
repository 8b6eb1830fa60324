package io.switchover.check;

import io.switchover.migrations.Batch;
import io.switchover.migrations.BatchPlanner;
import io.switchover.migrations.MigrationReader;
import io.switchover.migrations.MigrationSet;
import io.switchover.patterns.ExtractionResult;
import io.switchover.patterns.ServiceSourceScanner;
import io.switchover.replay.Timeline;
import io.switchover.replay.TimelineReplayer;
import io.switchover.report.Report;
import io.switchover.report.Summary;
import io.switchover.rules.Evidence;
import io.switchover.rules.Finding;
import io.switchover.rules.RuleSet;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One {@code check}: if the candidate's batch is applied while the production version keeps serving traffic, does
 * anything that version does against the database break?
 */
public final class SwitchoverCheck {
    private final MigrationReader migrationReader = new MigrationReader();
    private final BatchPlanner batchPlanner = new BatchPlanner();
    private final ServiceSourceScanner scanner = new ServiceSourceScanner();
    private final ProbePlanner probePlanner = new ProbePlanner();
    private final RuleSet rules = RuleSet.standard();

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
        long started = System.nanoTime();
        MigrationSet production = migrationReader.read(request.production(), request.migrations());
        MigrationSet candidate = migrationReader.read(request.candidate(), request.migrations());
        Batch batch = batchPlanner.plan(production, candidate);

        // Extraction runs while the replay engine starts and applies production's migrations: the two take similar time.
        CompletableFuture<ExtractionResult> extraction = CompletableFuture.supplyAsync(
                () -> scanner.scan(request.production(), request.sources(), production.locations()));
        CompletableFuture<ProbePlanner.Plan> planned = extraction.thenApply(e -> probePlanner.plan(e.patterns()));
        Timeline timeline = new TimelineReplayer(request.engine())
                .replay(batch, request.production(), request.candidate(), () -> join(planned).probes());
        ExtractionResult extracted = join(extraction);
        ProbePlanner.Plan plan = join(planned);
        String service = request.production().name();
        List<Finding> findings = rules.evaluate(new Evidence(service, request.production().name(), timeline,
                plan.statements()));

        Summary summary = new Summary(plan.probes().size(), 1, timeline.states().size(),
                Duration.ofNanos(System.nanoTime() - started));
        return new Report(request.production().name(), request.candidate().name(), timeline.engine(),
                batch.migrations(), findings, extracted.notChecked(), extracted.warnings(), summary, request.failOn(),
                timeline.notes());
    }
}
