package io.switchover.report;

import io.switchover.migrations.Migration;

/** The text of a batch migration as the candidate holds it, so that a report can show the statement that breaks. */
public record MigrationSource(Migration migration, String text) {

    /** The 1-based lines of the text; an empty list for an empty file. */
    public java.util.List<String> lines() {
        return text.isEmpty() ? java.util.List.of() : java.util.List.of(text.split("\\R", -1));
    }
}
