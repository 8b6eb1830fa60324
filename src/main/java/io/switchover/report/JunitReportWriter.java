package io.switchover.report;

import io.switchover.migrations.Migration;
import io.switchover.rules.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML, the report every CI system shows: one test case per (service, batch step), which fails when a finding
 * about that step fails the promotion; findings about production's history or about no step get a case of their own.
 * Warnings that fail nothing stay visible: the case's name counts them and its output lists them (viewers hide
 * skipped cases, so none is skipped). Names are unique, and each case names the migration's file.
 */
public final class JunitReportWriter implements ReportWriter {

    private record Case(String classname, String name, String file, List<Finding> findings) {
    }

    @Override
    public String render(Report report) {
        List<Case> cases = cases(report);
        long failures = cases.stream().filter(c -> failing(c, report)).count();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String suite = "switchover: promoting " + report.candidate() + " while " + report.production() + " serves traffic";
        String time = String.format(Locale.ROOT, "%.3f", report.summary().elapsed().toMillis() / 1000.0);
        out.append("<testsuites name=\"switchover\" tests=\"").append(cases.size()).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"").append(time).append("\">\n");
        out.append("  <testsuite name=\"").append(Xml.escape(suite)).append("\" tests=\"").append(cases.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"").append(time)
                .append("\">\n");
        for (Case c : cases) {
            List<Finding> failing = c.findings().stream().filter(f -> f.severity().atLeast(report.failOn())).toList();
            List<Finding> warnings = c.findings().stream().filter(f -> !f.severity().atLeast(report.failOn())).toList();
            String name = c.name() + (warnings.isEmpty() ? "" : " (" + warnings.size() + " warning"
                    + (warnings.size() == 1 ? "" : "s") + ")");
            out.append("    <testcase classname=\"").append(Xml.escape(c.classname())).append("\" name=\"")
                    .append(Xml.escape(name)).append("\"");
            if (c.file() != null) {
                out.append(" file=\"").append(Xml.escape(c.file())).append("\"");
            }
            out.append(" time=\"0\"");
            if (c.findings().isEmpty()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            if (!failing.isEmpty()) {
                Finding first = failing.get(0);
                out.append("      <failure type=\"").append(Xml.escape(first.rule())).append("\" message=\"")
                        .append(Xml.escape(failing.size() == 1 ? first.message()
                                : failing.size() + " findings fail the promotion; the first: " + first.message()))
                        .append("\">").append(Xml.escape(body(failing))).append("</failure>\n");
            }
            if (!warnings.isEmpty()) {
                out.append("      <system-out>").append(Xml.escape(body(warnings))).append("</system-out>\n");
            }
            out.append("    </testcase>\n");
        }
        // The way out, where CI views show a suite's output: the promotion plan in words
        report.plan().ifPresent(plan -> out.append("    <system-out>").append(Xml.escape(PlanText.render(plan)))
                .append("</system-out>\n"));
        out.append("  </testsuite>\n</testsuites>\n");
        return out.toString();
    }

    private static boolean failing(Case c, Report report) {
        return c.findings().stream().anyMatch(f -> f.severity().atLeast(report.failOn()));
    }

    /** A case per service and batch step, in batch order, then the findings about no step, by rule. */
    private static List<Case> cases(Report report) {
        Map<String, Case> cases = new LinkedHashMap<>();
        List<String> services = report.services().isEmpty()
                ? List.of(report.production()) : report.services().stream().map(PromotedService::name).toList();
        for (String service : services) {
            for (int step = 1; step <= report.batch().size(); step++) {
                Migration migration = report.batch().get(step - 1);
                cases.put(key(service, step), new Case("switchover." + service, service + " at step " + step + " of "
                        + report.batch().size() + ": " + migration.script(), migration.path(), new ArrayList<>()));
            }
        }
        for (Finding finding : report.findings()) {
            String service = finding.service() != null ? finding.service()
                    : services.size() == 1 ? services.get(0) : null;
            Case c = finding.step() > 0 && service != null ? cases.get(key(service, finding.step())) : null;
            if (c == null) {
                String about = finding.service() == null ? "" : finding.service() + ": ";
                String place = about + (finding.migration() == null ? "not tied to a step: " + finding.rule()
                        : finding.step() == 0 ? report.beforeTheSteps(finding) + ": " + finding.migration().script()
                        : "step " + finding.step() + ": " + finding.migration().script());
                String owner = finding.service() == null ? "switchover" : "switchover." + finding.service();
                c = cases.computeIfAbsent(owner + "\n" + place, k -> new Case(owner, place,
                        finding.migration() == null ? null : finding.migration().path(), new ArrayList<>()));
            }
            c.findings().add(finding);
        }
        if (cases.isEmpty()) {
            cases.put("", new Case("switchover", "the batch is empty: production already has every migration", null,
                    List.of()));
        }
        return List.copyOf(cases.values());
    }

    private static String key(String service, int step) {
        return "switchover." + service + "\nstep " + step;
    }

    private static String body(List<Finding> findings) {
        StringBuilder body = new StringBuilder();
        for (Finding finding : findings) {
            body.append(finding.severity().label()).append(" [").append(finding.rule()).append("] ")
                    .append(finding.message()).append("\n");
            if (finding.pattern() != null) {
                body.append("  ").append(TextReportWriter.oneLine(finding.pattern().sql())).append("\n  at ")
                        .append(finding.pattern().origin()).append("\n");
            }
            if (finding.error() != null) {
                body.append("  the database said: ").append(finding.error()).append("\n");
            }
            body.append("  help: ").append(finding.help()).append("\n");
        }
        return body.toString();
    }
}
