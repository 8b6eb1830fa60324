package io.switchover.cli;

import io.switchover.SwitchoverException;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --leftover-age}: a number and a unit, at most ten years and above zero. */
final class EngineArgument {
    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final Duration MAX_AGE = Duration.ofDays(3650);

    private EngineArgument() {
    }

    static Duration age(String value) {
        Matcher matcher = AGE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw SwitchoverException.badInput("--leftover-age '" + value + "': write a number and a unit, e.g. 30m,"
                    + " 1h or 2d");
        }
        long unit = switch (matcher.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3_600;
            default -> 86_400;
        };
        String digits = matcher.group(1).replaceFirst("^0+(?=\\d)", "");
        // Ten years at most: anything longer is a typo (and twenty digits would not even fit a long).
        if (digits.length() > 12 || Long.parseLong(digits) * unit > MAX_AGE.toSeconds()) {
            throw SwitchoverException.badInput("--leftover-age '" + value + "' is longer than the ten years (3650d)"
                    + " a leftover replay database may be kept; write e.g. 1h or 2d");
        }
        Duration age = Duration.ofSeconds(Long.parseLong(digits) * unit);
        if (age.isZero()) {
            throw SwitchoverException.badInput("--leftover-age '" + value + "' would drop the databases of runs still"
                    + " going; write a positive age, e.g. 1h");
        }
        return age;
    }
}
