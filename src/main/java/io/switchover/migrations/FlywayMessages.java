package io.switchover.migrations;

/** Turns Flyway's multi-line error reports into the one line a user reads first. */
public final class FlywayMessages {
    private FlywayMessages() {
    }

    public static String firstLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        for (String line : message.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("-")) {
                return trimmed;
            }
        }
        return message.strip();
    }
}
