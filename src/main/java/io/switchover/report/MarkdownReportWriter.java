package io.switchover.report;

import io.switchover.migrations.Migration;
import io.switchover.rules.Finding;
import io.switchover.sql.OneLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Markdown for a merge-request comment (GitHub and GitLab): the verdict line first, what to do next, then the findings
 * grouped by migration, each group in a {@code <details>} block. Text is escaped so that nothing in a statement or a
 * message becomes markup, a link, a mention or an emoji; code spans are fenced so that no backtick ends them early.
 * The whole stays under a size cap (a GitHub comment holds 65,536 characters): groups that do not fit are counted and
 * left to the full report.
 */
public final class MarkdownReportWriter implements ReportWriter {
    /** Below GitHub's 65,536-character limit for a comment, with room for what a pipeline adds around it. */
    public static final int DEFAULT_LIMIT = 60_000;
    private final int limit;
    private final String fullReport;

    public MarkdownReportWriter() {
        this(DEFAULT_LIMIT, null);
    }

    /**
     * @param limit      the most characters the comment may have
     * @param fullReport where the full report is (a file name or URL), named when groups are left out; null for a
     *                   pointer to the other formats
     */
    public MarkdownReportWriter(int limit, String fullReport) {
        this.limit = limit;
        this.fullReport = fullReport;
    }

    @Override
    public String render(Report report) {
        StringBuilder head = new StringBuilder();
        String headline = TextReportWriter.headline(report);
        head.append("**").append(report.verdict()).append("** ")
                .append(text(headline.substring(report.verdict().name().length()).strip())).append("\n\n");
        report.plan().ifPresentOrElse(plan -> {
            head.append("**To promote safely:** ").append(text(PlanText.headline(plan))).append("\n\n");
            int n = 1;
            for (PlanText.Step step : PlanText.steps(plan)) {
                head.append(n++).append(". ").append(text(step.action()))
                        .append(step.notFurther().map(why -> "; not further, since " + text(why)).orElse(""))
                        .append("\n");
            }
            PlanText.after(plan).forEach(line -> head.append("\n- ").append(text(line)));
            head.append("\n\n");
        }, () -> report.splitAdvice().ifPresent(split -> head.append("**To promote safely:** ")
                .append(split.promoteNow().isEmpty() ? "hold back " + scripts(split.holdBack())
                        : "promote " + scripts(split.promoteNow()) + " now; promote " + scripts(split.holdBack())
                        + " in a later deployment")
                .append(", once a version that no longer issues these statements serves traffic")
                .append(text(TextReportWriter.renumbering(split))).append(".\n\n")));

        List<String> groups = new ArrayList<>();
        groupFindings(report).forEach((place, findings) -> groups.add(group(report, place, findings)));
        StringBuilder tail = new StringBuilder();
        if (!report.suppressed().isEmpty()) {
            tail.append("<details><summary>").append(report.suppressed().size())
                    .append(" finding(s) allowed by the migrations</summary>\n\n");
            report.suppressed().forEach(s -> tail.append("- ").append(code(s.suppression().toString())).append(": ")
                    .append(text(s.suppression().reason())).append("\n"));
            tail.append("\n</details>\n\n");
        }
        if (!report.notChecked().isEmpty()) {
            tail.append("<details><summary>").append(report.notChecked().size())
                    .append(" place(s) that look like SQL but could not be read as a statement, not checked")
                    .append("</summary>\n\n");
            report.notChecked().forEach(u -> tail.append("- ").append(code(u.origin().toString())).append(" ")
                    .append(text(u.reason())).append("\n"));
            tail.append("\n</details>\n\n");
        }
        report.warnings().forEach(w -> tail.append("> warning: ").append(text(w)).append("\n"));
        report.notes().forEach(n -> tail.append("> note: ").append(text(n)).append("\n"));
        if (!report.warnings().isEmpty() || !report.notes().isEmpty()) {
            tail.append("\n");
        }
        Summary summary = report.summary();
        tail.append("Batch: ").append(report.batch().isEmpty() ? "empty" : scripts(report.batch()))
                .append(String.format(Locale.ROOT, ". Checked %d statement(s) of %d service(s) at %d schema state(s) on %s"
                                + " in %.1f s.%n", summary.statements(), summary.services(), summary.states(),
                        text(report.engine()), summary.elapsed().toMillis() / 1000.0));

        StringBuilder out = new StringBuilder(head);
        int room = limit - head.length() - tail.length() - 400;
        int shown = 0;
        for (String group : groups) {
            if (group.length() > room) {
                break;
            }
            out.append(group);
            room -= group.length();
            shown++;
        }
        if (shown < groups.size()) {
            long left = groups.size() - shown;
            out.append("> ").append(left).append(" more group").append(left == 1 ? "" : "s")
                    .append(" of findings do not fit in a comment: ")
                    .append(fullReport == null ? "the full report (`--format html` or `json`) has every finding"
                            : "see the full report, " + text(fullReport))
                    .append(".\n\n");
        }
        out.append(tail);
        return out.toString();
    }

