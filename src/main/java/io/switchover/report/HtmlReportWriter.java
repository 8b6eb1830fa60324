package io.switchover.report;

import io.switchover.migrations.Migration;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.rules.Coverage;
import io.switchover.rules.Finding;
import io.switchover.rules.RuleDoc;
import io.switchover.rules.RuleDocs;
import io.switchover.rules.Severity;
import io.switchover.rules.SuppressedFinding;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The approval gate's page: one self-contained HTML file (no script, no request) for the person who approves the
 * promotion. The verdict with its counts and what to do first; what is promoted (each service's production version
 * and candidate, the batch with its checksums); the switch-over timeline as a picture, states left to right and
 * statements down, marking where each breaks; per migration its SQL with the breaking statements highlighted and each
 * finding; suppressed findings, what was not checked, coverage; the rules' docs. Readable from 400 px up, printable.
 */
public final class HtmlReportWriter implements ReportWriter {
    private static final int COLUMN = 112;
    private static final int LEFT = 24;
    private static final int MAX_ROWS = 60;

    @Override
    public String render(Report report) {
        StringBuilder out = new StringBuilder(16_384);
        String headline = TextReportWriter.headline(report);
        String verdict = report.verdict().name();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(headline.replaceFirst("^[A-Z]+\\s+", verdict + ": "))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(out, report, headline);
        advice(out, report);
        promoted(out, report);
        timeline(out, report);
        findings(out, report);
        suppressed(out, report.suppressed());
        unseen(out, report);
        rules(out, report);
        Summary summary = report.summary();
        out.append("<footer>").append(esc(String.format(Locale.ROOT, "Checked %d statement%s of %d service%s at %d schema"
                        + " state%s%s on %s in %.1f s.", summary.statements(), plural(summary.statements()),
                summary.services(), plural(summary.services()), summary.states(), plural(summary.states()),
                summary.candidateStatements() == 0 ? ""
                        : " and " + summary.candidateStatements() + " of the candidate",
                report.engine(), summary.elapsed().toMillis() / 1000.0))).append(" Fails on ")
                .append(esc(report.failOn().label())).append(" and above.</footer>\n");
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, Report report, String headline) {
        List<Finding> failing = report.findingsAtOrAbove(report.failOn());
        long warnings = report.findings().size() - failing.size();
        String sentence = headline.substring(report.verdict().name().length()).strip();
        out.append("<header id=\"verdict\" class=\"verdict ").append(report.verdict().name().toLowerCase(Locale.ROOT))
                .append("\">\n<p class=\"word\">").append(report.verdict()).append("</p>\n<p class=\"sentence\">")
                .append(esc(sentence)).append("</p>\n<ul class=\"counts\">")
                .append(count(failing.size(), "finding", "failing the promotion"))
                .append(warnings == 0 ? "" : count((int) warnings, "warning", "failing nothing"))
                .append(count(report.batch().size(), "migration", "in the batch"))
                .append(count(report.summary().statements(), "statement", "of production checked"))
                .append(report.notChecked().isEmpty() ? "" : count(report.notChecked().size(), "place", "not checked"))
                .append("</ul>\n</header>\n");
    }

    private static String count(int n, String noun, String what) {
        return "<li><b>" + n + "</b> " + noun + (n == 1 ? "" : "s") + " " + what + "</li>";
    }

