package io.switchover.report;

/**
 * A standalone page for the person at an approval gate: the verdict as a coloured banner above the text report, so
 * that the page says exactly what the pipeline log says.
 */
public final class HtmlReportWriter implements ReportWriter {
    private final TextReportWriter text = new TextReportWriter();

    @Override
    public String render(Report report) {
        String colour = switch (report.verdict()) {
            case PASS -> "#1a7f37";
            case WARN -> "#9a6700";
            case FAIL -> "#cf222e";
        };
        String body = text.render(report);
        String headline = body.lines().findFirst().orElse("");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + Xml.escape(headline) + "</title>\n<style>\n"
                + "body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}\n"
                + ".verdict{color:#fff;background:" + colour + ";padding:.75rem 1rem;border-radius:6px;font-weight:600}\n"
                + "pre{background:#f6f8fa;padding:1rem;border-radius:6px;overflow-x:auto;line-height:1.4}\n"
                + "</style>\n</head>\n<body>\n<div class=\"verdict\">" + Xml.escape(headline) + "</div>\n<pre>"
                + Xml.escape(body.substring(Math.min(body.length(), headline.length())).stripLeading()) + "</pre>\n"
                + "</body>\n</html>\n";
    }
}
