package io.switchover.replay;

import io.switchover.sql.SqlScriptSplitter;
import io.switchover.sql.SqlScriptSplitter.ScriptStatement;

import java.util.function.Function;

/** A migration's text rewritten for a replay engine, statement by statement ({@link SqlScriptSplitter}). */
final class ScriptStatements {
    private static final SqlScriptSplitter SPLITTER = new SqlScriptSplitter();

    private ScriptStatements() {
    }

    /**
     * The script with each statement that {@code replacement} gives a text for replaced by that text; a statement it
     * gives null for stays as written, and so does everything between statements.
     */
    static String rewritten(String script, Function<ScriptStatement, String> replacement) {
        StringBuilder out = new StringBuilder(script.length());
        int copied = 0;
        for (ScriptStatement statement : SPLITTER.split(script)) {
            String replaced = replacement.apply(statement);
            if (replaced != null) {
                out.append(script, copied, statement.start()).append(replaced);
                copied = statement.end();
            }
        }
        return out.append(script, copied, script.length()).toString();
    }

    /** What a statement the replay skips becomes: a comment saying why, and a statement that does nothing. */
    static String skipped(String why) {
        return "\n-- switchover: " + why + "\nSELECT 1";
    }
}
