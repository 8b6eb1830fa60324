package io.switchover.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the catalogue honest: every rule has a doc, every doc a rule, every rule a test class with a positive case
 * ({@code flags...}) and a negative one ({@code ignores...} or {@code accepts...}).
 */
class RuleCatalogTest {
    private static final Path RULE_DOCS = Path.of("rules");

    @Test
    void everyRuleHasADocAndEveryDocARule() throws IOException {
        Set<String> ruleIds = RuleSet.standard().rules().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> docIds;
        try (Stream<Path> docs = Files.list(RULE_DOCS)) {
            docIds = docs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(docIds, ruleIds);
    }

    @Test
    void everyDocHasTheSectionsAReviewerNeeds() {
        for (Rule rule : RuleSet.standard().rules()) {
            String markdown = rule.doc().markdown();
            for (String section : List.of("## What breaks during switch-over", "## Unsafe example",
                    "## Safe expand-contract sequence", "## How it is detected", "## How to suppress")) {
                assertTrue(markdown.contains(section), rule.id() + " lacks '" + section + "'");
            }
            assertTrue(rule.id().matches("[a-z]+(-[a-z]+)+"), "kebab-case id: " + rule.id());
            assertTrue(!rule.doc().title().endsWith("."), "titles read like compiler messages: " + rule.id());
        }
    }

    @Test
    void everyRuleHasAPositiveAndANegativeTest() throws ClassNotFoundException {
        for (Rule rule : RuleSet.standard().rules()) {
            String testName = rule.getClass().getName() + "Test";
            List<String> methods = Arrays.stream(Class.forName(testName).getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Test.class)).map(Method::getName).toList();
            assertTrue(methods.stream().anyMatch(m -> m.startsWith("flags")), testName + " has no flags... test");
            assertTrue(methods.stream().anyMatch(m -> m.startsWith("ignores") || m.startsWith("accepts")),
                    testName + " has no ignores.../accepts... test");
        }
    }

    @Test
    void rejectsADocWhoseFrontMatterNamesAnotherRule() {
        IllegalStateException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> RuleDocs.parse("a-rule", "---\nid: another-rule\ntitle: T\nseverity: error\ncategory: c\n---\nbody\n"));
        assertTrue(error.getMessage().contains("declares id another-rule"), error.getMessage());
    }
}
