package io.switchover.replay;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Statements that set up logical replication for a consumer of the database (a data warehouse's CDC): replication
 * slots, which need a server started with {@code wal_level=logical}, as no throwaway database is. They change no table,
 * column or routine the old service sees, so the replay skips them and says so. Found also inside a {@code DO} block,
 * where teams guard them.
 */
final class ReplicationSetup {
    private static final Pattern SLOT = Pattern.compile(
            "(?i)\\bpg_(create_logical|create_physical|drop)_replication_slot\\s*\\(");

    private ReplicationSetup() {
    }

    static AdaptedScript skip(String script) {
        if (!SLOT.matcher(script).find()) {
            return AdaptedScript.unchanged(script);
        }
        String rewritten = ScriptStatements.rewritten(script, statement -> SLOT.matcher(statement.text()).find()
                ? ScriptStatements.skipped("skipped: a replication slot") : null);
        return new AdaptedScript(rewritten, Set.of("skipped a replication slot's set-up (it needs"
                + " wal_level=logical, and changes nothing the old service sees)"));
    }
}
