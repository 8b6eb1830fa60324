package io.switchover.replay;

import io.switchover.sql.SqlParsing;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.ProbeStatement;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.TableInfo;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * jOOQ's classes generated from production's migrations name every column the table had there: where they are not in
 * the sources, {@code selectFrom(T)} was read as {@code SELECT *}, which at production's schema (S0) means its columns,
 * listed. A drop of one of them breaks the running version's query, as it breaks jOOQ's; {@code SELECT *} would not.
 */
final class GeneratedColumns {

    private GeneratedColumns() {
    }

    /** The statements, each whose star stands for the generated columns written out as the catalog has them. */
    static List<ProbeStatement> listed(List<ProbeStatement> statements, SchemaCatalog s0) {
        if (statements.stream().noneMatch(ProbeStatement::starOfGeneratedColumns)) {
            return statements;
        }
        List<ProbeStatement> listed = new ArrayList<>(statements.size());
        for (ProbeStatement statement : statements) {
            Map<String, Set<String>> written = new LinkedHashMap<>();
            listed.add(statement.starOfGeneratedColumns()
                    ? listedSql(statement.jdbcSql(), s0, written).map(sql -> statement.listing(sql, written))
                            .orElse(statement)
                    : statement);
        }
        return listed;
    }

    /** The statement with its stars written out; {@code written} gets the columns written, by table. */
    private static Optional<String> listedSql(String sql, SchemaCatalog s0, Map<String, Set<String>> written) {
        SqlParsing.Parsed parsed = SqlParsing.parse(sql);
        if (!(parsed.statement() instanceof PlainSelect select)) {
            return Optional.empty();
        }
        List<FromItem> from = new ArrayList<>();
        from.add(select.getFromItem());
        if (select.getJoins() != null) {
            select.getJoins().stream().map(Join::getFromItem).forEach(from::add);
        }
        List<SelectItem<?>> items = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getExpression() instanceof AllTableColumns tableColumns) {
                Optional<List<SelectItem<?>>> columns = columnsOf(tableColumns.getTable(), from, s0, written);
                if (columns.isEmpty()) {
                    return Optional.empty();
                }
                items.addAll(columns.get());
            } else if (item.getExpression() instanceof AllColumns) {
                for (FromItem table : from) {
                    if (!(table instanceof Table named)) {
                        return Optional.empty();
                    }
                    Optional<List<SelectItem<?>>> columns = columnsOf(named, s0, written);
                    if (columns.isEmpty()) {
                        return Optional.empty();
                    }
                    items.addAll(columns.get());
                }
            } else {
                items.add(item);
            }
        }
        select.setSelectItems(items);
        return Optional.of(select.toString());
    }

    /** The columns of a table named in FROM (by its name or its alias), qualified as the query names it. */
    private static Optional<List<SelectItem<?>>> columnsOf(Table reference, List<FromItem> from, SchemaCatalog s0,
                                                           Map<String, Set<String>> written) {
        for (FromItem item : from) {
            if (item instanceof Table table && qualifier(table).equalsIgnoreCase(reference.getName())) {
                return columnsOf(table, s0, written);
            }
        }
        return Optional.empty();
    }

    private static Optional<List<SelectItem<?>>> columnsOf(Table table, SchemaCatalog s0,
                                                           Map<String, Set<String>> written) {
        Optional<TableInfo> info = s0.table(unquoted(table.getName()));
        if (info.isEmpty() || info.get().columns().isEmpty()) {
            return Optional.empty();
        }
        List<SelectItem<?>> columns = new ArrayList<>();
        for (ColumnInfo column : info.get().columns()) {
            columns.add(SelectItem.from(new Column(new Table(qualifier(table)), column.name())));
            written.computeIfAbsent(info.get().name(), t -> new LinkedHashSet<>()).add(column.name());
        }
        return Optional.of(columns);
    }

    private static String qualifier(Table table) {
        Alias alias = table.getAlias();
        return alias != null ? alias.getName() : table.getName();
    }

    private static String unquoted(String name) {
        return name.replace("\"", "").replace("`", "");
    }
}
