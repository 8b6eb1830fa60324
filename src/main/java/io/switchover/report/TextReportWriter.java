package io.switchover.report;

import io.switchover.migrations.Migration;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.rules.Coverage;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;
import io.switchover.rules.SuppressedFinding;
import io.switchover.sql.OneLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report for a person reading a pipeline log: the verdict first, then each break as migration, old statement,
 * where in the code, what the database said, what to do; then how to split the batch.
 */
public final class TextReportWriter implements ReportWriter {
    private static final int SQL_WIDTH = 110;
    private static final String RESET = "\u001b[0m";
    private final int width;
    private final boolean colour;
    private final boolean findingsOnly;

    /** Lines as long as they come, no colour: for files and golden tests. */
    public TextReportWriter() {
        this(0, false);
    }

    /**
     * @param width  the terminal's columns: longer lines are wrapped at a space, the rest indented under the line's
     *               start; 0 for no wrapping
     * @param colour ANSI colours for the verdict, severities, rule ids and the advice (a terminal that is not
     *               {@code NO_COLOR})
     */
    public TextReportWriter(int width, boolean colour) {
        this(width, colour, false);
    }

    /** @param findingsOnly the verdict and the findings, nothing else (a pre-push hook's output) */
    public TextReportWriter(int width, boolean colour, boolean findingsOnly) {
        this.width = width;
        this.colour = colour;
        this.findingsOnly = findingsOnly;
    }

    @Override
    public String render(Report report) {
        String text = plain(report);
        if (width <= 0 && !colour) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 256);
        for (String line : text.split("\n", -1)) {
            List<String> wrapped = width > 0 ? wrap(line, width) : List.of(line);
            for (String part : wrapped) {
                out.append(colour ? paint(part) : part).append("\n");
            }
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** A line cut at spaces into parts of at most {@code width} columns; the parts after the first are indented. */
    static List<String> wrap(String line, int width) {
        if (line.length() <= width) {
            return List.of(line);
        }
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        // The padding that aligns a rule id in a wide log is the first thing to give up in a narrow one
        String compact = line.substring(0, indent) + line.substring(indent).replaceAll(" {2,}", " ");
        if (compact.length() <= width) {
            return List.of(compact);
        }
        line = compact;
        String hanging = " ".repeat(Math.min(indent + 4, width / 2));
        List<String> parts = new ArrayList<>();
        String rest = line;
        String prefix = "";
        while ((prefix + rest).length() > width) {
            int room = width - prefix.length();
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= indent) {
                cut = rest.indexOf(' ', room);
                if (cut < 0) {
                    break;
                }
            }
            parts.add(prefix + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut + 1).stripLeading();
            prefix = hanging;
            indent = 0;
        }
        parts.add(prefix + rest);
        return parts;
    }

    private static String paint(String line) {
        String painted = line
                .replaceFirst("^FAIL ", "\u001b[1;31mFAIL" + RESET + " ")
                .replaceFirst("^WARN ", "\u001b[1;33mWARN" + RESET + " ")
                .replaceFirst("^PASS ", "\u001b[1;32mPASS" + RESET + " ")
                .replaceFirst("^(\\s*)(error|warning):", "$1\u001b[1;31m$2:" + RESET)
                .replaceFirst("^(\\s*)help:", "$1\u001b[1mhelp:" + RESET)
                .replaceFirst("^to promote safely", "\u001b[1mto promote safely" + RESET)
                .replaceAll("\\[([a-z0-9]+(?:-[a-z0-9]+)+)(, warning)?\\]$", "[\u001b[36m$1" + RESET + "$2]");
        return painted.replace("\u001b[1;31mwarning:", "\u001b[1;33mwarning:");
    }

