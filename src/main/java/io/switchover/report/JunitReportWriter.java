package io.switchover.report;

import io.switchover.rules.Finding;

import java.util.List;
import java.util.Locale;

/**
 * JUnit XML, the report format every CI system shows: one test case per finding (a failure when it fails the
 * promotion, a skipped case with the reason for a warning), or one passing case when nothing was found.
 */
public final class JunitReportWriter implements ReportWriter {

    @Override
    public String render(Report report) {
        List<Finding> findings = report.findings();
        long failures = findings.stream().filter(f -> f.severity().atLeast(report.failOn())).count();
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        String suite = "switchover: promoting " + report.candidate() + " while " + report.production() + " serves traffic";
        out.append("<testsuites>\n  <testsuite name=\"").append(Xml.escape(suite)).append("\" tests=\"")
                .append(Math.max(1, findings.size())).append("\" failures=\"").append(failures).append("\" skipped=\"")
                .append(findings.size() - failures).append("\" time=\"")
                .append(String.format(Locale.ROOT, "%.3f", report.summary().elapsed().toMillis() / 1000.0)).append("\">\n");
        if (findings.isEmpty()) {
            out.append("    <testcase classname=\"switchover\" name=\"the batch breaks nothing that was checked\"/>\n");
        }
        for (Finding finding : findings) {
            out.append("    <testcase classname=\"").append(Xml.escape(classname(finding))).append("\" name=\"")
                    .append(Xml.escape(name(finding))).append("\">\n");
            String body = finding.message() + "\nhelp: " + finding.help()
                    + (finding.pattern() == null ? "" : "\n" + finding.pattern().sql() + "\n" + finding.pattern().origin())
                    + (finding.error() == null ? "" : "\n" + finding.error());
            String tag = finding.severity().atLeast(report.failOn()) ? "failure" : "skipped";
            out.append("      <").append(tag).append(" type=\"").append(finding.rule()).append("\" message=\"")
                    .append(Xml.escape(finding.message())).append("\">").append(Xml.escape(body)).append("</")
                    .append(tag).append(">\n");
            out.append("    </testcase>\n");
        }
        out.append("  </testsuite>\n</testsuites>\n");
        return out.toString();
    }

    private static String classname(Finding finding) {
        if (finding.service() != null) {
            return finding.service();
        }
        return finding.migration() == null ? "switchover" : finding.migration().script();
    }

    private static String name(Finding finding) {
        String where = finding.pattern() != null ? finding.pattern().origin().toString()
                : finding.migration() != null ? finding.migration().script() + (finding.line() > 0 ? ":" + finding.line() : "")
                : "";
        return "[" + finding.rule() + "] " + where;
    }
}
