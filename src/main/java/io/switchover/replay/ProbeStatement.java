package io.switchover.replay;

import java.util.List;

/**
 * A statement to probe at every state, in the form JDBC takes it.
 *
 * @param jdbcSql          the statement with positional {@code ?} parameters only
 * @param tables           the tables it references, lower-case
 * @param parameterColumns for each parameter, the column it is bound to ({@code table.column} or {@code column}),
 *                         or {@code null} when the statement does not say
 * @param baseline         whether it must be probed at S0 even when the batch changes nothing it uses: a statement
 *                         only the candidate issues has to be seen working somewhere
 */
public record ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns, boolean baseline) {

    public ProbeStatement(String jdbcSql, List<String> tables, List<String> parameterColumns) {
        this(jdbcSql, tables, parameterColumns, false);
    }
}