    private String plain(Report report) {
        StringBuilder out = new StringBuilder();
        out.append(headline(report)).append("\n");
        Map<String, List<Finding>> byMigration = new LinkedHashMap<>();
        List<Finding> notCheckable = new ArrayList<>();
        List<Finding> candidateFails = new ArrayList<>();
        List<Finding> unseen = new ArrayList<>();
        for (Finding finding : report.findings()) {
            if (finding.migration() == null && finding.pattern() == null) {
                unseen.add(finding);
            } else if (finding.migration() == null && Report.isCandidateFailure(finding)) {
                candidateFails.add(finding);
            } else if (finding.migration() == null) {
                notCheckable.add(finding);
            } else {
                byMigration.computeIfAbsent(finding.migration().script(), k -> new ArrayList<>()).add(finding);
            }
        }
        byMigration.values().forEach(group -> renderMigration(out, report, group));
        if (!candidateFails.isEmpty()) {
            long failing = distinctStatements(candidateFails);
            out.append("\n").append(failing).append(" statement").append(plural((int) failing)).append(" of candidate ")
                    .append(report.candidate()).append(failing == 1 ? " fails where it must work\n"
                            : " fail where they must work\n");
            renderStatements(out, candidateFails, report);
        }
        if (!notCheckable.isEmpty()) {
            out.append("\n").append(notCheckable.size()).append(" statement(s) of ").append(services(notCheckable))
                    .append(" cannot be checked\n");
            renderStatements(out, notCheckable, report);
        }
        for (Finding finding : unseen) {
            out.append("\n").append(finding.severity().label()).append(": ").append(finding.message())
                    .append("   [").append(finding.rule()).append("]\n");
            out.append("  help: ").append(finding.help()).append("\n");
        }
        if (findingsOnly) {
            return out.toString();
        }
        if (report.plan().isPresent()) {
            out.append("\n").append(PlanText.render(report.plan().get()));
        } else {
            report.splitAdvice().ifPresent(split -> renderSplit(out, report, split));
        }
        renderSuppressed(out, report.suppressed());
        renderNotChecked(out, report.notChecked());
        renderCoverage(out, report);
        for (String warning : report.warnings()) {
            out.append("\nwarning: ").append(warning).append("\n");
        }
        out.append("\n");
        report.notes().forEach(note -> out.append("note: ").append(note).append("\n"));
        out.append("batch: ").append(report.batch().isEmpty() ? "(empty: production already has every migration)"
                : report.batch().stream().map(Migration::script).collect(Collectors.joining(", "))).append("\n");
        Summary summary = report.summary();
        out.append(String.format(Locale.ROOT, "checked %d statement%s of %d service%s at %d schema state%s%s on %s in %.1f s;"
                        + " %d not checked%s%s%n",
                summary.statements(), plural(summary.statements()), summary.services(), plural(summary.services()),
                summary.states(), plural(summary.states()),
                summary.candidateStatements() == 0 ? ""
                        : String.format(Locale.ROOT, " and %d of the candidate", summary.candidateStatements()),
                report.engine(), summary.elapsed().toMillis() / 1000.0, report.notChecked().size(),
                summary.unaffected() == 0 ? ""
                        : String.format(Locale.ROOT, "; %d use nothing the batch changes", summary.unaffected()),
                failingAtStart(report)));
        return out.toString();
    }

    static String headline(Report report) {
        String promotion = "promoting " + report.candidate() + " while " + report.production()
                + (report.summary().services() > 1 ? " serve" : " serves") + " traffic";
        return switch (report.verdict()) {
            case PASS -> "PASS  " + promotion + " breaks nothing that was checked";
            case WARN -> warning(report, promotion);
            case FAIL -> failing(report, promotion);
        };
    }

    /**
     * A WARN whose warnings include statements that fail at a step (a rule configured as a warning, a mapping no code
     * path reaches) does not say that nothing breaks.
     */
    private static String warning(Report report, String promotion) {
        int warnings = report.findings().size();
        long failing = report.findings().stream().filter(f -> f.error() != null).count();
        if (failing == 0) {
            return "WARN  " + promotion + ": " + warnings + " warning(s); nothing that was checked breaks";
        }
        return "WARN  " + promotion + ": " + warnings + " warning(s), " + failing + " of them at statements that fail;"
                + " each says why it is not an error";
    }

