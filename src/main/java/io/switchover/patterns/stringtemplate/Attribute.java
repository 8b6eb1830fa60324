package io.switchover.patterns.stringtemplate;

/**
 * What an attribute holds while a template renders: text known from the source, nothing, or a value the service
 * only knows at run time (a DAO method's {@code @Define}, a {@code @BindList} that jDBI expands into parameters).
 */
sealed interface Attribute {
    Attribute ABSENT = new Absent();

    /** Text: a string literal, or what a template call rendered. */
    record Text(String value) implements Attribute {
    }

    /** Not set anywhere: renders as nothing, and is false in a conditional. */
    record Absent() implements Attribute {
    }

    /** Filled in at run time, as text ({@code @Define}): unknown here; in a conditional, each branch is a variant. */
    record RunTime(String name) implements Attribute {
    }

    /** A list jDBI binds as parameters ({@code @BindList}, {@code @BindIn}): renders as one parameter. */
    record BoundList(String name) implements Attribute {
    }
}
