package io.switchover.patterns.jpa;

import java.util.List;

/**
 * A type as written: {@code List<Order>} is {@code List} with argument {@code Order}; nullable Kotlin types drop the
 * {@code ?}.
 *
 * @param holdsNull whether a value of it may be null: a Java reference type, a Kotlin type with {@code ?}; not a Java
 *                  primitive or a Kotlin non-null type
 */
record TypeRef(String name, List<TypeRef> arguments, boolean holdsNull) {
    static final TypeRef NONE = new TypeRef("", List.of());

    TypeRef {
        arguments = List.copyOf(arguments);
    }

    /** A type that holds no null, or of which that is not known. */
    TypeRef(String name, List<TypeRef> arguments) {
        this(name, arguments, false);
    }

    String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The element type of a collection ({@code List<X>}, {@code Set<X>}) or the value type of a {@code Map<K, V>}. */
    TypeRef element() {
        if (arguments.isEmpty()) {
            return this;
        }
        return arguments.get(arguments.size() - 1);
    }

    @Override
    public String toString() {
        return arguments.isEmpty() ? name : name + arguments;
    }
}
