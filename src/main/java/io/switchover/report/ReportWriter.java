package io.switchover.report;

/** Renders a report in one format. */
public interface ReportWriter {

    String render(Report report);
}
