package io.switchover.cli;

import io.switchover.SwitchoverException;
import io.switchover.replay.H2Engine;
import io.switchover.replay.ReplayEngine;

import java.util.Locale;

/** Turns an {@code --engine} value into a replay engine. */
final class EngineArgument {
    private EngineArgument() {
    }

    static ReplayEngine open(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "auto", "h2" -> new H2Engine();
            case "embedded-postgres", "postgres", "testcontainers", "mariadb" -> throw SwitchoverException.badInput(
                    "--engine " + value + " is not available in this version; use --engine h2 (the default)");
            default -> throw SwitchoverException.badInput("unknown --engine '" + value
                    + "'; use auto, h2, embedded-postgres, postgres, testcontainers or mariadb");
        };
    }
}
