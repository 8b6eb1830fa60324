package io.switchover.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The approval-gate page of the seed's story (alice-to-brian deploy-1 -> deploy-5) in real headless Chromium, at a
 * phone's width and a desktop's: the verdict is on the first screen, the timeline marks the four statements that
 * break at step 2, the first finding can be seen, and nothing is wider than the screen. Screenshots go to
 * {@code target/screenshots/}; {@code -Dscreenshots.update=true} also refreshes the README's {@code docs/approval-gate.png}.
 */
class ApprovalPageBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String CHECKS = """
            (() => {
              const vw = window.innerWidth;
              const verdict = document.getElementById('verdict');
              const atTop = verdict.getBoundingClientRect().bottom <= window.innerHeight;
              const visible = el => {
                if (!el) return false;
                el.scrollIntoView({block: 'center', inline: 'nearest'});
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || r.left < 0 || r.right > vw + 0.5) return false;
                const style = getComputedStyle(el);
                if (style.visibility === 'hidden' || style.display === 'none') return false;
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return !!hit && (hit === el || el.contains(hit));
              };
              const clipped = el => {
                for (let a = el.parentElement; a; a = a.parentElement) {
                  const o = getComputedStyle(a).overflowX;
                  if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
                }
                return false;
              };
              const overflowing = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > vw + 0.5 && !clipped(el))
                .map(el => el.tagName + '.' + el.getAttribute('class'));
              const marks = [...document.querySelectorAll('svg.timeline .mark')].map(m => ({
                step: m.getAttribute('data-step'), kind: m.getAttribute('class'), visible: visible(m)}));
              return {atTop, verdict: visible(verdict), verdictText: verdict.innerText,
                hold: document.querySelector('.later') ? document.querySelector('.later').innerText : '',
                firstFinding: visible(document.querySelector('.finding')),
                firstFindingText: document.querySelector('.finding').innerText,
                scrollWidth: document.documentElement.scrollWidth, vw, marks, overflowing};
            })()""";
    private static Chromium chromium;
    private static Path page;
    private static Path profile;

    @BeforeAll
    static void openChromium() throws IOException, InterruptedException {
        Path binary = ConsumerTools.chromium();
        // Not a JUnit temp dir: Chromium leaves symbolic links to its sockets there, which JUnit warns about
        profile = Files.createTempDirectory("switchover-chromium");
        page = SCREENSHOTS.resolve("alice-to-brian_deploy-1_deploy-5.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, ReportFormat.HTML.writer().render(SampleReports.failing()), StandardCharsets.UTF_8);
        chromium = new Chromium(binary, profile);
    }

    @AfterAll
    static void closeChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (profile != null) {
            deleteTree(profile);
        }
    }

    /** Chromium's helper processes may still write into the profile for a moment after the browser has gone. */
    private static void deleteTree(Path folder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try (var files = Files.walk(folder)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
                return;
            } catch (java.nio.file.NoSuchFileException e) {
                return;
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                if (attempt == 50) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {400, 1280})
    void thePersonAtTheGateSeesTheVerdictTheBreaksAndWhatToHoldBack(int width) throws Exception {
        chromium.open(page, width, 900);
        JsonNode seen = chromium.evaluate(CHECKS);
        chromium.screenshot(SCREENSHOTS.resolve("approval-page-" + width + ".png"), width, true);

        assertTrue(seen.get("atTop").asBoolean(), "the verdict is on the first screen: " + seen);
        assertTrue(seen.get("verdict").asBoolean(), seen.toString());
        assertTrue(seen.get("verdictText").asText().startsWith("FAIL"), seen.toString());
        assertTrue(seen.get("hold").asText().contains("V4__drop_alice.sql"), seen.toString());
        List<String> marks = new ArrayList<>();
        seen.get("marks").forEach(m -> {
            assertTrue(m.get("visible").asBoolean(), "a timeline mark is hidden: " + m);
            marks.add(m.get("step").asText() + " " + m.get("kind").asText());
        });
        assertEquals(List.of("2 mark break", "2 mark break", "2 mark break", "2 mark break"), marks);
        assertTrue(seen.get("firstFinding").asBoolean(), seen.toString());
        assertTrue(seen.get("firstFindingText").asText().contains("INSERT INTO person"), seen.toString());
        assertEquals(List.of(), toList(seen.get("overflowing")), "wider than the screen");
        assertTrue(seen.get("scrollWidth").asInt() <= width, seen.toString());
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {400})
    void aPageOfPlacesTheGateCouldNotCheckMarksThemAsMentionsAndFitsAPhone(int width) throws Exception {
        Path mentions = SCREENSHOTS.resolve("format-over-constants_deploy-0_deploy-2.html").toAbsolutePath();
        Files.writeString(mentions, ReportFormat.HTML.writer().render(SampleReports.mentions()), StandardCharsets.UTF_8);
        chromium.open(mentions, width, 900);
        JsonNode seen = chromium.evaluate(CHECKS);
        chromium.screenshot(SCREENSHOTS.resolve("approval-page-mentions-" + width + ".png"), width, true);

        // The story's SQL over another file's constants is now read and fails; the constant's line stays a mention.
        assertTrue(seen.get("verdictText").asText().startsWith("FAIL"), seen.toString());
        assertTrue(seen.get("verdictText").asText().contains("names in 1 place the gate could not check"),
                seen.toString());
        assertTrue(seen.get("hold").asText().contains("V2__drop_legacy_ref.sql"), seen.toString());
        List<String> kinds = new ArrayList<>();
        seen.get("marks").forEach(m -> {
            assertTrue(m.get("visible").asBoolean(), "a timeline mark is hidden: " + m);
            kinds.add(m.get("kind").asText());
        });
        assertEquals(SampleReports.mentions().findings().stream().filter(Report::isMention).count(),
                kinds.stream().filter("mark mention break"::equals).count(), seen.toString());
        assertEquals(SampleReports.mentions().findings().stream().filter(Report::isStatement).count(),
                kinds.stream().filter("mark break"::equals).count(), seen.toString());
        assertEquals(List.of(), toList(seen.get("overflowing")), "wider than the screen");
    }

    @ParameterizedTest(name = "README screenshot")
    @ValueSource(ints = {1100})
    void theReadmeShowsThePagesFirstScreen(int width) throws Exception {
        chromium.open(page, width, 1300);
        Path shot = SCREENSHOTS.resolve("approval-page-first-screen.png");
        chromium.screenshot(shot, width, false);

        assertTrue(Files.size(shot) > 10_000);
        if (Boolean.getBoolean("screenshots.update")) {
            Files.copy(shot, Path.of("docs/approval-gate.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
