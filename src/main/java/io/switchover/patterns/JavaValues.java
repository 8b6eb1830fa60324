package io.switchover.patterns;

import java.util.ArrayList;
import java.util.List;

/**
 * The values a Java string expression is made of at compile time, beside {@code String}, {@code Long} (every integral
 * number), {@code Character} and {@code Boolean}: an enum's constant, a list (of a {@code List.of}, an array, a
 * stream), a {@code StringBuilder}'s or {@code StringJoiner}'s text so far, and {@code Collectors.joining}.
 */
final class JavaValues {
    private JavaValues() {
    }

    /** An enum constant; its text is its name unless its type writes its own. */
    record EnumValue(String type, String name, int ordinal) {
    }

    /** The elements of a list, an array or a stream. */
    record ListValue(List<Object> elements) {
        ListValue {
            elements = List.copyOf(elements);
        }
    }

    /** A {@code StringBuilder} or {@code StringBuffer} and what was appended to it. */
    record Builder(String text) {
    }

    /** A {@code StringJoiner} and what was added to it. */
    record Joiner(String separator, String prefix, String suffix, List<String> items) {
        Joiner {
            items = List.copyOf(items);
        }

        Joiner add(String item) {
            List<String> more = new ArrayList<>(items);
            more.add(item);
            return new Joiner(separator, prefix, suffix, more);
        }

        String text() {
            return prefix + String.join(separator, items) + suffix;
        }
    }

    /** {@code Collectors.joining(separator, prefix, suffix)}. */
    record Joining(String separator, String prefix, String suffix) {
    }

    /** {@code Collectors.toList()} and its kin: the stream's elements as they are. */
    record ToList() {
    }

    /** The text of the {@code null} literal. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
}
