package io.switchover.mentions;

import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.ServiceVersion;

/**
 * A place in a production version's file that names a changed object.
 *
 * @param issuer    the service version whose file it is
 * @param origin    the file and line
 * @param code      the line as written, shortened
 * @param context   how the line names it
 * @param tableNamed for a column: whether the same file also names its table (or a value's owner), where it counts
 * @param viaOwner   for a value: the place names the enum type that holds it, not the value itself
 */
public record Mention(ChangedObject object, ServiceVersion issuer, Origin origin, String code, Context context,
                      boolean tableNamed, boolean tableInSameSpan, boolean viaOwner) {

    public Mention(ChangedObject object, ServiceVersion issuer, Origin origin, String code, Context context,
                   boolean tableNamed, boolean tableInSameSpan) {
        this(object, issuer, origin, code, context, tableNamed, tableInSameSpan, false);
    }

    /** How a place names the object; each kind is one a reviewer reading the line would take for a use. */
    public enum Context {
        /** A string that is the name alone, or a list of names: a constant, an annotation, a read by name. */
        NAME_STRING("a string that is the name"),
        /** SQL text: in a string of code, a template, markup or a .sql file. */
        SQL("SQL text"),
        /** A configuration value. */
        CONFIGURATION("a configuration value"),
        /** jOOQ's generated name for it ({@code PERSON.FULL_NAME}, {@code PersonRecord}) in a file that uses jOOQ. */
        GENERATED_NAME("jOOQ's generated name"),
        /** A constant of an enum whose constants are the values the database's type or list allows. */
        ENUM_CONSTANT("a constant of an enum that mirrors the database's values");

        private final String description;

        Context(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