    private static Map<String, List<Finding>> groupFindings(Report report) {
        Map<String, List<Finding>> byPlace = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            String place = finding.migration() == null && finding.pattern() == null ? "What the gate could not see"
                    : finding.migration() == null && Report.isCandidateFailure(finding)
                    ? "Statements of candidate " + text(report.candidate()) + " that fail where they must work"
                    : finding.migration() == null ? "Statements that cannot be checked"
                    : finding.step() == 0 ? code(finding.migration().script()) + " (" + report.beforeTheSteps(finding) + ")"
                    : code(finding.migration().script()) + " (batch step " + finding.step() + " of "
                    + report.batch().size() + ")";
            byPlace.computeIfAbsent(place, k -> new ArrayList<>()).add(finding);
        }
        return byPlace;
    }

    private static String group(Report report, String place, List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        long errors = findings.stream().filter(f -> f.severity().atLeast(report.failOn())).count();
        boolean open = errors > 0;
        out.append("<details").append(open ? " open" : "").append("><summary><b>")
                .append(Xml.escape(place.replace("`", ""))).append("</b>: ").append(findings.size())
                .append(findings.size() == 1 ? " finding" : " findings")
                .append(errors > 0 ? ", " + errors + " failing the promotion" : "").append("</summary>\n\n");
        for (Finding finding : findings.stream().filter(f -> f.pattern() == null).toList()) {
            out.append("- **").append(text(finding.rule())).append("** (").append(finding.severity().label()).append(")")
                    .append(finding.line() > 0 ? ", line " + finding.line() : "").append(": ")
                    .append(text(finding.message())).append(". ").append(text(finding.help())).append("\n");
        }
        List<Finding> statements = findings.stream().filter(f -> f.pattern() != null).toList();
        if (!statements.isEmpty()) {
            boolean candidate = statements.stream().allMatch(Report::isCandidateFailure);
            out.append("\n| ").append(candidate ? "the candidate's statement" : "old statement or code")
                    .append(" | where | the database said | rule |\n| --- | --- | --- | --- |\n");
            for (Finding finding : statements) {
                out.append("| ").append(cell(code(oneLine(finding.pattern().sql())))).append(" | ")
                        .append(Report.isCandidateFailure(finding) ? "candidate " + text(report.candidate()) + ": "
                                : finding.service() == null ? "" : text(finding.service()) + ": ")
                        .append(cell(code(finding.pattern().origin().toString()))).append(" | ")
                        .append(finding.error() == null ? "" : text(finding.error().toString())).append(" | ")
                        .append(text(finding.rule())).append(" (").append(finding.severity().label()).append(") |\n");
            }
            out.append("\n");
            statements.stream().map(f -> text(f.message()) + ". **What to do:** " + text(f.help())).distinct()
                    .forEach(line -> out.append("- ").append(line).append("\n"));
        }
        out.append("\n</details>\n\n");
        return out.toString();
    }

    private static String scripts(List<Migration> migrations) {
        return migrations.stream().map(m -> code(m.script())).collect(Collectors.joining(", "));
    }

    private static String oneLine(String sql) {
        return OneLine.of(sql);
    }

    /**
     * Text that renders as itself on GitHub and GitLab: every ASCII punctuation character that CommonMark, GFM or
     * either site's references treat specially where it stands (emphasis, links, HTML, entities, tables,
     * strikethrough, mentions, issue, merge-request, milestone and epic references, emoji, math) is escaped with a
     * backslash, which CommonMark allows before any ASCII punctuation; line breaks become spaces.
     */
    static String text(String value) {
        String flat = value.replaceAll("\\s+", " ");
        StringBuilder out = new StringBuilder(flat.length() + 16);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            // ':' only where an emoji shortcode could start; '-' and '+' only where a list item could
            boolean special = "\\`*_{}[]<>#!|~@%$&".indexOf(c) >= 0
                    || c == ':' && i + 1 < flat.length() && Character.isLetterOrDigit(flat.charAt(i + 1))
                    || (c == '-' || c == '+') && i == 0;
            if (special) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A code span fenced with one backtick more than the longest run inside, padded where the text starts or ends with one. */
    static String code(String value) {
        String flat = value.replaceAll("\\s+", " ");
        int longest = 0;
        int run = 0;
        for (char c : flat.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`") || (flat.startsWith(" ") && flat.endsWith(" "));
        return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
    }

    /**
     * Inside a GFM table cell a pipe ends the cell, even inside a code span, unless it is escaped; {@link #text}
     * escapes its pipes already.
     */
    private static String cell(String markdown) {
        return markdown.replace("|", "\\|");
    }
}
