package io.switchover.report;

import io.switchover.migrations.Migration;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.plan.Plan;
import io.switchover.rules.CandidateStatementFails;
import io.switchover.rules.Coverage;
import io.switchover.rules.Finding;
import io.switchover.rules.NamedInUncheckedCode;
import io.switchover.rules.Severity;
import io.switchover.rules.SuppressedFinding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a check found, computed once and rendered by every writer.
 *
 * @param production  the name of the production snapshot (the version that keeps serving traffic)
 * @param candidate   the name of the snapshot about to be promoted
 * @param notChecked  SQL-looking places in the old code that could not be resolved to a statement
 * @param warnings    problems reading the input that did not stop the check (a Java file that does not parse...)
 * @param notes       what to know about the replay itself (the engine it switched to and why...), one line each
 * @param suppressed  findings the migrations' switchover:allow comments set aside, with their reasons
 * @param coverage    what was found and checked of each running version
 * @param plan        how to promote through the versions recorded between production's and the candidate, when
 *                    they were given
 * @param fewestHeld  the fewest migrations to hold back, verified by a replay without them, when fewer than the
 *                    simple split's
 * @param services    each service checked: what runs in production, what is promoted, where its code lives
 * @param sources     the text of each batch migration, in batch order (empty where the check did not pass them)
 */
public record Report(String production, String candidate, String engine, List<Migration> batch,
                     List<Finding> findings, List<UnresolvedSql> notChecked, List<String> warnings,
                     Summary summary, Severity failOn, List<String> notes, List<SuppressedFinding> suppressed,
                     List<Coverage> coverage, Optional<Plan> plan, Optional<SplitAdvice> fewestHeld,
                     List<PromotedService> services, List<MigrationSource> sources) {

    /** A report of promoting {@code candidate} while {@code production} serves traffic, replayed on {@code engine}. */
    public static Builder builder(String production, String candidate, String engine) {
        return new Builder(production, candidate, engine);
    }

    /** Builds a report; what is not given is empty, the summary zero and the gate's threshold an error. */
    public static final class Builder {
        private final String production;
        private final String candidate;
        private final String engine;
        private List<Migration> batch = List.of();
        private List<Finding> findings = List.of();
        private List<UnresolvedSql> notChecked = List.of();
        private List<String> warnings = List.of();
        private Summary summary = new Summary(0, 0, 0, 0, Duration.ZERO);
        private Severity failOn = Severity.ERROR;
        private List<String> notes = List.of();
        private List<SuppressedFinding> suppressed = List.of();
        private List<Coverage> coverage = List.of();
        private Optional<Plan> plan = Optional.empty();
        private Optional<SplitAdvice> fewestHeld = Optional.empty();
        private List<PromotedService> services = List.of();
        private List<MigrationSource> sources = List.of();

        private Builder(String production, String candidate, String engine) {
            this.production = production;
            this.candidate = candidate;
            this.engine = engine;
        }

        public Builder batch(List<Migration> migrations) {
            this.batch = List.copyOf(migrations);
            return this;
        }

        public Builder findings(List<Finding> all) {
            this.findings = List.copyOf(all);
            return this;
        }

        public Builder notChecked(List<UnresolvedSql> places) {
            this.notChecked = List.copyOf(places);
            return this;
        }

        public Builder warnings(List<String> lines) {
            this.warnings = List.copyOf(lines);
            return this;
        }

        public Builder summary(Summary checked) {
            this.summary = checked;
            return this;
        }

        public Builder failOn(Severity threshold) {
            this.failOn = threshold;
            return this;
        }

        public Builder notes(List<String> lines) {
            this.notes = List.copyOf(lines);
            return this;
        }

        public Builder suppressed(List<SuppressedFinding> set) {
            this.suppressed = List.copyOf(set);
            return this;
        }

        public Builder coverage(List<Coverage> each) {
            this.coverage = List.copyOf(each);
            return this;
        }

        public Builder plan(Optional<Plan> promotion) {
            this.plan = promotion;
            return this;
        }

        public Builder fewestHeld(Optional<SplitAdvice> advice) {
            this.fewestHeld = advice;
            return this;
        }

        public Builder services(List<PromotedService> each) {
            this.services = List.copyOf(each);
            return this;
        }

        public Builder sources(List<MigrationSource> each) {
            this.sources = List.copyOf(each);
            return this;
        }

        public Report build() {
            return new Report(production, candidate, engine, batch, findings, notChecked, warnings, summary, failOn,
                    notes, suppressed, coverage, plan, fewestHeld, services, sources);
        }
    }

    /** The text of a batch migration, when the check passed it. */
    public Optional<MigrationSource> source(Migration migration) {
        return sources.stream().filter(s -> s.migration().script().equals(migration.script())).findFirst();
    }

    /**
     * Whether a finding is a reason to hold its migration back: an error about a running version's statement at a step
     * of the batch (the candidate's own failures are at the state it must work at, not at a migration).
     */
    public static boolean holdsBackItsMigration(Finding finding) {
        return finding.severity() == Severity.ERROR && finding.step() > 0 && finding.pattern() != null
                && !isCandidateFailure(finding);
    }

    /** Whether a finding is about a statement of the candidate (one failing where it must work), not production's. */
    public static boolean isCandidateFailure(Finding finding) {
        return finding.rule().equals(CandidateStatementFails.ID);
    }

    /** Whether a finding is about a place that names a changed object rather than about a statement that broke. */
    public static boolean isMention(Finding finding) {
        return finding.pattern() != null && NamedInUncheckedCode.EXTRACTOR.equals(finding.pattern().extractor());
    }

    /** Whether a finding is about a statement of the old code that broke (or may break). */
    public static boolean isStatement(Finding finding) {
        return finding.pattern() != null && !isMention(finding);
    }

    /**
     * Where a finding of no batch step stands: a migration of production's history, or one of the batch that is
     * older than production's newest (veilarbportefolje's V1_112 was labelled production's history).
     */
    public String beforeTheSteps(Finding finding) {
        return batch.contains(finding.migration()) ? "in the batch, older than production's newest"
                : "production's history";
    }

    /** Whether the finding alone fails the promotion ({@code --fail-on}, error unless told). */
    public boolean blocks(Finding finding) {
        return finding.severity().atLeast(failOn);
    }

    public Verdict verdict() {
        if (findings.stream().anyMatch(this::blocks)) {
            return Verdict.FAIL;
        }
        return findings.isEmpty() ? Verdict.PASS : Verdict.WARN;
    }

    /**
     * Advice exists when a batch migration (not production's state) breaks something at error severity: the fewest to
     * hold back where a replay without them confirmed them, else the breaking migration and all after it.
     */
    public Optional<SplitAdvice> splitAdvice() {
        if (fewestHeld.isPresent()) {
            return fewestHeld;
        }
        return findings.stream()
                .filter(Report::holdsBackItsMigration)
                .mapToInt(Finding::step)
                .min()
                .stream()
                .mapToObj(step -> new SplitAdvice(List.copyOf(batch.subList(0, step - 1)),
                        List.copyOf(batch.subList(step - 1, batch.size()))))
                .findFirst();
    }

    public List<Finding> findingsAtOrAbove(Severity severity) {
        List<Finding> selected = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.severity().atLeast(severity)) {
                selected.add(finding);
            }
        }
        return selected;
    }
}
