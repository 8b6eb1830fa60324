package io.switchover.replay;

import java.util.Set;

/** A migration's text as the replay engine runs it, and what was changed for that engine (empty: nothing). */
public record AdaptedScript(String script, Set<String> changes) {

    public static AdaptedScript unchanged(String script) {
        return new AdaptedScript(script, Set.of());
    }
}
