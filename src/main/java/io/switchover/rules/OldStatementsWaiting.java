package io.switchover.rules;

import io.switchover.patterns.model.AccessPattern;
import io.switchover.sql.OneLine;
import io.switchover.timeline.LockMode;
import io.switchover.timeline.ProbeStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The running versions' statements that would queue behind a lock on a table: the reads while reads wait, the
 * writes while writes wait. Said in a finding as the first few, with where the code issues them.
 */
final class OldStatementsWaiting {
    private static final int SHOWN = 3;
    private static final Pattern READ = Pattern.compile("(?is)^\\s*(SELECT|WITH)\\b(?!.*\\bFOR\\s+(UPDATE|SHARE|NO\\s+KEY"
            + "|KEY)\\b)(?!.*\\b(INSERT|UPDATE|DELETE)\\b).*");

    private record Issued(String sql, String version, boolean read, List<String> tables, AccessPattern pattern) {
    }

    private final List<Issued> running = new ArrayList<>();

    private OldStatementsWaiting() {
    }

    static OldStatementsWaiting of(Evidence evidence) {
        OldStatementsWaiting waiting = new OldStatementsWaiting();
        List<ProbeStatement> probes = evidence.timeline().statements();
        for (CheckedStatement statement : evidence.statements()) {
            if (!statement.isRunning() || statement.probe() < 0 || statement.probe() >= probes.size()
                    || statement.patterns().isEmpty()) {
                continue;
            }
            ProbeStatement probe = probes.get(statement.probe());
            waiting.running.add(new Issued(statement.sql(), statement.issuer().label(),
                    READ.matcher(statement.sql()).matches(), probe.tables(), statement.patterns().get(0)));
        }
        return waiting;
    }

    /** "; deploy-1 waits with INSERT INTO person ... (Repository.java:4) and 2 more", or nothing. */
    String on(String table, LockMode mode) {
        String name = table.toLowerCase(Locale.ROOT);
        List<Issued> blocked = running.stream().filter(s -> s.tables().contains(name)
                && (s.read() ? mode.blocksReads() : mode.blocksWrites())).toList();
        if (blocked.isEmpty()) {
            return "";
        }
        List<String> shown = new ArrayList<>();
        for (Issued issued : blocked.subList(0, Math.min(SHOWN, blocked.size()))) {
            String sql = OneLine.of(issued.sql());
            shown.add((sql.length() > 80 ? sql.substring(0, 77) + "..." : sql) + " (" + issued.pattern().origin()
                    + ")");
        }
        List<String> versions = blocked.stream().map(Issued::version).distinct().toList();
        return "; " + String.join(", ", versions) + " wait" + (versions.size() == 1 ? "s" : "") + " there with "
                + String.join(", ", shown) + (blocked.size() > SHOWN ? " and " + (blocked.size() - SHOWN) + " more"
                : "");
    }
}
