package io.switchover.mentions;

import io.switchover.mentions.ChangedObject.Change;
import io.switchover.mentions.ChangedObject.Kind;
import io.switchover.timeline.CatalogDiff;
import io.switchover.timeline.ColumnInfo;
import io.switchover.timeline.SchemaCatalog;
import io.switchover.timeline.SchemaState;
import io.switchover.timeline.TableInfo;
import io.switchover.timeline.Timeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the batch removes or tightens, step by step, as the replay saw it in the catalog (not as the migrations' text
 * says it): a table, view, column, function, sequence or type gone under its name, a value an enum or a list no
 * longer allows, a column that becomes NOT NULL, loses its default or changes type. Each object once, at the first
 * step that changes it that way.
 */
public final class ChangedObjects {

    private ChangedObjects() {
    }

    public static List<ChangedObject> of(Timeline timeline) {
        List<ChangedObject> changed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<SchemaState> states = timeline.states();
        SchemaCatalog production = states.get(0).catalog();
        boolean productionKnown = !production.all().isEmpty();
        for (int i = 1; i < states.size(); i++) {
            SchemaState before = states.get(i - 1);
            SchemaState state = states.get(i);
            CatalogDiff diff = state.diff();
            List<ChangedObject> step = new ArrayList<>();
            for (String table : diff.droppedTables()) {
                boolean view = before.catalog().table(table).map(TableInfo::view).orElse(false);
                step.add(new ChangedObject(view ? Kind.VIEW : Kind.TABLE, table, null, Change.REMOVED, i,
                        state.migration()));
            }
            for (CatalogDiff.ColumnRef column : diff.droppedColumns()) {
                step.add(new ChangedObject(Kind.COLUMN, column.column(), column.table(), Change.REMOVED, i,
                        state.migration()));
            }
            for (CatalogDiff.ColumnRef added : diff.addedColumns()) {
                ColumnInfo column = state.catalog().column(added.table(), added.column()).orElse(null);
                if (column != null && !column.nullable() && !column.hasDefault()) {
                    step.add(new ChangedObject(Kind.COLUMN, column.name(), added.table(), Change.REQUIRED, i,
                            state.migration()));
                }
            }
            for (CatalogDiff.ColumnChange change : diff.changedColumns()) {
                ColumnInfo was = change.before();
                ColumnInfo now = change.after();
                if (was.nullable() && !now.nullable()) {
                    step.add(column(change, Change.BECOMES_NOT_NULL, state));
                }
                if (was.hasDefault() && !now.hasDefault()) {
                    step.add(column(change, Change.LOSES_DEFAULT, state));
                }
                if ((was.nullable() || was.hasDefault()) && !now.nullable() && !now.hasDefault()) {
                    step.add(column(change, Change.REQUIRED, state));
                }
                if (!sameType(was, now)) {
                    step.add(column(change, Change.TYPE_CHANGED, state));
                }
            }
            for (CatalogDiff.ObjectRef object : diff.removedObjects()) {
                Kind kind = switch (object.kind()) {
                    case "function" -> Kind.FUNCTION;
                    case "sequence" -> Kind.SEQUENCE;
                    default -> Kind.TYPE;
                };
                step.add(new ChangedObject(kind, object.name(), null, Change.REMOVED, i, state.migration()));
            }
            for (CatalogDiff.ValueRef value : diff.removedValues()) {
                step.add(new ChangedObject(Kind.VALUE, value.value(), value.owner(), Change.REMOVED, i,
                        state.migration()));
            }
            for (ChangedObject object : step) {
                if (productionKnown && !inProduction(object, production)) {
                    continue; // made by the batch itself: no running version can name it
                }
                if (seen.add(object.kind() + " " + object.owner() + " " + object.name() + " " + object.change())) {
                    changed.add(object);
                }
            }
        }
        return List.copyOf(changed);
    }

    /**
     * Whether production's schema (S0) has what the change is about, so that a running version can use it: the table
     * a removed table or an added required column belongs to, the column a column change is about. A table the batch
     * creates and drops again, or a column it adds and drops, is no running version's (a reviewer's grep finds its
     * name, but in another table's column of the same name).
     */
    private static boolean inProduction(ChangedObject object, SchemaCatalog production) {
        return switch (object.kind()) {
            case TABLE, VIEW -> production.table(object.name()).isPresent();
            case COLUMN -> object.change() == Change.REQUIRED ? production.table(object.owner()).isPresent()
                    : production.column(object.owner(), object.name()).isPresent();
            default -> true;
        };
    }

    private static ChangedObject column(CatalogDiff.ColumnChange change, Change how, SchemaState state) {
        return new ChangedObject(Kind.COLUMN, change.after().name(), change.table(), how, state.step(),
                state.migration());
    }

    private static boolean sameType(ColumnInfo was, ColumnInfo now) {
        return was.typeName().toLowerCase(Locale.ROOT).equals(now.typeName().toLowerCase(Locale.ROOT))
                && was.jdbcType() == now.jdbcType() && was.size() == now.size() && was.decimals() == now.decimals();
    }
}