    private static String failing(Report report, String promotion) {
        List<Finding> failing = report.findingsAtOrAbove(report.failOn());
        List<Finding> statements = failing.stream().filter(Report::isStatement).toList();
        List<Finding> places = failing.stream().filter(Report::isMention).toList();
        int others = failing.size() - statements.size() - places.size();
        List<String> parts = new ArrayList<>();
        if (!statements.isEmpty()) {
            int broken = (int) distinctStatements(statements);
            parts.add("breaks " + broken + " statement" + plural(broken) + " of " + issuers(report, statements));
        }
        if (!places.isEmpty()) {
            parts.add("changes what " + services(places) + " names in "
                    + places.size() + " place" + plural(places.size()) + " the gate could not check");
        }
        if (others > 0) {
            parts.add((parts.isEmpty() ? "" : "and ") + others + (parts.isEmpty() ? " finding" : " other finding")
                    + plural(others));
        }
        boolean sentence = !statements.isEmpty() || !places.isEmpty();
        return "FAIL  " + promotion + (sentence ? " " : ": ") + String.join("; ", parts);
    }

    private static void renderMigration(StringBuilder out, Report report, List<Finding> group) {
        Finding first = group.get(0);
        out.append("\n").append(first.migration().script()).append(first.step() == 0 ? " (" + report.beforeTheSteps(first) + ")"
                : " (batch step " + first.step() + " of " + report.batch().size() + ")");
        List<Finding> aboutStatements = group.stream().filter(Report::isStatement).toList();
        List<Finding> mentions = group.stream().filter(Report::isMention).toList();
        long statements = aboutStatements.size();
        List<Finding> breaking = aboutStatements.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        List<Finding> warned = aboutStatements.stream().filter(f -> f.severity() != Severity.ERROR).toList();
        long atRisk = warned.stream().map(TextReportWriter::statementKey).distinct()
                .filter(key -> breaking.stream().map(TextReportWriter::statementKey).noneMatch(key::equals)).count();
        // The candidate's own statements run after the whole batch: the last step did not break them.
        List<Finding> running = breaking.stream().filter(f -> !Report.isCandidateFailure(f)).toList();
        long broken = distinctStatements(running);
        long candidates = distinctStatements(breaking) - broken;
        List<String> parts = new ArrayList<>();
        if (broken > 0) {
            parts.add(" breaks " + broken + " statement" + plural((int) broken) + " that " + services(running)
                    + " issue" + (services(running).contains(", ") ? "" : "s"));
        }
        if (candidates > 0) {
            parts.add(" after " + (first.step() == report.batch().size() ? "the whole batch"
                    : "it") + ", " + candidates + " statement" + plural((int) candidates) + " of candidate "
                    + report.candidate() + (candidates == 1 ? " fails" : " fail"));
        }
        if (atRisk > 0) {
            parts.add((broken > 0 ? " " : " may break ") + atRisk + (broken > 0 ? " more may break" : " statement"
                    + plural((int) atRisk) + " that " + services(warned) + " issue"
                    + (services(warned).contains(", ") ? "" : "s")));
        }
        if (!mentions.isEmpty()) {
            long blocking = mentions.stream().filter(report::blocks).count();
            String places = mentions.size() + " place" + plural(mentions.size());
            parts.add((parts.isEmpty() ? " changes what " + services(mentions) + " names in " + places
                    + " the gate could not check" : " " + places + " of " + services(mentions)
                    + " name what it changes where the gate could not check")
                    + (blocking > 0 && blocking < mentions.size() ? " (" + blocking + " of them fail the promotion)"
                    : ""));
        }
        out.append(String.join(";", parts)).append("\n");
        // Findings about the migration alone (locking, history...) come first; they have no statement to show.
        for (Finding finding : group) {
            if (finding.pattern() == null) {
                out.append("  ").append(finding.line() > 0 ? "line " + finding.line() + ": " : "")
                        .append(finding.message()).append("   [").append(finding.rule()).append("]\n");
                out.append("  help: ").append(finding.help()).append("\n");
            }
        }
        if (statements > 0) {
            renderStatements(out, aboutStatements, report);
        }
        if (!mentions.isEmpty()) {
            renderStatements(out, mentions, report);
        }
    }

