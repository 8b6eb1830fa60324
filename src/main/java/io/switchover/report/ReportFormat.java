package io.switchover.report;

import io.switchover.SwitchoverException;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The formats a report can be written in. */
public enum ReportFormat {
    TEXT(TextReportWriter::new, "report.txt"),
    JSON(JsonReportWriter::new, "report.json"),
    MARKDOWN(MarkdownReportWriter::new, "report.md"),
    HTML(HtmlReportWriter::new, "report.html"),
    JUNIT(JunitReportWriter::new, "report.junit.xml"),
    SARIF(SarifReportWriter::new, "report.sarif"),
    GITLAB(GitlabCodeQualityWriter::new, "gl-code-quality-report.json");

    /** Made when first asked for: a check writes one format, and the others' libraries (Jackson) need not load. */
    private final Supplier<ReportWriter> make;
    private volatile ReportWriter writer;
    private final String fileName;

    ReportFormat(Supplier<ReportWriter> make, String fileName) {
        this.make = make;
        this.fileName = fileName;
    }

    public ReportWriter writer() {
        ReportWriter made = writer;
        if (made == null) {
            synchronized (this) {
                if (writer == null) {
                    writer = make.get();
                }
                made = writer;
            }
        }
        return made;
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
