package io.switchover.report;

import io.switchover.SwitchoverException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a report can be written in. */
public enum ReportFormat {
    TEXT(new TextReportWriter()),
    JSON(new JsonReportWriter()),
    MARKDOWN(new MarkdownReportWriter()),
    HTML(new HtmlReportWriter()),
    JUNIT(new JunitReportWriter()),
    SARIF(new SarifReportWriter());

    private final ReportWriter writer;

    ReportFormat(ReportWriter writer) {
        this.writer = writer;
    }

    public ReportWriter writer() {
        return writer;
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
