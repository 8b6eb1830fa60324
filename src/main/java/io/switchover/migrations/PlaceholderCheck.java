package io.switchover.migrations;

import io.switchover.SwitchoverException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails early, naming the placeholder and the migration, when a migration uses a placeholder that has no value:
 * Flyway would only say so half-way through the replay, in words about its configuration.
 */
public final class PlaceholderCheck {
    private PlaceholderCheck() {
    }

    public static void requireValues(Batch batch) {
        FlywaySettings production = batch.production().settings();
        for (MigrationFile file : batch.production().files()) {
            check(file.script(), file.snapshot().read(file.path()), production);
        }
        FlywaySettings candidate = batch.candidate().settings();
        for (Migration migration : batch.migrations()) {
            if (migration.isJava()) {
                continue; // Flyway replaces placeholders in SQL files only
            }
            check(migration.script(), batch.candidate().snapshot().read(migration.path()), candidate);
        }
    }

    static void check(String script, String text, FlywaySettings settings) {
        if (!settings.placeholderReplacement()) {
            return;
        }
        Pattern placeholder = Pattern.compile(Pattern.quote(settings.placeholderPrefix()) + "([^\\s}]+?)"
                + Pattern.quote(settings.placeholderSuffix()));
        Matcher matcher = placeholder.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!name.startsWith("flyway:") && !hasValue(settings, name)) {
                throw SwitchoverException.badInput(script + " uses placeholder " + matcher.group() + ", which has no"
                        + " value; give it in switchover.yml (placeholders: " + name + ": ...) or in the environment"
                        + " (FLYWAY_PLACEHOLDERS_" + name.toUpperCase(java.util.Locale.ROOT) + ")");
            }
        }
    }

    private static boolean hasValue(FlywaySettings settings, String name) {
        // Flyway matches placeholder names case-insensitively.
        return settings.placeholders().keySet().stream().anyMatch(key -> key.equalsIgnoreCase(name));
    }
}
