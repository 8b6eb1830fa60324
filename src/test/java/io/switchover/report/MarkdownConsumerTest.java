package io.switchover.report;

import io.switchover.migrations.Migration;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.Origin;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;
import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merge-request comment rendered as GitHub and GitLab render it (CommonMark with GFM's tables, strikethrough and
 * autolinks): statements and messages full of characters those sites treat specially come out as the same text.
 */
class MarkdownConsumerTest {
    private static final List<Extension> GFM = List.of(TablesExtension.create(), StrikethroughExtension.create(),
            AutolinkExtension.create());
    private static final String SQL = "SELECT a || b, `quoted`, '<script>alert(1)</script>' FROM t WHERE x = '*no* _em_ "
            + "~~del~~ [l](http://x) @alice #14 !3 :smile: $x$ \\\\ &amp; www.example.com'";
    private static final String MESSAGE = "V2__x.sql drops t.a | t.b, which <b>prod</b> still *reads* at @team #7";

    private static Document html(String markdown) throws Exception {
        String body = HtmlRenderer.builder().extensions(GFM).build()
                .render(Parser.builder().extensions(GFM).build().parse(markdown));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // The HTML of <details> blocks passes through as GitHub lets it; the rest must be well-formed text.
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(("<root>" + body.replace("<br>", "<br/>").replace("<details open>", "<details open=\"open\">")
                + "</root>").getBytes(StandardCharsets.UTF_8)));
    }

    private static Report tricky(int findings) {
        Migration migration = new Migration("2", "x", "V2__x.sql", 1, "db/migration/V2__x.sql");
        List<Finding> list = new ArrayList<>();
        for (int i = 0; i < findings; i++) {
            list.add(new Finding("dropped-column-still-used", Severity.ERROR, "t", migration, 1, 3, "prod",
                    new AccessPattern(SQL + " -- " + i, new Origin("src/Repo.java", 10 + i), "java-literal"), MESSAGE,
                    "promote V2__x.sql later", new DatabaseError("42703", 0, "column \"a\" | \"b\" does not exist",
                    FailureKind.UNDEFINED_COLUMN)));
        }
        return Report.builder("prod", "cand", "H2").batch(List.of(migration)).findings(list)
                .summary(new Summary(1, 0, 1, 2, Duration.ZERO)).build();
    }

    @Test
    void everyCharacterGitHubAndGitLabTreatSpeciallyRendersAsItself() throws Exception {
        Document html = html(new MarkdownReportWriter().render(tricky(1)));

        NodeList cells = html.getElementsByTagName("td");
        assertEquals(4, cells.getLength(), "one row of four cells, however many pipes the statement has");
        assertEquals(SQL + " -- 0", cells.item(0).getTextContent());
        assertEquals("prod: src/Repo.java:10", cells.item(1).getTextContent());
        assertEquals("column \"a\" | \"b\" does not exist (42703)", cells.item(2).getTextContent());
        for (String tag : List.of("script", "em", "del", "a", "img")) {
            assertEquals(0, html.getElementsByTagName(tag).getLength(), tag + " appeared");
        }
        NodeList strong = html.getElementsByTagName("strong");
        for (int i = 0; i < strong.getLength(); i++) {
            assertTrue(List.of("FAIL", "What to do:", "To promote safely:").contains(strong.item(i).getTextContent()),
                    "the report's own emphasis only: " + strong.item(i).getTextContent());
        }
        NodeList items = html.getElementsByTagName("li");
        assertTrue(items.item(0).getTextContent().startsWith(MESSAGE + ". What to do: promote V2__x.sql later"),
                items.item(0).getTextContent());
    }

    @Test
    void mentionsReferencesAndEmojiAreEscapedInTheSource() {
        String markdown = new MarkdownReportWriter().render(tricky(1));

        assertTrue(markdown.contains("\\@team \\#7"), markdown);
        assertFalse(markdown.contains(" @team"), markdown);
    }

    @Test
    void theVerdictLineComesFirstAndFindingsAreGroupedInDetailsByMigration() throws Exception {
        String markdown = new MarkdownReportWriter().render(SampleReports.failing());

        assertTrue(markdown.startsWith("**FAIL** promoting deploy-5 while deploy-1 serves traffic"), markdown);
        Document html = html(markdown);
        NodeList summaries = html.getElementsByTagName("summary");
        assertTrue(summaries.getLength() >= 1);
        assertEquals("V4__drop_alice.sql (batch step 2 of 2): 4 findings, 4 failing the promotion",
                summaries.item(0).getTextContent());
        Element details = (Element) html.getElementsByTagName("details").item(0);
        assertTrue(details.hasAttribute("open"));
    }

    @Test
    void aHugeReportStaysUnderTheCommentLimitAndPointsAtTheFullReport() throws Exception {
        Report many = tricky(400);
        Migration other = new Migration("3", "y", "V3__y.sql", 1, "db/migration/V3__y.sql");
        List<Finding> findings = new ArrayList<>(many.findings());
        for (Finding f : many.findings()) {
            findings.add(new Finding(f.rule(), f.severity(), f.title(), other, 2, 1, f.service(), f.pattern(),
                    f.message(), f.help(), f.error()));
        }
        Report huge = Report.builder("prod", "cand", "H2").batch(List.of(many.batch().get(0), other))
                .findings(findings).summary(many.summary()).build();

        String markdown = new MarkdownReportWriter(MarkdownReportWriter.DEFAULT_LIMIT, "report.html").render(huge);

        assertTrue(markdown.length() <= MarkdownReportWriter.DEFAULT_LIMIT, String.valueOf(markdown.length()));
        assertTrue(markdown.contains("do not fit in a comment: see the full report, report.html"), markdown);
        html(markdown);
    }
}
