package io.switchover.rules;

import io.switchover.patterns.SqlReferences;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.SchemaState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The batch makes a column NOT NULL without a default (added so, or altered to it) while the old INSERT does not set
 * it: every insert of the old service fails until the new version runs.
 */
@RuleId("insert-omits-not-null-column")
@Claims(value = FailureKind.NOT_NULL_VIOLATION, specificity = Claims.Specificity.NEW_NOT_NULL)
public final class InsertOmitsNotNullColumn extends RejectedInsertRule {
    @Override
    Optional<Explanation> explainInsert(Break broken, SqlReferences insert, Evidence evidence) {
        String script = broken.state().migration().script();
        List<String> columns = requiredColumnsOmitted(broken.state(), insert);
        String named = columns.isEmpty() ? "a column" : String.join(", ", columns);
        return Optional.of(new Explanation(
                script + " makes " + named + " NOT NULL without a default, and the INSERT of " + broken.checked().issuer().label()
                        + " does not set it",
                "add " + named + " with a DEFAULT, or nullable now and NOT NULL only once no running version omits it",
                evidence.ddl().lineMakingNotNull(broken.state().step(), columns)));
    }

    private static List<String> requiredColumnsOmitted(SchemaState state, SqlReferences insert) {
        List<String> omitted = new ArrayList<>();
        for (String table : insert.tables()) {
            var after = state.catalog().table(table);
            if (after.isEmpty()) {
                continue;
            }
            for (ColumnInfo column : after.get().columns()) {
                boolean required = !column.nullable() && !column.hasDefault();
                if (required && !insert.insertColumns().contains(column.name()) && changedHere(state.diff(), table, column)) {
                    omitted.add(table + "." + column.name());
                }
            }
        }
        return omitted;
    }

    private static boolean changedHere(CatalogDiff diff, String table, ColumnInfo column) {
        return diff.addedColumns().contains(new CatalogDiff.ColumnRef(table, column.name()))
                || diff.changedColumns().stream()
                .anyMatch(c -> c.table().equals(table) && c.after().name().equals(column.name()));
    }
}