    private static void advice(StringBuilder out, Report report) {
        if (report.plan().isPresent()) {
            plan(out, report.plan().get());
            return;
        }
        report.splitAdvice().ifPresentOrElse(split -> {
            out.append("<section id=\"advice\" class=\"advice\">\n<h2>What to do</h2>\n<div class=\"split\">\n")
                    .append("<div class=\"now\"><h3>Promote now</h3>");
            list(out, split.promoteNow(), "nothing: the first migration of the batch already breaks production");
            out.append("</div>\n<div class=\"later\"><h3>Hold back</h3>");
            list(out, split.holdBack(), "");
            List<Finding> breaking = report.findingsAtOrAbove(Severity.ERROR).stream().filter(f -> f.pattern() != null)
                    .toList();
            boolean statements = breaking.stream().anyMatch(Report::isStatement);
            String services = String.join(", ", breaking.stream().map(Finding::service)
                    .filter(java.util.Objects::nonNull).distinct().toList());
            out.append("<p>until a version that no longer ").append(statements ? "issues the statements below"
                            : "names what it changes in the places below").append(" serves traffic instead of ")
                    .append(esc(services.isEmpty() ? report.production() : services))
                    .append(esc(TextReportWriter.renumbering(split))).append(".</p></div>\n</div>\n</section>\n");
        }, () -> {
            String what = switch (report.verdict()) {
                case PASS -> "Nothing the gate checked breaks: the batch can be promoted as it is.";
                case WARN -> "Nothing the gate checked breaks, but it could not vouch for everything: read the warnings"
                        + " below before approving.";
                case FAIL -> "The promotion fails on findings that splitting the batch does not solve: see each"
                        + " finding's help.";
            };
            out.append("<section id=\"advice\" class=\"advice\">\n<h2>What to do</h2>\n<p>").append(esc(what))
                    .append("</p>\n</section>\n");
        });
    }

    /** The promotion plan through the recorded versions, in place of the split. */
    private static void plan(StringBuilder out, io.switchover.plan.Plan plan) {
        out.append("<section id=\"advice\" class=\"advice\">\n<h2>What to do</h2>\n<p>")
                .append(esc(PlanText.headline(plan))).append(":</p>\n<ol class=\"plan\">");
        for (PlanText.Step step : PlanText.steps(plan)) {
            out.append("<li>").append(esc(step.action()))
                    .append(step.notFurther().map(why -> "<p class=\"muted\">not further, since " + esc(why) + "</p>")
                            .orElse("")).append("</li>");
        }
        out.append("</ol>\n");
        List<String> after = PlanText.after(plan);
        if (!after.isEmpty()) {
            out.append("<ul>");
            after.forEach(line -> out.append("<li>").append(esc(line)).append("</li>"));
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    private static void list(StringBuilder out, List<Migration> migrations, String empty) {
        if (migrations.isEmpty()) {
            out.append("<p>").append(esc(empty)).append("</p>");
            return;
        }
        out.append("<ol>");
        migrations.forEach(m -> out.append("<li><code>").append(esc(m.script())).append("</code></li>"));
        out.append("</ol>");
    }

    private static void promoted(StringBuilder out, Report report) {
        out.append("<section id=\"promoted\">\n<h2>What is promoted</h2>\n");
        if (!report.services().isEmpty()) {
            out.append("<div class=\"scroll\"><table>\n<thead><tr><th>service</th><th>production runs</th>")
                    .append("<th>after the promotion</th></tr></thead>\n<tbody>\n");
            for (PromotedService service : report.services()) {
                out.append("<tr><td>").append(esc(service.name()))
                        .append(service.repository() == null ? "" : " <span class=\"muted\">(repository "
                                + esc(service.repository()) + ")</span>")
                        .append("</td><td><code>").append(esc(service.running())).append("</code></td><td>")
                        .append(service.candidate() == null ? "keeps running <code>" + esc(service.running()) + "</code>"
                                : "<code>" + esc(service.candidate()) + "</code>")
                        .append("</td></tr>\n");
            }
            out.append("</tbody></table></div>\n");
        }
        if (report.batch().isEmpty()) {
            out.append("<p>The batch is empty: production already has every migration.</p>\n</section>\n");
            return;
        }
        out.append("<div class=\"scroll\"><table class=\"batch\">\n<thead><tr><th>step</th><th>migration</th>")
                .append("<th>version</th><th>checksum</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < report.batch().size(); i++) {
            Migration m = report.batch().get(i);
            out.append("<tr><td>").append(i + 1).append("</td><td><a href=\"#migration-").append(i + 1)
                    .append("\"><code>").append(esc(m.script())).append("</code></a></td><td>")
                    .append(m.version() == null ? "repeatable" : esc(m.version())).append("</td><td><code>")
                    .append(m.checksum() == null ? "" : m.checksum()).append("</code></td></tr>\n");
        }
        out.append("</tbody></table></div>\n</section>\n");
    }

    /** One row of the timeline: a statement (or place) of one service, and the findings about it. */
    private record Row(String service, String label, boolean mention, List<Finding> findings) {
        int step() {
            return findings.stream().mapToInt(Finding::step).min().orElse(0);
        }

        boolean error(Severity failOn) {
            return findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
        }
    }

    private static List<Row> rows(Report report) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            String key;
            String label;
            if (finding.pattern() != null) {
                // A statement is one row however many findings are about it; a place named where no probe looked is
                // one row per place, even when the same line of code stands at two
                key = finding.service() + "\n" + finding.pattern().sql()
                        + (Report.isMention(finding) ? "\n" + finding.pattern().origin() : "");
                label = TextReportWriter.oneLine(finding.pattern().sql());
            } else if (finding.migration() != null && finding.step() > 0) {
                key = "\nmigration " + finding.migration().script();
                label = finding.migration().script() + ": " + finding.rule();
            } else {
                continue;
            }
            rows.computeIfAbsent(key, k -> new Row(finding.pattern() == null ? null : finding.service(), label,
                    Report.isMention(finding), new ArrayList<>())).findings().add(finding);
        }
        return List.copyOf(rows.values());
    }

