package io.switchover.replay;

import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.TableInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where production's schema, as exported from its catalog, differs from what its applied migrations make: tables,
 * views and columns one has and the other lacks, columns of another type or nullability, routines, sequences and types.
 * Hot-fixes, manual changes and migrations the replay could not run show here.
 */
final class SchemaDrift {
    /** More lines than a person reads in a report: the rest is counted. */
    private static final int MAX_LINES = 30;

    private SchemaDrift() {
    }

    /** One line per difference, each beginning {@code drift: }; none when the two agree. */
    static List<String> between(SchemaCatalog replayed, SchemaCatalog production) {
        List<String> lines = new ArrayList<>();
        Set<String> tables = new TreeSet<>(replayed.tables().keySet());
        tables.addAll(production.tables().keySet());
        for (String table : tables) {
            Optional<TableInfo> fromHistory = replayed.table(table);
            Optional<TableInfo> inProduction = production.table(table);
            if (fromHistory.isEmpty()) {
                lines.add("production has " + kind(inProduction.get()) + " " + table
                        + ", which its migrations do not create");
            } else if (inProduction.isEmpty()) {
                lines.add("production lacks " + kind(fromHistory.get()) + " " + table + ", which its migrations create");
            } else {
                columns(table, fromHistory.get(), inProduction.get(), lines);
            }
        }
        objects("routine", replayed.objects().routines(), production.objects().routines(), lines);
        objects("sequence", replayed.objects().sequences(), production.objects().sequences(), lines);
        objects("type", replayed.objects().types(), production.objects().types(), lines);
        List<String> said = new ArrayList<>();
        for (int i = 0; i < Math.min(lines.size(), MAX_LINES); i++) {
            said.add("drift: " + lines.get(i));
        }
        if (lines.size() > MAX_LINES) {
            said.add("drift: " + (lines.size() - MAX_LINES) + " more differences");
        }
        return said;
    }

    private static void columns(String table, TableInfo fromHistory, TableInfo inProduction, List<String> lines) {
        for (ColumnInfo column : inProduction.columns()) {
            Optional<ColumnInfo> replayed = fromHistory.columns().stream()
                    .filter(c -> c.name().equalsIgnoreCase(column.name())).findFirst();
            if (replayed.isEmpty()) {
                lines.add("production has column " + table + "." + column.name() + " (" + column.typeLabel()
                        + "), which its migrations do not create");
                continue;
            }
            ColumnInfo other = replayed.get();
            if (!other.typeLabel().equalsIgnoreCase(column.typeLabel())) {
                lines.add(table + "." + column.name() + " is " + column.typeLabel() + " in production, "
                        + other.typeLabel() + " by its migrations");
            }
            if (other.nullable() != column.nullable()) {
                lines.add(table + "." + column.name() + " is " + (column.nullable() ? "nullable" : "NOT NULL")
                        + " in production, " + (other.nullable() ? "nullable" : "NOT NULL") + " by its migrations");
            }
        }
        for (ColumnInfo column : fromHistory.columns()) {
            if (inProduction.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(column.name()))) {
                lines.add("production lacks column " + table + "." + column.name() + ", which its migrations create");
            }
        }
    }

    private static void objects(String kind, Set<String> replayed, Set<String> production, List<String> lines) {
        for (String name : new TreeSet<>(production)) {
            if (!replayed.contains(name)) {
                lines.add("production has " + kind + " " + name + ", which its migrations do not create");
            }
        }
        for (String name : new TreeSet<>(replayed)) {
            if (!production.contains(name)) {
                lines.add("production lacks " + kind + " " + name + ", which its migrations create");
            }
        }
    }

    private static String kind(TableInfo table) {
        return table.view() ? "view" : "table";
    }
}
