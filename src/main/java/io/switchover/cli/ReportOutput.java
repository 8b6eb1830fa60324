package io.switchover.cli;

import io.switchover.SwitchoverException;
import io.switchover.report.GithubActions;
import io.switchover.report.MarkdownReportWriter;
import io.switchover.report.Report;
import io.switchover.report.ReportFormat;
import io.switchover.report.ReportWriter;
import io.switchover.report.TextReportWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Where a check's report goes: standard output or {@code --output}, every format into {@code --output-dir}, and,
 * inside a GitHub Actions job, annotations and the job summary. Standard output carries only the chosen format (or
 * the verdict line): annotations go to standard error when it carries a machine format, which the runner reads too.
 *
 * @param width  the columns to wrap the text report to on standard output (0: none)
 * @param colour whether the text on standard output is coloured
 * @param brief  the text on standard output holds the verdict and the findings only ({@code --brief})
 */
record ReportOutput(ReportFormat format, Path output, Path outputDir, int width, boolean colour,
                    Map<String, String> environment, boolean brief) {

    ReportOutput(ReportFormat format, Path output, Path outputDir, int width, boolean colour,
                 Map<String, String> environment) {
        this(format, output, outputDir, width, colour, environment, false);
    }

    /**
     * {@code --width}: given, or on a terminal its COLUMNS (else 100), or 100 in a CI system's log (GitHub Actions,
     * GitLab CI, Jenkins, GoCD), else none: output piped into a file or a program keeps its lines whole.
     */
    static int width(Integer option, boolean terminal, Map<String, String> environment) {
        if (option != null) {
            if (option != 0 && option < 40) {
                throw SwitchoverException.badInput("--width: at least 40 columns, or 0 for no wrapping");
            }
            return option;
        }
        if (terminal) {
            try {
                int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", "").strip());
                return columns >= 40 ? columns : 100;
            } catch (NumberFormatException e) {
                return 100;
            }
        }
        boolean ci = java.util.stream.Stream.of("GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "GO_SERVER_URL")
                .anyMatch(key -> environment.get(key) != null && !environment.get(key).isBlank());
        return ci ? 100 : 0;
    }

    /** {@code --color auto}: a terminal, not NO_COLOR (https://no-color.org), not TERM=dumb. */
    static boolean colour(String choice, boolean terminal, Map<String, String> environment) {
        return switch (choice) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> terminal && environment.getOrDefault("NO_COLOR", "").isEmpty()
                    && !"dumb".equals(environment.get("TERM"));
            default -> throw SwitchoverException.badInput("--color: use auto, always or never, not '" + choice + "'");
        };
    }

    void write(Report report, PrintWriter out, PrintWriter err) {
        String verdictLine = new TextReportWriter().render(report).lines().findFirst().orElse("");
        if (outputDir != null) {
            for (ReportFormat each : ReportFormat.values()) {
                ReportWriter writer = each == ReportFormat.MARKDOWN
                        ? new MarkdownReportWriter(MarkdownReportWriter.DEFAULT_LIMIT, ReportFormat.HTML.fileName())
                        : each.writer();
                write(outputDir.resolve(each.fileName()), writer.render(report));
            }
        }
        boolean textOnStdout = output == null && format == ReportFormat.TEXT;
        if (output != null) {
            write(output, format.writer().render(report));
            out.println(verdictLine + "  (report: " + output + ")");
        } else if (format == ReportFormat.TEXT) {
            out.print(new TextReportWriter(width, colour, brief).render(report));
        } else {
            out.print(format.writer().render(report));
        }
        if (outputDir != null && output == null && !textOnStdout) {
            err.println("switchover: reports in " + outputDir);
        } else if (outputDir != null && textOnStdout) {
            out.println("reports: " + outputDir);
        }
        if (GithubActions.running(environment)) {
            PrintWriter commands = output != null || textOnStdout ? out : err;
            GithubActions.annotations(report).forEach(commands::println);
            String summary = environment.get("GITHUB_STEP_SUMMARY");
            if (summary != null && !summary.isBlank()) {
                append(Path.of(summary), new MarkdownReportWriter(MarkdownReportWriter.DEFAULT_LIMIT,
                        outputDir == null ? null : "the job's " + ReportFormat.HTML.fileName()).render(report) + "\n");
            }
        }
        out.flush();
        err.flush();
    }

    private static void write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot write the report to " + file + ": " + io.switchover.FileProblem.describe(e));
        }
    }

    private static void append(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot append the job summary to " + file + ": " + io.switchover.FileProblem.describe(e));
        }
    }
}
