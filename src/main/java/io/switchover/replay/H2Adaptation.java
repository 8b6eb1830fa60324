package io.switchover.replay;

import java.util.LinkedHashSet;
import java.util.List;
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

    private H2Adaptation() {
    }

    static AdaptedScript adapt(String original) {
        AdaptedScript withoutReplication = ReplicationSetup.skip(original);
        String script = withoutReplication.script();
        List<ScriptStatements.Statement> statements = ScriptStatements.split(script);
        StringBuilder out = new StringBuilder(script.length());
        Set<String> changes = new LinkedHashSet<>(withoutReplication.changes());
        int copied = 0;
        for (ScriptStatements.Statement statement : statements) {
            String head = statement.head();
            String replacement = null;
            Matcher concurrently = Pattern.compile("(CREATE (UNIQUE )?INDEX|DROP INDEX) CONCURRENTLY\\b.*").matcher(head);
            if (concurrently.matches()) {
                replacement = CONCURRENTLY.matcher(statement.text()).replaceFirst("");
                String verb = concurrently.group(1).replace("UNIQUE ", "");
                changes.add("ran " + verb + " CONCURRENTLY as " + verb);
            } else if (head.startsWith("ALTER TABLE ") && NOT_VALID.matcher(head).find()) {
                replacement = NOT_VALID.matcher(statement.text()).replaceAll("");
                changes.add("added a NOT VALID constraint as a plain one");
            } else {
                String skipped = skipped(head);
                if (skipped != null) {
                    replacement = "\n-- switchover: skipped on H2: " + skipped + "\nSELECT 1";
                    changes.add("skipped " + skipped);
                }
            }
            if (replacement != null) {
                out.append(script, copied, statement.start()).append(replacement);
                copied = statement.end();
            }
        }
        out.append(script, copied, script.length());
        return new AdaptedScript(changes.isEmpty() ? script : out.toString(), changes);
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
