package io.switchover.replay;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites PostgreSQL statements that H2 rejects but that change nothing the old service can see: index builds
 * without CONCURRENTLY, constraints without NOT VALID; comments, extensions, grants and session timeouts are skipped.
 * Whatever else H2 rejects is left for the real engine (see {@link AutoEngine}).
 */
final class H2Adaptation {
    private static final Pattern CONCURRENTLY = Pattern.compile("(?i)\\bCONCURRENTLY\\b");
    private static final Pattern NOT_VALID = Pattern.compile("(?i)\\bNOT\\s+VALID\\b");

    private static final Pattern CONCURRENT_INDEX = Pattern.compile("(CREATE (UNIQUE )?INDEX|DROP INDEX) CONCURRENTLY\\b.*");

    private H2Adaptation() {
    }

    static AdaptedScript adapt(String original) {
        AdaptedScript withoutReplication = ReplicationSetup.skip(original);
        String script = withoutReplication.script();
        Set<String> changes = new LinkedHashSet<>(withoutReplication.changes());
        String rewritten = ScriptStatements.rewritten(script, statement -> {
            String head = statement.head();
            Matcher concurrently = CONCURRENT_INDEX.matcher(head);
            if (concurrently.matches()) {
                String verb = concurrently.group(1).replace("UNIQUE ", "");
                changes.add("ran " + verb + " CONCURRENTLY as " + verb);
                return CONCURRENTLY.matcher(statement.text()).replaceFirst("");
            }
            if (head.startsWith("ALTER TABLE ") && NOT_VALID.matcher(head).find()) {
                changes.add("added a NOT VALID constraint as a plain one");
                return NOT_VALID.matcher(statement.text()).replaceAll("");
            }
            String skipped = skipped(head);
            if (skipped != null) {
                changes.add("skipped " + skipped);
                return ScriptStatements.skipped("skipped on H2: " + skipped);
            }
            return null;
        });
        return new AdaptedScript(changes.isEmpty() ? script : rewritten, changes);
    }

    private static String skipped(String head) {
        Matcher set = Pattern.compile("SET (SESSION |LOCAL )?(LOCK_TIMEOUT|STATEMENT_TIMEOUT|IDLE_IN_TRANSACTION_SESSION_TIMEOUT)\\b.*")
                .matcher(head);
        if (set.matches()) {
            return "SET " + set.group(2).toLowerCase(java.util.Locale.ROOT);
        }
        if (head.startsWith("COMMENT ON ")) {
            return "COMMENT ON";
        }
        if (head.startsWith("CREATE EXTENSION ")) {
            return "CREATE EXTENSION";
        }
        if (head.startsWith("GRANT ") || head.startsWith("REVOKE ")) {
            return head.substring(0, head.indexOf(' '));
        }
        if (head.matches("ALTER TABLE .* VALIDATE CONSTRAINT .*")) {
            return "VALIDATE CONSTRAINT";
        }
        return null;
    }
}
