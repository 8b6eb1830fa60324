package io.switchover.replay;

import io.switchover.sql.SqlScriptSplitter.ScriptStatement;
import io.switchover.sql.SqlScriptSplitter;
import io.switchover.sql.SqlText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statements about roles that only production's cluster has: ownership ({@code ALTER ... OWNER TO app}), privileges
 * ({@code GRANT ... TO app}, {@code REVOKE ... FROM app}, {@code ALTER DEFAULT PRIVILEGES ... TO app}) and
 * {@code SET ROLE app}. Roles are the cluster's, not the database's: a throwaway database has none of them, and the
 * replay must not create them on a server it shares. Such a statement changes nothing the old service's SQL sees on
 * the replay, where every probe runs as the database's owner, so the replay skips it and says so. A statement whose
 * roles all exist runs as written.
 */
final class AbsentRoles {
    /** The statements that name roles, with the clause that lists them. */
    private static final Pattern HEAD = Pattern.compile("(?is)^\\s*(grant|revoke|alter\\s+default\\s+privileges"
            + "|set\\s+(?:session\\s+|local\\s+)?role)\\b");
    /** {@code ALTER <kind> <name> OWNER TO <role>}: the name directly before OWNER TO, nothing after the role. */
    private static final Pattern OWNER_TO = Pattern.compile("(?is)^\\s*alter\\s+(?:materialized\\s+view|foreign\\s+table"
            + "|text\\s+search\\s+\\w+|operator\\s+(?:class|family)|event\\s+trigger|large\\s+object|\\w+)"
            + "\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?(?:\"[^\"]+\"|[\\w$.]+)(?:\\s*\\([^)]*\\))?(?:\\s+using\\s+\\w+)?"
            + "\\s+owner\\s+to\\s+(\"[^\"]+\"|[\\w$]+)\\s*;?\\s*$");
    private static final Pattern GRANTEES = Pattern.compile("(?is)\\s(?:to|from)\\s+((?:\"[^\"]+\"|[\\w$]+)"
            + "(?:\\s*,\\s*(?:group\\s+)?(?:\"[^\"]+\"|[\\w$]+))*)");
    private static final Pattern ROLE_NAME = Pattern.compile("\"([^\"]+)\"|([\\w$]+)");
    private static final Set<String> END_OF_LIST = Set.of("with", "granted", "cascade", "restrict");
    private static final Set<String> ALWAYS = Set.of("public", "current_user", "session_user", "current_role",
            "none", "default");

    private AbsentRoles() {
    }

    /** @param roles the roles the replay's server has (lower case where unquoted names fold) */
    static AdaptedScript skip(String script, Set<String> roles) {
        if (!mayNameRoles(script)) {
            return AdaptedScript.unchanged(script);
        }
        Set<String> absent = new LinkedHashSet<>();
        String rewritten = ScriptStatements.rewritten(script, statement -> {
            List<String> missing = missingRoles(statement.text(), roles);
            absent.addAll(missing);
            return missing.isEmpty() ? null
                    : ScriptStatements.skipped("skipped: names a role the replay's server does not have");
        });
        if (absent.isEmpty()) {
            return AdaptedScript.unchanged(script);
        }
        return new AdaptedScript(rewritten, Set.of("skipped the ownership and privileges of role"
                + (absent.size() == 1 ? " " : "s ") + String.join(", ", absent) + ", which the replay's server does"
                + " not have (roles are the cluster's; they change nothing the old service's SQL sees here)"));
    }

    /**
     * The roles the script's statements name that the server lacks: which of its statements {@link #skip} skips
     * follows from them and the script's text.
     */
    static Set<String> absent(String script, Set<String> roles) {
        if (!mayNameRoles(script)) {
            return Set.of();
        }
        Set<String> absent = new java.util.TreeSet<>();
        for (ScriptStatement statement : new SqlScriptSplitter().split(script)) {
            absent.addAll(missingRoles(statement.text(), roles));
        }
        return absent;
    }

    private static boolean mayNameRoles(String script) {
        String lower = script.toLowerCase(Locale.ROOT);
        return lower.contains("owner") || lower.contains("grant") || lower.contains("revoke") || lower.contains("role");
    }

    /** The roles a statement names that the server lacks; empty for any other statement. */
    static List<String> missingRoles(String statement, Set<String> roles) {
        String text = statement.substring(SqlText.skipBlankAndComments(statement, 0));
        Matcher owner = OWNER_TO.matcher(text);
        if (owner.find()) {
            return missing(owner.group(1), roles);
        }
        Matcher head = HEAD.matcher(text);
        if (!head.find()) {
            return List.of();
        }
        Optional<String> list;
        if (head.group(1).toLowerCase(Locale.ROOT).startsWith("set")) {
            list = Optional.of(text.substring(head.end()).strip());
        } else {
            Matcher grantees = GRANTEES.matcher(text);
            String last = null;
            while (grantees.find()) {
                last = grantees.group(1);
            }
            list = Optional.ofNullable(last);
        }
        return list.map(names -> missing(names, roles)).orElse(List.of());
    }

    private static List<String> missing(String names, Set<String> roles) {
        List<String> missing = new ArrayList<>();
        Matcher name = ROLE_NAME.matcher(names);
        while (name.find()) {
            String role = name.group(1) != null ? name.group(1) : name.group(2).toLowerCase(Locale.ROOT);
            if (name.group(2) != null && role.equals("group")) {
                continue;
            }
            if (name.group(2) != null && END_OF_LIST.contains(role)) {
                break; // WITH GRANT OPTION, GRANTED BY, CASCADE: the list has ended
            }
            if (!ALWAYS.contains(role) && !roles.contains(role)) {
                missing.add(role);
            }
        }
        return missing;
    }
}
