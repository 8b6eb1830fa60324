package io.switchover.report;

import io.switchover.SwitchoverException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a report can be written in. */
public enum ReportFormat {
    TEXT(new TextReportWriter(), "report.txt"),
    JSON(new JsonReportWriter(), "report.json"),
    MARKDOWN(new MarkdownReportWriter(), "report.md"),
    HTML(new HtmlReportWriter(), "report.html"),
    JUNIT(new JunitReportWriter(), "report.junit.xml"),
    SARIF(new SarifReportWriter(), "report.sarif"),
    GITLAB(new GitlabCodeQualityWriter(), "gl-code-quality-report.json");

    private final ReportWriter writer;
    private final String fileName;

    ReportFormat(ReportWriter writer, String fileName) {
        this.writer = writer;
        this.fileName = fileName;
    }

    public ReportWriter writer() {
        return writer;
    }

    /** The file {@code --output-dir} writes this format to. */
    public String fileName() {
        return fileName;
    }

    public static ReportFormat parse(String name) {
        for (ReportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw SwitchoverException.badInput("unknown --format '" + name + "'; use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
