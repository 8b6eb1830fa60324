package io.switchover.mentions;

import io.switchover.migrations.Migration;

/**
 * Something a batch step removes or tightens that old code may still name.
 *
 * @param name  the object's name in lower case (a value as the database compares it, case and all)
 * @param owner the table of a column, the type or {@code table.column} of a value, else null
 * @param step  the batch step (1-based) whose migration makes the change
 */
public record ChangedObject(Kind kind, String name, String owner, Change change, int step, Migration migration) {

    public enum Kind {
        TABLE("table"), VIEW("view"), COLUMN("column"), FUNCTION("function"), SEQUENCE("sequence"), TYPE("type"),
        VALUE("value");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public enum Change {
        /** Gone under this name: dropped, or renamed. */
        REMOVED("drops or renames"),
        /** A column that no longer accepts NULL. */
        BECOMES_NOT_NULL("makes NOT NULL"),
        /** A column that loses the default old INSERTs relied on. */
        LOSES_DEFAULT("drops the default of"),
        /** A column whose type changes. */
        TYPE_CHANGED("changes the type of"),
        /**
         * A column every INSERT must now give (added NOT NULL without a default, or made so): what names its table
         * may insert without it.
         */
        REQUIRED("requires a value in every INSERT for");

        private final String verb;

        Change(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** How a message names it: {@code person.alice}, {@code table person}, {@code value 'DONE' of order_status}. */
    public String label() {
        return switch (kind) {
            case COLUMN -> owner + "." + name;
            case VALUE -> "value '" + name + "' of " + owner;
            default -> kind.word() + " " + name;
        };
    }

    /** The word code uses for it: the value itself for a value, else the name. */
    public boolean isValue() {
        return kind == Kind.VALUE;
    }
}
