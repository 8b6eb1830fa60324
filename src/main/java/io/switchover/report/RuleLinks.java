package io.switchover.report;

import io.switchover.rules.RuleDoc;

import java.util.ArrayList;
import java.util.List;

/** Where a rule's documentation is published, and its first paragraph for views that show a description. */
public final class RuleLinks {
    /** The project's published rule docs: {@code rules/<id>.md} of the main branch. */
    public static final String RULES_BASE = "https://github.com/switchover/switchover/blob/main/rules/";
    public static final String HOME = "https://github.com/switchover/switchover";

    private RuleLinks() {
    }

    public static String helpUri(String ruleId) {
        return RULES_BASE + ruleId + ".md";
    }

    /** The first paragraph of the doc's first section (what breaks during switch-over), on one line. */
    public static String description(RuleDoc doc) {
        List<String> paragraph = new ArrayList<>();
        for (String line : doc.markdown().split("\n")) {
            String text = line.strip();
            if (text.startsWith("#")) {
                if (!paragraph.isEmpty()) {
                    break;
                }
                continue;
            }
            if (text.isEmpty()) {
                if (!paragraph.isEmpty()) {
                    break;
                }
                continue;
            }
            paragraph.add(text);
        }
        return paragraph.isEmpty() ? doc.title() : String.join(" ", paragraph);
    }
}
