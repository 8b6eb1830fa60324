package io.switchover.report;

import io.switchover.rules.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions' workflow commands: one {@code ::error} or {@code ::warning} annotation per finding, on the migration
 * statement in the checked-out candidate, so that the run's summary and the pull request's diff show it there.
 */
public final class GithubActions {
    private GithubActions() {
    }

    /** Whether the environment is a GitHub Actions job. */
    public static boolean running(java.util.Map<String, String> environment) {
        return "true".equals(environment.get("GITHUB_ACTIONS"));
    }

    public static List<String> annotations(Report report) {
        List<String> lines = new ArrayList<>();
        for (Finding finding : report.findings()) {
            SarifReportWriter.Place place = SarifReportWriter.place(report, finding);
            StringBuilder message = new StringBuilder(finding.message());
            if (finding.pattern() != null) {
                message.append("\n").append(TextReportWriter.oneLine(finding.pattern().sql())).append("\n  at ")
                        .append(finding.service() == null ? "" : finding.service() + ": ")
                        .append(finding.pattern().origin());
            }
            if (finding.error() != null) {
                message.append("\n  the database said: ").append(finding.error());
            }
            message.append("\nhelp: ").append(finding.help());
            lines.add("::" + (finding.severity().atLeast(report.failOn()) ? "error" : "warning")
                    + " file=" + property(place.path()) + ",line=" + place.line()
                    + ",title=" + property("switchover " + finding.rule() + ": " + finding.title())
                    + "::" + data(message.toString()));
        }
        return lines;
    }

    /** The escaping the runner undoes in a command's message. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The escaping the runner undoes in a command's property values, where ':' and ',' delimit. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
