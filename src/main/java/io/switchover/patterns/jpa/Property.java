package io.switchover.patterns.jpa;

import java.util.List;
import java.util.Map;

/** An attribute of an entity as queries see it: a path segment of JPQL or a derived query method name. */
sealed interface Property {

    /** A single column. */
    record Basic(MappedColumn column) implements Property {
    }

    /** An {@code @Embedded} or {@code @EmbeddedId} value: its own attributes, flattened into the owner's table. */
    record Embedded(Map<String, Property> parts) implements Property {
    }

    /**
     * A {@code @ManyToOne} or {@code @OneToOne}: the foreign key columns in the owner's table (empty on the inverse
     * side, which names {@code mappedBy}).
     */
    record ToOne(String targetType, List<MappedColumn> joinColumns, String mappedBy) implements Property {
    }

    /** A collection: of entities (target set) or of values (element collection), possibly through a table of its own. */
    record Plural(String targetType, String mappedBy, CollectionMapping mapping) implements Property {
    }
}