    private static void timeline(StringBuilder out, Report report) {
        if (report.batch().isEmpty()) {
            return;
        }
        List<Row> rows = rows(report);
        List<Row> shown = rows.subList(0, Math.min(rows.size(), MAX_ROWS));
        int states = report.batch().size() + 1;
        // Labels stand above their marks: wider than the marks need, so that a statement reads in full on wide screens
        int width = Math.max(LEFT + COLUMN * states, 760);
        List<Coverage> running = report.coverage().stream()
                .filter(c -> c.issuer().role() == io.switchover.patterns.model.ServiceVersion.Role.RUNNING).toList();
        long summaryRows = running.stream().filter(c -> c.nothingChecked() || others(rows, c) > 0).count();
        int height = 58 + 44 * (shown.size() + (int) summaryRows) + (rows.size() > shown.size() ? 24 : 0);
        out.append("<section id=\"timeline\">\n<h2>Switch-over timeline</h2>\n<p class=\"muted\">Each column is a")
                .append(" schema state while the old version keeps serving traffic: production's today, then after each")
                .append(" migration of the batch. Each row is a statement of a running version; a mark shows where it")
                .append(" breaks.</p>\n<div class=\"scroll\"><svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" role=\"img\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" aria-label=\"")
                .append(esc("switch-over timeline: " + rows.size() + " statement(s) with findings over " + states
                        + " schema states")).append("\">\n");
        // The migrations to hold back, shaded: the breaking ones and, unless a replay without them was safe, all after
        List<Migration> held = report.plan().isPresent() ? List.of()
                : report.splitAdvice().map(SplitAdvice::holdBack).orElse(List.of());
        for (int state = 1; state < states; state++) {
            if (held.contains(report.batch().get(state - 1))) {
                out.append("<rect class=\"hold\" x=\"").append(LEFT + COLUMN * state).append("\" y=\"0\" width=\"")
                        .append(COLUMN).append("\" height=\"").append(height)
                        .append("\" rx=\"6\"><title>hold this migration back</title></rect>\n");
            }
        }
        deployLines(out, report, height);
        stateHeads(out, report, states);
        int y = 58;
        for (Row row : shown) {
            rowLine(out, report, row.label(), row.service(), y, width, states, row.step(),
                    row.error(report.failOn()) ? "break" : "risk", row.mention(), row.findings().get(0));
            y += 44;
        }
        if (rows.size() > shown.size()) {
            out.append("<text x=\"").append(LEFT).append("\" y=\"").append(y + 4).append("\" class=\"sub\">")
                    .append(rows.size() - shown.size()).append(" more rows: see the findings below</text>\n");
            y += 24;
        }
        for (Coverage coverage : running) {
            long others = others(rows, coverage);
            if (coverage.nothingChecked()) {
                rowLine(out, report, "no statement was checked (" + coverage.statements() + " found, "
                        + coverage.notChecked() + " place" + plural(coverage.notChecked()) + " not checked)",
                        coverage.issuer().label(), y, width, states, 0, "unseen", false, null);
            } else if (others > 0) {
                rowLine(out, report, others + " other statement" + (others == 1 ? "" : "s") + " checked: no break",
                        coverage.issuer().label(), y, width, states, 0, "ok", false, null);
            } else {
                continue;
            }
            y += 44;
        }
        out.append("</svg></div>\n<p class=\"legend\"><span class=\"key ok\"></span> works <span class=\"key break\">")
                .append("</span> breaks, failing the promotion <span class=\"key risk\"></span> may break (warning)")
                .append(held.isEmpty() ? "" : " <span class=\"key hold\"></span> hold back")
                .append(report.plan().isEmpty() ? "" : " <span class=\"key deploy\"></span> deploy the version named")
                .append(" <span class=\"key unseen\"></span> not checked")
                .append(" <span class=\"key mention\"></span> named where no probe looked</p>\n</section>\n");
    }