    /** One statement of one service, however many findings are about it. */
    private static String statementKey(Finding finding) {
        return finding.service() + "\n" + finding.pattern().sql();
    }

    private static long distinctStatements(List<Finding> findings) {
        return findings.stream().map(TextReportWriter::statementKey).distinct().count();
    }

    /** Who issues the statements: the services, the candidate's as "candidate <version>". */
    private static String issuers(Report report, List<Finding> findings) {
        List<String> issuers = new ArrayList<>();
        if (findings.stream().anyMatch(f -> !Report.isCandidateFailure(f))) {
            issuers.add(services(findings.stream().filter(f -> !Report.isCandidateFailure(f)).toList()));
        }
        if (findings.stream().anyMatch(Report::isCandidateFailure)) {
            issuers.add("candidate " + report.candidate());
        }
        return String.join(" and ", issuers);
    }

    /** The services the findings are about, in the order they come. */
    private static String services(List<Finding> findings) {
        return findings.stream().map(Finding::service).filter(java.util.Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
    }

    private static void renderStatements(StringBuilder out, List<Finding> findings, Report report) {
        boolean severalServices = report.summary().services() > 1;
        String lastMessage = null;
        String lastHelp = null;
        boolean failing = report.verdict() == Verdict.FAIL;
        for (Finding finding : findings) {
            out.append("  ").append(oneLine(finding.pattern().sql())).append("\n");
            out.append("    ").append(severalServices ? finding.service() + ": " : "").append(finding.pattern().origin())
                    .append("\n");
            String said = finding.error() == null ? "" : finding.error().toString();
            // In a failing report, what does not fail it says so: a reader looks for the places that block.
            String tag = failing && !report.blocks(finding)
                    ? finding.rule() + ", " + finding.severity().label() : finding.rule();
            out.append("    ").append(said).append(" ".repeat(Math.max(1, 58 - said.length())))
                    .append("[").append(tag).append("]\n");
            if (!finding.message().equals(lastMessage)) {
                out.append("    ").append(finding.message()).append("\n");
            }
            if (!finding.help().equals(lastHelp)) {
                out.append("    help: ").append(finding.help()).append("\n");
            }
            lastMessage = finding.message();
            lastHelp = finding.help();
        }
    }

    private static void renderSplit(StringBuilder out, Report report, SplitAdvice split) {
        List<Finding> breaking = report.findingsAtOrAbove(Severity.ERROR).stream().filter(f -> f.pattern() != null)
                .toList();
        boolean statements = breaking.stream().anyMatch(Report::isStatement);
        String waitFor = "once a version that no longer " + (statements ? "issues these statements" : "names what it"
                + " changes there") + " serves traffic instead of " + services(breaking);
        if (split.verified()) {
            out.append("\nto promote safely now, hold back only ").append(scripts(split.holdBack()))
                    .append(" (replayed without ").append(split.holdBack().size() == 1 ? "it" : "them")
                    .append(", the rest of the batch breaks nothing that was checked): promote ")
                    .append(scripts(split.promoteNow())).append(" now, and ").append(scripts(split.holdBack()))
                    .append(" in a later deployment, ")
                    .append(waitFor).append(renumbering(split)).append("\n");
        } else if (split.promoteNow().isEmpty()) {
            out.append("\nto promote safely: ").append(statements ? "change " + split.holdBack().get(0).script()
                            + " as the help says, or promote it " : "promote " + split.holdBack().get(0).script() + " ")
                    .append(waitFor).append("\n");
        } else {
            out.append("\nto promote safely, split the batch: promote ").append(scripts(split.promoteNow()))
                    .append(" now; promote ").append(scripts(split.holdBack())).append(" in a later deployment, ")
                    .append(waitFor).append("\n");
        }
    }

    /** What promoting a held-back migration later takes when a migration promoted now has a higher version. */
    static String renumbering(SplitAdvice split) {
        List<Migration> below = split.belowAPromotedVersion();
        if (below.isEmpty()) {
            return "";
        }
        return "; give " + scripts(below) + " a version above " + split.highestPromoted().orElseThrow().script()
                + " by then (below a version production has, Flyway would ignore "
                + (below.size() == 1 ? "it" : "them") + " and fail its validation, unless outOfOrder is set)";
    }

    private static void renderSuppressed(StringBuilder out, List<SuppressedFinding> suppressed) {
        if (suppressed.isEmpty()) {
            return;
        }
        out.append("\nsuppressed: ").append(suppressed.size()).append(" finding(s) the migrations allow\n");
        for (SuppressedFinding entry : suppressed) {
            Finding finding = entry.finding();
            out.append("  ").append(entry.suppression()).append(": ").append(entry.suppression().reason()).append("\n");
            out.append("    ").append(finding.message());
            if (finding.pattern() != null) {
                out.append(" (").append(finding.pattern().origin()).append(")");
            }
            out.append("\n");
        }
    }

    private static void renderNotChecked(StringBuilder out, List<UnresolvedSql> notChecked) {
        if (notChecked.isEmpty()) {
            return;
        }
        out.append("\nnot checked: ").append(notChecked.size())
                .append(" place(s) that look like SQL but could not be read as a statement\n");
        for (UnresolvedSql place : notChecked) {
            out.append("  ").append(place.origin()).append("  ").append(oneLine(place.fragment()))
                    .append("  (").append(place.reason()).append(")\n");
        }
    }

    /**
     * The running versions' statements that fail already at production's schema, whose probes tell nothing: they were
     * run, not checked, and the last line must not count them among what the gate vouches for.
     */
    private static String failingAtStart(Report report) {
        int failing = report.coverage().stream().mapToInt(c -> c.statements() - c.checked()).sum();
        return failing == 0 ? "" : String.format(Locale.ROOT, "; %d of the running version%s statements %s"
                + " already at production's schema, so that %s probes tell nothing",
                failing, report.coverage().size() > 1 ? "s'" : "'s", failing == 1 ? "fails" : "fail",
                failing == 1 ? "its" : "their");
    }

    /** Per running version, when there are several or one of them was not fully seen. */
    private static void renderCoverage(StringBuilder out, Report report) {
        boolean worthSaying = report.coverage().size() > 1 || report.coverage().stream()
                .anyMatch(c -> c.nothingChecked() || !c.namedUnchecked().isEmpty());
        if (!worthSaying) {
            return;
        }
        out.append("\ncoverage:\n");
        for (Coverage coverage : report.coverage()) {
            out.append("  ").append(coverage.issuer().label()).append(": ").append(coverage.statements())
                    .append(" statement").append(plural(coverage.statements())).append(" found, ")
                    .append(coverage.checked()).append(" checked, ").append(coverage.notChecked())
                    .append(" place").append(plural(coverage.notChecked())).append(" not checked");
            if (!coverage.namedUnchecked().isEmpty()) {
                out.append("; names ").append(String.join(", ", coverage.namedUnchecked()))
                        .append(" where it was not checked");
            }
            out.append("\n");
        }
    }

    private static String scripts(List<Migration> migrations) {
        return migrations.stream().map(Migration::script).collect(Collectors.joining(", "));
    }

    static String oneLine(String sql) {
        String flat = OneLine.of(sql);
        return flat.length() <= SQL_WIDTH ? flat : flat.substring(0, SQL_WIDTH - 3) + "...";
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }
}
