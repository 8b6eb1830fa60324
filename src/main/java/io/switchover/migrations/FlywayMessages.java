package io.switchover.migrations;

import java.util.ArrayList;
import java.util.List;

/** Turns Flyway's multi-line error reports into the one line a user reads first. */
public final class FlywayMessages {
    private FlywayMessages() {
    }

    /**
     * The first meaningful line; where it only announces a list (ends with ':'), the listed lines are joined onto it,
     * since they are what the user has to act on.
     */
    public static String firstLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.matches("-+")) {
                lines.add(trimmed);
            }
        }
        if (lines.isEmpty()) {
            return message.strip();
        }
        String first = lines.get(0);
        if (first.matches("(?i).*failed ?!")) {
            // A Java migration threw: its own words say what happened, Flyway's only that it did.
            for (Throwable cause = error.getCause(); cause != null && cause != error; cause = cause.getCause()) {
                if (!cause.getClass().getName().startsWith("org.flywaydb.")) {
                    return firstLine(cause);
                }
                if (cause.getCause() == cause) {
                    break;
                }
            }
        }
        if (first.endsWith(":") && lines.size() > 1) {
            return first + " " + String.join("; ", lines.subList(1, lines.size()));
        }
        return first;
    }
}