    /** The plan's deployments: a line after the last state each promotion applies, naming the version deployed. */
    private static void deployLines(StringBuilder out, Report report, int height) {
        report.plan().ifPresent(plan -> {
            for (io.switchover.plan.Promotion promotion : plan.promotions()) {
                int x = LEFT + COLUMN * (promotion.to().needs() + 1);
                out.append("<g class=\"deploy\"><title>").append(esc("deploy " + promotion.to().name() + " here"))
                        .append("</title><line x1=\"").append(x).append("\" y1=\"40\" x2=\"").append(x)
                        .append("\" y2=\"").append(height).append("\" stroke-dasharray=\"4 3\"/><text x=\"")
                        .append(x - 4).append("\" y=\"").append(height - 6).append("\" text-anchor=\"end\" class=\"sub\">")
                        .append(esc(shorten(promotion.to().name(), 15))).append("</text></g>\n");
            }
        });
    }

    /** The head of each column: production's schema today, then the step after each migration of the batch. */
    private static void stateHeads(StringBuilder out, Report report, int states) {
        for (int state = 0; state < states; state++) {
            int x = LEFT + COLUMN * state + COLUMN / 2;
            String top = state == 0 ? "production" : "step " + state;
            String name = state == 0 ? "today" : report.batch().get(state - 1).script();
            out.append("<g class=\"state\"><title>").append(esc(state == 0 ? "production's schema today"
                            : "after " + name)).append("</title><text x=\"").append(x)
                    .append("\" y=\"16\" text-anchor=\"middle\" class=\"head\">").append(esc(top))
                    .append("</text><text x=\"").append(x).append("\" y=\"32\" text-anchor=\"middle\" class=\"sub\">")
                    .append(esc(shorten(name, 15))).append("</text></g>\n");
        }
    }

    /** The checked statements of a running version that no finding is about. */
    private static long others(List<Row> rows, Coverage coverage) {
        long broken = rows.stream().filter(r -> coverage.issuer().service().equals(r.service()) && !r.mention()).count();
        return Math.max(0, coverage.checked() - broken);
    }

