package io.switchover.replay;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement to probe at every state, in the form JDBC takes it.
 *
 * @param jdbcSql          the statement with positional {@code ?} parameters only
 * @param tables           the tables it references, lower-case
 * @param parameterColumns for each parameter, the column it is bound to ({@code table.column} or {@code column}),
 *                         or {@code null} when the statement does not say
 * @param baseline         whether it must be probed at S0 even when the batch changes nothing it uses: a statement
 *                         only the candidate issues has to be seen working somewhere
 * @param columns          the columns it references, by table; a table missing here counts as "any column"
 * @param positional       whether it depends on column order ({@code SELECT *}, an INSERT without a column list)
 * @param inserts          whether it inserts rows (so that a column becoming required affects it)
 * @param readByName       whether the old code reads columns of its result by name, so that each probe records
 *                         what the result holds
 */
public record ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns, boolean baseline,
                             Map<String, Set<String>> columns, boolean positional, boolean inserts,
                             boolean readByName) {

    public ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns, boolean baseline,
                          Map<String, Set<String>> columns, boolean positional, boolean inserts) {
        this(jdbcSql, tables, parameterColumns, baseline, columns, positional, inserts, false);
    }

    public ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns) {
        this(jdbcSql, tables, parameterColumns, false);
    }

    /** A statement whose columns are not known: every change of its tables may affect it. */
    public ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns, boolean baseline) {
        this(jdbcSql, tables, parameterColumns, baseline, Map.of(), true, true);
    }
}
