package io.switchover.patterns.jpa;

import java.util.List;

/** A type as written: {@code List<Order>} is {@code List} with argument {@code Order}; nullable Kotlin types drop the {@code ?}. */
record TypeRef(String name, List<TypeRef> arguments) {
    static final TypeRef NONE = new TypeRef("", List.of());

    TypeRef {
        arguments = List.copyOf(arguments);
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
