package io.switchover.replay;

import io.switchover.migrations.Batch;
import io.switchover.migrations.Migration;
import io.switchover.timeline.LockMode;
import io.switchover.timeline.LockObservations;
import io.switchover.timeline.ObservedStatement.Kind;
import io.switchover.timeline.ObservedStatement.TableWork;
import io.switchover.timeline.ObservedStatement;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.callback.Warning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches PostgreSQL run each statement of the batch's SQL migrations, from the migration's own session: after each
 * statement it reads the locks its transaction holds ({@code pg_locks} for its own backend), and it reads what the
 * server reports doing at {@code client_min_messages = debug1} (rewriting a table, verifying one, building an index,
 * validating a foreign key, proving NOT NULL from an existing constraint). Locks last until the migration commits,
 * so what a statement took is what its transaction holds after it and did not hold before.
 *
 * <p>The replay runs the batch as one Flyway group for speed, but a deployment commits each migration on its own:
 * the observer commits the group's transaction before each migration, so that a lock is seen in the migration that
 * takes it and no later one (the replay's database is thrown away; a failure is replayed again one by one anyway).
 */
public final class LockObserver implements Callback {
    /** Turns the observer off ({@code -Dswitchover.observe-locks=false}): for the benchmark's with/without pair. */
    public static final String SWITCH = "switchover.observe-locks";

    private static final String LOCKS = "SELECT c.relname, c.relkind, l.mode, t.relname FROM pg_locks l"
            + " JOIN pg_class c ON c.oid = l.relation"
            + " LEFT JOIN pg_index i ON i.indexrelid = c.oid LEFT JOIN pg_class t ON t.oid = i.indrelid"
            + " WHERE l.locktype = 'relation' AND l.granted AND l.pid = pg_backend_pid()"
            + " AND c.relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace,"
            + " 'pg_toast'::regnamespace)";
    private static final String FOREIGN_KEY_TABLE = "SELECT c.relname FROM pg_constraint k"
            + " JOIN pg_class c ON c.oid = k.conrelid WHERE k.contype = 'f' AND k.conname = ?";
    private static final Pattern REWRITING = Pattern.compile("rewriting table \"([^\"]+)\"");
    private static final Pattern VERIFYING = Pattern.compile("verifying table \"([^\"]+)\"");
    private static final Pattern BUILDING = Pattern.compile("building index \"([^\"]+)\" on table \"([^\"]+)\"");
    private static final Pattern FOREIGN_KEY = Pattern.compile("validating foreign key constraint \"([^\"]+)\"");
    private static final Pattern PROVEN = Pattern.compile(
            "existing constraints on column \"([^\"]+)\\.([^\"]+)\" are sufficient to prove");
    private static final Pattern ALTER_DOMAIN_ADD = Pattern.compile("(?is)^\\s*ALTER\\s+DOMAIN\\s.*\\bADD\\b.*");
    private static final Pattern NOT_VALID = Pattern.compile("(?i)\\bNOT\\s+VALID\\b");

    private final Batch batch;
    private final String historyTable;
    private final List<ObservedStatement> statements = new ArrayList<>();
    private final Set<Integer> observedSteps = new LinkedHashSet<>();
    private int step;
    private String script;
    private int ordinal;
    private Set<String> held = Set.of();
    private boolean failed;
    /** The session already set to report what the server does ({@code client_min_messages = debug1}). */
    private Connection reporting;

    private LockObserver(Batch batch, String historyTable) {
        this.batch = batch;
        this.historyTable = historyTable.toLowerCase(Locale.ROOT);
    }

    /** An observer for a replay on PostgreSQL; none elsewhere, or when switched off. */
    static Optional<LockObserver> on(ReplayDatabase db, Batch batch) {
        if (!db.url().startsWith("jdbc:postgresql:") || "false".equals(System.getProperty(SWITCH))) {
            return Optional.empty();
        }
        return Optional.of(new LockObserver(batch, batch.candidate().settings().table()));
    }

    public LockObservations observations() {
        return new LockObservations(statements, observedSteps);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_STATEMENT
                || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (failed) {
            return;
        }
        try {
            Connection connection = context.getConnection();
            if (event == Event.BEFORE_EACH_MIGRATE) {
                begin(connection, context.getMigrationInfo());
            } else if (event == Event.AFTER_EACH_MIGRATE_STATEMENT) {
                statementRan(connection, context.getStatement());
            } else if (step > 0 && "SQL".equals(context.getMigrationInfo().getType().name())) {
                observedSteps.add(step);
            }
        } catch (SQLException e) {
            // What cannot be observed is read from the SQL instead; the replay itself goes on.
            failed = true;
            observedSteps.clear();
        }
    }

    /**
     * Commits what the group did so far, so that the migration starts holding no lock: there is nothing to read from
     * {@code pg_locks} before its first statement. The server's reports are asked for once per session.
     */
    private void begin(Connection connection, MigrationInfo info) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        if (connection != reporting) {
            try (Statement set = connection.createStatement()) {
                set.execute("SET client_min_messages = debug1");
            }
            reporting = connection;
        }
        step = stepOf(info);
        script = info.getScript();
        ordinal = 0;
        held = Set.of();
    }

    private void statementRan(Connection connection, org.flywaydb.core.api.callback.Statement statement)
            throws SQLException {
        if (step == 0) {
            return;
        }
        Map<String, Lock> now = locks(connection);
        Map<String, LockMode> taken = new LinkedHashMap<>();
        Map<String, LockMode> holding = new LinkedHashMap<>();
        Map<String, String> indexes = new LinkedHashMap<>();
        for (Map.Entry<String, Lock> entry : now.entrySet()) {
            Lock lock = entry.getValue();
            boolean isNew = !held.contains(entry.getKey());
            if (lock.table() == null) {
                holding.merge(lock.relation(), lock.mode(), LockMode::stronger);
                if (isNew) {
                    taken.merge(lock.relation(), lock.mode(), LockMode::stronger);
                }
            } else if (isNew && lock.mode() == LockMode.ACCESS_EXCLUSIVE) {
                indexes.put(lock.relation(), lock.table());
            }
        }
        String sql = statement == null ? "" : statement.getSql();
        List<TableWork> work = work(connection, statement, taken);
        if (ALTER_DOMAIN_ADD.matcher(sql).matches() && !NOT_VALID.matcher(sql).find()) {
            taken.forEach((table, mode) -> {
                if (mode.compareTo(LockMode.SHARE) >= 0) {
                    work.add(new TableWork(Kind.DOMAIN_CHECK, table, null));
                }
            });
        }
        statements.add(new ObservedStatement(step, script, ordinal++, sql, taken, holding, indexes, work,
                !connection.getAutoCommit()));
        held = now.keySet();
    }

    private List<TableWork> work(Connection connection, org.flywaydb.core.api.callback.Statement statement,
                                 Map<String, LockMode> taken) throws SQLException {
        List<TableWork> work = new ArrayList<>();
        if (statement == null || statement.getWarnings() == null) {
            return work;
        }
        for (Warning warning : statement.getWarnings()) {
            String message = Objects.requireNonNullElse(warning.getMessage(), "");
            Matcher m;
            if ((m = REWRITING.matcher(message)).find()) {
                work.add(new TableWork(Kind.REWRITE, m.group(1), null));
            } else if ((m = VERIFYING.matcher(message)).find()) {
                work.add(new TableWork(Kind.SCAN, m.group(1), null));
            } else if ((m = BUILDING.matcher(message)).find()) {
                work.add(new TableWork(Kind.INDEX_BUILD, m.group(2), m.group(1)));
            } else if ((m = PROVEN.matcher(message)).find()) {
                work.add(new TableWork(Kind.PROVEN_BY_CONSTRAINT, m.group(1), m.group(2)));
            } else if ((m = FOREIGN_KEY.matcher(message)).find()) {
                for (String table : foreignKeyTables(connection, m.group(1))) {
                    if (taken.containsKey(table)) {
                        work.add(new TableWork(Kind.FOREIGN_KEY_CHECK, table, m.group(1)));
                    }
                }
            }
        }
        return work;
    }

    private static List<String> foreignKeyTables(Connection connection, String constraint) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(FOREIGN_KEY_TABLE)) {
            query.setString(1, constraint);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    /** One granted lock: a table's ({@code table} null) or an index's (with its table). */
    private record Lock(String relation, LockMode mode, String table) {
    }

    /** The relation locks this backend holds, keyed by relation and mode. */
    private Map<String, Lock> locks(Connection connection) throws SQLException {
        Map<String, Lock> locks = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        try (Statement query = connection.createStatement(); ResultSet rows = query.executeQuery(LOCKS)) {
            while (rows.next()) {
                String relation = rows.getString(1);
                String kind = rows.getString(2);
                Optional<LockMode> mode = LockMode.ofPgLocks(rows.getString(3));
                boolean table = "r".equals(kind) || "p".equals(kind) || "m".equals(kind);
                boolean index = "i".equals(kind) || "I".equals(kind);
                if (mode.isEmpty() || !(table || index) || relation.equalsIgnoreCase(historyTable)
                        || !seen.add(relation + "|" + mode.get())) {
                    continue;
                }
                locks.put(relation + "|" + mode.get(), new Lock(relation, mode.get(), table ? null : rows.getString(4)));
            }
        }
        return locks;
    }

    private int stepOf(MigrationInfo info) {
        String version = info.getVersion() == null ? null : info.getVersion().getVersion();
        List<Migration> migrations = batch.migrations();
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).script().equals(info.getScript())
                    && Objects.equals(migrations.get(i).version(), version)) {
                return i + 1;
            }
        }
        return 0;
    }

    @Override
    public String getCallbackName() {
        return "switchover-lock-observer";
    }
}