    private static void rowLine(StringBuilder out, Report report, String label, String service, int y, int width,
                                int states, int breakStep, String kind, boolean mention, Finding first) {
        // A place named where no probe looked was not seen to work at the states before either
        String text = (service == null ? "" : service + ": ") + label;
        out.append("<g class=\"row\"><title>").append(esc(text)).append("</title>")
                .append("<text x=\"").append(LEFT).append("\" y=\"").append(y).append("\" class=\"label\">")
                .append(esc(shorten(text, (width - LEFT) / 8))).append("</text>")
                .append("<line x1=\"").append(LEFT + COLUMN / 2).append("\" y1=\"").append(y + 16).append("\" x2=\"")
                .append(LEFT + COLUMN * (states - 1) + COLUMN / 2).append("\" y2=\"").append(y + 16)
                .append("\" class=\"track\"/>");
        for (int state = 0; state < states; state++) {
            int cx = LEFT + COLUMN * state + COLUMN / 2;
            int cy = y + 16;
            boolean atBreak = breakStep > 0 && state == breakStep || breakStep == 0 && first != null && state == 0;
            boolean after = breakStep > 0 && state > breakStep;
            if (atBreak) {
                String cls = "mark " + (mention ? "mention " : "") + kind;
                out.append("<a href=\"#").append(anchor(report, first)).append("\"><g class=\"").append(cls)
                        .append("\" data-step=\"").append(state).append("\"><title>")
                        .append(esc(first.rule() + ": " + first.message())).append("</title>");
                if (mention) {
                    out.append("<path d=\"M").append(cx).append(' ').append(cy - 10).append(" L").append(cx + 10)
                            .append(' ').append(cy).append(" L").append(cx).append(' ').append(cy + 10).append(" L")
                            .append(cx - 10).append(' ').append(cy).append(" Z\"/>");
                } else if (kind.equals("break")) {
                    out.append("<circle cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"10\"/>")
                            .append("<path class=\"x\" d=\"M").append(cx - 4).append(' ').append(cy - 4).append(" L")
                            .append(cx + 4).append(' ').append(cy + 4).append(" M").append(cx + 4).append(' ')
                            .append(cy - 4).append(" L").append(cx - 4).append(' ').append(cy + 4).append("\"/>");
                } else {
                    out.append("<path d=\"M").append(cx).append(' ').append(cy - 10).append(" L").append(cx + 10)
                            .append(' ').append(cy + 8).append(" L").append(cx - 10).append(' ').append(cy + 8)
                            .append(" Z\"/><text class=\"bang\" x=\"").append(cx).append("\" y=\"").append(cy + 6)
                            .append("\" text-anchor=\"middle\">!</text>");
                }
                out.append("</g></a>");
            } else {
                out.append("<circle class=\"dot ").append(after ? "gone" : kind.equals("unseen") || mention ? "unseen" : "ok")
                        .append("\" cx=\"").append(cx)
                        .append("\" cy=\"").append(cy).append("\" r=\"6\"/>");
            }
        }
        out.append("</g>\n");
    }

