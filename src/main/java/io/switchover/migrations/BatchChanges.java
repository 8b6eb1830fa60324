package io.switchover.migrations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a batch's migrations change, each read once per check ({@link MigrationChanges}) and shared by the stages after:
 * which services' statements are worth parsing, which ones the replay probes at S0 and after each step, and what the
 * rules read of the migrations' statements.
 */
public final class BatchChanges {
    private final List<MigrationChanges> migrations;
    private final List<LocatedChange> located;
    private final Map<Migration, MigrationEffects> effects = new HashMap<>();
    /** Lower-case names of the tables the batch changes; empty when it may change anything. */
    private final Optional<Set<String>> reachedTables;

    private BatchChanges(List<MigrationChanges> migrations) {
        this.migrations = List.copyOf(migrations);
        List<LocatedChange> all = new ArrayList<>();
        Set<String> tables = new HashSet<>();
        boolean anything = false;
        for (MigrationChanges migration : migrations) {
            all.addAll(migration.changes());
            effects.put(migration.migration(), migration.effects());
            anything |= migration.effects().all();
            tables.addAll(migration.effects().tables());
        }
        this.located = List.copyOf(all);
        this.reachedTables = anything ? Optional.empty() : Optional.of(Set.copyOf(tables));
    }

    /** The batch's migrations, read. */
    public static BatchChanges read(Batch batch) {
        return of(new MigrationScriptReader().read(batch));
    }

    /** The changes of scripts already read statement by statement, in batch order. */
    public static BatchChanges of(List<MigrationScript> scripts) {
        return new BatchChanges(scripts.stream().map(MigrationChanges::of).toList());
    }

    public static BatchChanges none() {
        return new BatchChanges(List.of());
    }

    /** The same changes without those of the migrations held back (their steps stay the whole batch's). */
    public BatchChanges without(Collection<Migration> held) {
        return new BatchChanges(migrations.stream().filter(m -> !held.contains(m.migration())).toList());
    }

    public List<MigrationChanges> migrations() {
        return migrations;
    }

    /** The batch's migrations read statement by statement, in batch order. */
    public List<MigrationScript> scripts() {
        return migrations.stream().map(MigrationChanges::script).toList();
    }

    /** Every change of the batch, in batch and statement order. */
    public List<LocatedChange> located() {
        return located;
    }

    /** The changes one statement of the batch says it makes. */
    public List<DdlChange> of(MigrationStatement statement) {
        return located.stream().filter(l -> l.statement() == statement).map(LocatedChange::change).toList();
    }

    /** What a migration can change; anything for one that is not in the batch (Flyway found what this did not). */
    public MigrationEffects effectsOf(Migration migration) {
        return effects.getOrDefault(migration, MigrationEffects.anything());
    }

    /** The tables the batch changes, in lower case, or empty when it may change anything. */
    public Optional<Set<String>> reachedTables() {
        return reachedTables;
    }

    /**
     * The tables the batch's migration statements name (a new unique index, the source of a copy...), in lower case:
     * a rule may report a statement about them besides those the replay probes.
     */
    public Set<String> namedTables() {
        Set<String> tables = new HashSet<>();
        for (LocatedChange change : located) {
            tables.add(change.change().table().toLowerCase(Locale.ROOT));
            if (change.change() instanceof DdlChange.CopyData copy) {
                tables.add(copy.sourceTable().toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(tables);
    }
}
