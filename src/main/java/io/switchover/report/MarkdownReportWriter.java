package io.switchover.report;

import io.switchover.migrations.Migration;
import io.switchover.rules.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Markdown for a merge-request comment or an approval gate's page: the verdict as a heading, one table per migration
 * (old statement, where, what the database said, rule), what to do, and how to split the batch.
 */
public final class MarkdownReportWriter implements ReportWriter {

    @Override
    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(report.verdict()).append(": promoting `").append(report.candidate()).append("` while `")
                .append(report.production()).append("` serves traffic\n\n");
        Map<String, List<Finding>> byPlace = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            String place = finding.migration() == null && finding.pattern() == null ? "What the gate could not see"
                    : finding.migration() == null ? "Statements that cannot be checked"
                    : finding.step() == 0 ? "`" + finding.migration().script() + "` (production's history)"
                    : "`" + finding.migration().script() + "` (batch step " + finding.step() + " of " + report.batch().size() + ")";
            byPlace.computeIfAbsent(place, k -> new ArrayList<>()).add(finding);
        }
        byPlace.forEach((place, findings) -> {
            out.append("### ").append(place).append("\n\n");
            List<Finding> aboutMigration = findings.stream().filter(f -> f.pattern() == null).toList();
            for (Finding finding : aboutMigration) {
                out.append("- **").append(finding.rule()).append("** (").append(finding.severity().label()).append(")")
                        .append(finding.line() > 0 ? ", line " + finding.line() : "").append(": ")
                        .append(cell(finding.message())).append(". ").append(cell(finding.help())).append("\n");
            }
            List<Finding> aboutStatements = findings.stream().filter(f -> f.pattern() != null).toList();
            if (!aboutStatements.isEmpty()) {
                if (!aboutMigration.isEmpty()) {
                    out.append("\n");
                }
                out.append("| old statement or code | where | the database said | rule |\n| --- | --- | --- | --- |\n");
                for (Finding finding : aboutStatements) {
                    out.append("| `").append(cell(TextReportWriter.oneLine(finding.pattern().sql()))).append("` | ")
                            .append(finding.service() == null ? "" : cell(finding.service()) + ": ").append("`")
                            .append(cell(finding.pattern().origin().toString())).append("` | ")
                            .append(finding.error() == null ? "" : cell(finding.error().toString())).append(" | ")
                            .append(finding.rule()).append(" (").append(finding.severity().label()).append(") |\n");
                }
                out.append("\n");
                aboutStatements.stream().map(f -> f.message() + ". **What to do:** " + f.help()).distinct()
                        .forEach(line -> out.append("- ").append(cell(line)).append("\n"));
            }
            out.append("\n");
        });
        report.splitAdvice().ifPresent(split -> out.append("**To promote safely:** ")
                .append(split.promoteNow().isEmpty() ? "hold back " + scripts(split.holdBack())
                        : "promote " + scripts(split.promoteNow()) + " now; promote " + scripts(split.holdBack())
                        + " in a later deployment")
                .append(", once a version that no longer issues these statements serves traffic.\n\n"));
        if (!report.suppressed().isEmpty()) {
            out.append("<details><summary>").append(report.suppressed().size())
                    .append(" finding(s) allowed by the migrations</summary>\n\n");
            report.suppressed().forEach(s -> out.append("- `").append(s.suppression()).append("`: ")
                    .append(cell(s.suppression().reason())).append("\n"));
            out.append("\n</details>\n\n");
        }
        if (!report.notChecked().isEmpty()) {
            out.append("<details><summary>").append(report.notChecked().size())
                    .append(" place(s) that look like SQL but could not be read as a statement, not checked")
                    .append("</summary>\n\n");
            report.notChecked().forEach(u -> out.append("- `").append(cell(u.origin().toString())).append("` ")
                    .append(cell(u.reason())).append("\n"));
            out.append("\n</details>\n\n");
        }
        report.warnings().forEach(w -> out.append("> warning: ").append(cell(w)).append("\n"));
        report.notes().forEach(n -> out.append("> note: ").append(cell(n)).append("\n"));
        Summary summary = report.summary();
        out.append("Batch: ").append(report.batch().isEmpty() ? "empty"
                        : report.batch().stream().map(m -> "`" + m.script() + "`").collect(Collectors.joining(", ")))
                .append(String.format(Locale.ROOT, ". Checked %d statement(s) of %d service(s) at %d schema state(s) on %s"
                                + " in %.1f s.%n", summary.statements(), summary.services(), summary.states(), report.engine(),
                        summary.elapsed().toMillis() / 1000.0));
        return out.toString();
    }

    private static String scripts(List<Migration> migrations) {
        return migrations.stream().map(m -> "`" + m.script() + "`").collect(Collectors.joining(", "));
    }

    /** Text that stays inside one table cell and one line. */
    private static String cell(String text) {
        return text.replace("|", "\\\\|").replace("\n", " ");
    }
}
