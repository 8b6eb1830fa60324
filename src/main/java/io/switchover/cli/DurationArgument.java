package io.switchover.cli;

import io.switchover.SwitchoverException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration on the command line: a number and a unit, {@code 30s}, {@code 5m}, {@code 1h} or {@code 2d}. */
final class DurationArgument {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)");

    private DurationArgument() {
    }

    static Duration parse(String option, String value) {
        Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw SwitchoverException.badInput(option + " '" + value + "': write a number above zero and a unit, e.g."
                    + " 30s, 5m, 1h or 2d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