    private static void findings(StringBuilder out, Report report) {
        if (report.findings().isEmpty()) {
            return;
        }
        out.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            String key = finding.migration() == null ? "" : finding.migration().script();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(finding);
        }
        for (Map.Entry<String, List<Finding>> group : groups.entrySet()) {
            List<Finding> findings = group.getValue();
            Finding first = findings.get(0);
            out.append("<article class=\"migration\"");
            if (first.migration() != null && first.step() > 0) {
                out.append(" id=\"migration-").append(first.step()).append("\"");
            }
            out.append(">\n<h3>");
            if (first.migration() == null) {
                out.append("What the gate could not check");
            } else {
                out.append("<code>").append(esc(first.migration().script())).append("</code> <span class=\"muted\">")
                        .append(first.step() == 0 ? report.beforeTheSteps(first)
                                : "batch step " + first.step() + " of " + report.batch().size()).append("</span>");
            }
            out.append("</h3>\n");
            if (first.migration() != null) {
                report.source(first.migration()).ifPresent(source -> sql(out, source, findings));
            }
            for (Finding finding : findings) {
                finding(out, report, finding, report.findings().indexOf(finding));
            }
            out.append("</article>\n");
        }
        out.append("</section>\n");
    }

    /** The migration's text with line numbers; the statements the findings are about are highlighted. */
    private static void sql(StringBuilder out, MigrationSource source, List<Finding> findings) {
        List<String> lines = source.lines();
        Set<Integer> marked = new TreeSet<>();
        for (Finding finding : findings) {
            if (finding.line() > 0) {
                for (int line = finding.line(); line <= lines.size() && line < finding.line() + 60; line++) {
                    marked.add(line);
                    if (lines.get(line - 1).replaceAll("--.*$", "").strip().endsWith(";")) {
                        break;
                    }
                }
            }
        }
        out.append("<pre class=\"sql\" aria-label=\"").append(esc(source.migration().script())).append("\">");
        for (int i = 0; i < lines.size(); i++) {
            if (i == lines.size() - 1 && lines.get(i).isEmpty()) {
                break;
            }
            boolean hit = marked.contains(i + 1);
            out.append("<span class=\"line").append(hit ? " hit" : "").append("\"><span class=\"no\">").append(i + 1)
                    .append("</span>").append(esc(lines.get(i))).append("</span>");
        }
        out.append("</pre>\n");
    }

    private static void finding(StringBuilder out, Report report, Finding finding, int index) {
        boolean fails = finding.severity().atLeast(report.failOn());
        out.append("<div class=\"finding ").append(fails ? "fails" : "warns").append("\" id=\"finding-").append(index)
                .append("\">\n<p class=\"rule\"><span class=\"badge\">").append(fails ? "fails" : "warning")
                .append("</span> <a href=\"#rule-").append(esc(finding.rule())).append("\">").append(esc(finding.rule()))
                .append("</a>").append(finding.line() > 0 ? " <span class=\"muted\">at line " + finding.line() + "</span>"
                        : "").append("</p>\n");
        if (finding.pattern() != null) {
            out.append("<p class=\"what\">").append(Report.isMention(finding) ? "The code"
                            : Report.isCandidateFailure(finding) ? "The statement" : "The old statement")
                    .append(Report.isCandidateFailure(finding) ? " of <b>candidate " + esc(report.candidate()) + "</b>"
                            : finding.service() == null ? "" : " of <b>" + esc(finding.service()) + "</b>")
                    .append(", at <code>").append(esc(finding.pattern().origin().toString())).append("</code>:</p>\n")
                    .append("<pre class=\"old\">").append(esc(finding.pattern().sql().strip())).append("</pre>\n");
        }
        if (finding.error() != null) {
            out.append("<p class=\"said\">The database said: <code>").append(esc(finding.error().toString()))
                    .append("</code></p>\n");
        }
        out.append("<p>").append(esc(finding.message())).append("</p>\n<p class=\"help\"><b>What to do:</b> ")
                .append(esc(finding.help())).append("</p>\n</div>\n");
    }

    private static String anchor(Report report, Finding finding) {
        return "finding-" + report.findings().indexOf(finding);
    }

    private static void suppressed(StringBuilder out, List<SuppressedFinding> suppressed) {
        if (suppressed.isEmpty()) {
            return;
        }
        out.append("<section id=\"suppressed\">\n<h2>Allowed by the migrations</h2>\n<ul>\n");
        for (SuppressedFinding entry : suppressed) {
            out.append("<li><code>").append(esc(entry.suppression().toString())).append("</code>: ")
                    .append(esc(entry.suppression().reason())).append("<br><span class=\"muted\">")
                    .append(esc(entry.finding().message()))
                    .append(entry.finding().pattern() == null ? "" : " (" + esc(entry.finding().pattern().origin()
                            .toString()) + ")").append("</span></li>\n");
        }
        out.append("</ul>\n</section>\n");
    }

    private static void unseen(StringBuilder out, Report report) {
        if (report.notChecked().isEmpty() && report.coverage().isEmpty() && report.warnings().isEmpty()
                && report.notes().isEmpty()) {
            return;
        }
        out.append("<section id=\"coverage\">\n<h2>What the gate saw</h2>\n");
        if (!report.coverage().isEmpty()) {
            out.append("<div class=\"scroll\"><table>\n<thead><tr><th>version</th><th>statements</th><th>checked</th>")
                    .append("<th>places not checked</th><th>changed objects named where not checked</th></tr></thead>")
                    .append("\n<tbody>\n");
            for (Coverage coverage : report.coverage()) {
                out.append("<tr><td>").append(esc(coverage.issuer().label())).append("</td><td>")
                        .append(coverage.statements()).append("</td><td>").append(coverage.checked()).append("</td><td>")
                        .append(coverage.notChecked()).append("</td><td>")
                        .append(esc(String.join(", ", coverage.namedUnchecked()))).append("</td></tr>\n");
            }
            out.append("</tbody></table></div>\n");
        }
        if (!report.notChecked().isEmpty()) {
            out.append("<h3>Not checked</h3>\n<ul class=\"unseen\">\n");
            for (UnresolvedSql place : report.notChecked()) {
                out.append("<li><code>").append(esc(place.origin().toString())).append("</code> ")
                        .append(esc(place.reason())).append("<pre class=\"old\">")
                        .append(esc(place.fragment().strip())).append("</pre></li>\n");
            }
            out.append("</ul>\n");
        }
        if (!report.warnings().isEmpty() || !report.notes().isEmpty()) {
            out.append("<ul class=\"notes\">\n");
            report.warnings().forEach(w -> out.append("<li><b>warning:</b> ").append(esc(w)).append("</li>\n"));
            report.notes().forEach(n -> out.append("<li>note: ").append(esc(n)).append("</li>\n"));
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    private static void rules(StringBuilder out, Report report) {
        Set<String> ids = new LinkedHashSet<>();
        report.findings().forEach(f -> ids.add(f.rule()));
        report.suppressed().forEach(s -> ids.add(s.finding().rule()));
        if (ids.isEmpty()) {
            return;
        }
        Parser parser = Parser.builder().build();
        HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).build();
        out.append("<section id=\"rules\">\n<h2>The rules</h2>\n");
        for (String id : ids) {
            RuleDoc doc;
            try {
                doc = RuleDocs.load(id);
            } catch (IllegalStateException e) {
                continue;
            }
            // The doc's own first heading repeats the id; the page gives it as the section's title.
            String body = doc.markdown().replaceFirst("^# [^\\n]*\\n", "").replaceAll("(?m)^## ", "#### ");
            out.append("<article class=\"doc\" id=\"rule-").append(esc(id)).append("\">\n<h3>").append(esc(doc.title()))
                    .append(" <span class=\"muted\">").append(esc(id)).append(", ").append(doc.severity().label())
                    .append("</span></h3>\n").append(renderer.render(parser.parse(body))).append("<p><a href=\"")
                    .append(esc(RuleLinks.helpUri(id))).append("\">rules/").append(esc(id)).append(".md</a></p>\n")
                    .append("</article>\n");
        }
        out.append("</section>\n");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static String esc(String text) {
        return Xml.escape(text);
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    private static final String CSS = """
            :root{--fail:#cf222e;--warn:#9a6700;--pass:#1a7f37;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;\
            --code:#f6f8fa;--hit:#ffebe9}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fff}
            main{max-width:72rem;margin:0 auto;padding:1rem}
            h2{font-size:1.2rem;margin:1.75rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
            h3{font-size:1.05rem;margin:1rem 0 .5rem;overflow-wrap:anywhere}
            code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,"DejaVu Sans Mono",Menlo,monospace}
            code{background:var(--code);padding:.05rem .25rem;border-radius:4px;overflow-wrap:anywhere}
            pre{background:var(--code);padding:.6rem .75rem;border-radius:6px;white-space:pre-wrap;\
            overflow-wrap:anywhere;margin:.4rem 0}
            a{color:#0969da}
            .muted{color:var(--muted);font-weight:normal}
            .verdict{color:#fff;border-radius:8px;padding:1rem 1.25rem;margin-top:.5rem}
            .verdict.fail{background:var(--fail)}.verdict.warn{background:var(--warn)}.verdict.pass{background:var(--pass)}
            .verdict .word{font-size:2rem;font-weight:800;letter-spacing:.05em;margin:0;line-height:1.1}
            .verdict .sentence{font-size:1.1rem;margin:.35rem 0 .6rem;overflow-wrap:anywhere}
            .counts{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.35rem 1.25rem}
            .advice .split{display:flex;flex-wrap:wrap;gap:1rem}
            .advice .split>div{flex:1 1 16rem;border-radius:8px;padding:.5rem 1rem;border:2px solid}
            .advice .now{border-color:var(--pass);background:#dafbe1}.advice .later{border-color:var(--fail);\
            background:var(--hit)}
            .advice h3{margin:.4rem 0}
            .scroll{overflow-x:auto;max-width:100%}
            table{border-collapse:collapse;margin:.5rem 0}
            th,td{border:1px solid var(--line);padding:.3rem .6rem;text-align:left;vertical-align:top}
            th{background:var(--code)}
            td code{overflow-wrap:normal;white-space:nowrap}
            svg.timeline{display:block;font:12px system-ui,sans-serif}
            svg .head{font-weight:700;fill:var(--ink)}svg .sub{fill:var(--muted);font-size:11px}
            svg .label{font:12px ui-monospace,"DejaVu Sans Mono",monospace;fill:var(--ink)}
            svg .track{stroke:var(--line);stroke-width:2}svg .hold{fill:var(--hit)}svg .deploy line{stroke:var(--muted);stroke-width:2}
            svg .dot.ok{fill:var(--pass)}svg .dot.unseen{fill:#fff;stroke:var(--muted);stroke-width:2}svg .dot.gone{fill:#fff;stroke:var(--fail);stroke-width:2;stroke-dasharray:3 2}
            svg .mark.break circle,svg .mark.break path{fill:var(--fail)}svg .mark .x{stroke:#fff;stroke-width:2.5;fill:none}
            svg .mark.risk path{fill:var(--warn)}svg .mark .bang{fill:#fff;font-weight:800;font-size:12px}
            svg .mark.mention path{stroke:#fff;stroke-width:1}
            .legend{color:var(--muted);font-size:.9rem}
            .key{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;vertical-align:-.1rem;margin-left:.6rem}
            .key.hold{background:var(--hit);border:1px solid var(--fail);border-radius:2px}.key.unseen{border:2px solid var(--muted)}.key.deploy{border-left:2px dashed var(--muted)}.key.ok{background:var(--pass)}.key.break{background:var(--fail)}.key.risk{background:var(--warn);\
            border-radius:0;clip-path:polygon(50% 0,100% 100%,0 100%)}.key.mention{background:var(--fail);\
            border-radius:0;transform:rotate(45deg) scale(.8)}
            .migration{border:1px solid var(--line);border-radius:8px;padding:.25rem 1rem 1rem;margin:1rem 0}
            pre.sql{padding:.4rem 0}
            pre.sql .line{display:block;padding:0 .75rem 0 0}
            pre.sql .line.hit{background:var(--hit);box-shadow:inset 4px 0 var(--fail);font-weight:600}
            pre.sql .no{display:inline-block;width:3em;padding-right:.75em;text-align:right;color:var(--muted);\
            user-select:none}
            .finding{border-left:4px solid var(--line);padding:.1rem 0 .1rem .9rem;margin:1rem 0}
            .finding.fails{border-color:var(--fail)}.finding.warns{border-color:var(--warn)}
            .finding p{margin:.3rem 0;overflow-wrap:anywhere}
            .badge{display:inline-block;color:#fff;border-radius:999px;padding:0 .55rem;font-size:.8rem;font-weight:700}
            .fails .badge{background:var(--fail)}.warns .badge{background:var(--warn)}
            .doc{border-top:1px solid var(--line);margin-top:1rem}
            .doc h4{font-size:1rem;margin:.9rem 0 .3rem}
            pre code{background:none;padding:0;white-space:inherit}.doc pre{overflow-x:auto}
            footer{color:var(--muted);margin:2rem 0 1rem;font-size:.9rem}
            @media (max-width:600px){main{padding:.5rem}.verdict .word{font-size:1.6rem}.migration{padding:.25rem .6rem .6rem}}
            @media print{body{font-size:11pt}main{max-width:none;padding:0}.verdict{-webkit-print-color-adjust:exact;\
            print-color-adjust:exact}.scroll{overflow:visible}.migration,.finding,svg{break-inside:avoid}\
            a{color:inherit;text-decoration:none}}
            """;
}
