package io.switchover.rules;

import io.switchover.patterns.SqlReferences;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.SchemaCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The batch makes a column NOT NULL that the running version may still write NULL into: a JPA field of a type that
 * holds null without {@code nullable = false}, a Kotlin value that may be null, a {@code null} passed as the value.
 * The replay wrote that NULL (at every state where the column had just become NOT NULL) and the database refused it.
 */
@RuleId("null-written-to-not-null-column")
@Claims(value = FailureKind.NULL_WRITTEN, specificity = Claims.Specificity.NULL_WRITTEN)
public final class NullWrittenToNotNullColumn extends BreakRule {
    @Override
    Optional<Explanation> explain(Break broken, Evidence evidence) {
        if (broken.checked().references().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> why = nullableColumns(broken, evidence.timeline().initial().catalog());
        List<String> columns = List.copyOf(why.keySet());
        String named = columns.isEmpty() ? "a column" : String.join(", ", columns);
        String script = broken.state().migration().script();
        String reasons = String.join("; ", new java.util.LinkedHashSet<>(why.values()));
        String statement = broken.checked().references().get().kind().name();
        return Optional.of(new Explanation(
                script + " makes " + named + " NOT NULL, and the " + statement + " of "
                        + broken.checked().issuer().label() + " may still write NULL into it"
                        + (reasons.isEmpty() ? "" : " (" + reasons + ")"),
                "make it NOT NULL only once no running version writes NULL into it: deploy a version that always sets "
                        + "it (a primitive or non-null type, nullable = false), back-fill, then promote " + script,
                evidence.ddl().lineMakingNotNull(broken.state().step(), columns)));
    }

    /**
     * The findings go to the places that may write the NULL; the same statement issued elsewhere with a value is fine.
     */
    @Override
    List<AccessPattern> places(Break broken) {
        return broken.checked().patterns().stream().filter(p -> !p.nullableParameters().isEmpty()).toList();
    }

    /** {@code table.column} of each column the statement may write NULL into that was nullable at S0 and is not now. */
    private Map<String, String> nullableColumns(Break broken, SchemaCatalog production) {
        SqlReferences references = broken.checked().references().get();
        Map<String, String> found = new LinkedHashMap<>();
        for (AccessPattern pattern : places(broken)) {
            pattern.nullableParameters().forEach((position, reason) -> {
                if (position >= references.parameterColumns().size() || references.parameterColumns().get(position) == null) {
                    return;
                }
                String bound = references.parameterColumns().get(position);
                for (String table : tablesOf(bound, references)) {
                    String column = bound.substring(bound.lastIndexOf('.') + 1);
                    Optional<ColumnInfo> before = production.column(table, column);
                    Optional<ColumnInfo> after = broken.state().catalog().column(table, column);
                    if (before.isPresent() && before.get().nullable() && after.isPresent() && !after.get().nullable()) {
                        found.putIfAbsent(table + "." + column, reason);
                        return;
                    }
                }
            });
        }
        return found;
    }

    private static List<String> tablesOf(String bound, SqlReferences references) {
        int dot = bound.lastIndexOf('.');
        return dot > 0 ? List.of(bound.substring(0, dot)) : new ArrayList<>(references.tables());
    }
}
