package io.switchover.patterns.jpa;

import io.switchover.patterns.model.Origin;

import java.util.List;

/**
 * Where a collection attribute lives in the database.
 *
 * @param kind         a join table ({@code @ManyToMany}, {@code @OneToMany} without {@code mappedBy}), a collection
 *                     table ({@code @ElementCollection}) or a foreign key in the target's table ({@code @OneToMany}
 *                     with {@code @JoinColumn})
 * @param table        the join or collection table; for a foreign key, the target entity's table
 * @param ownerColumns the columns that point at the owner
 * @param otherColumns join table: the columns that point at the target; collection table: the element's columns;
 *                     foreign key: the target's id columns
 */
record CollectionMapping(Kind kind, TableName table, List<String> ownerColumns, List<String> otherColumns,
                         Origin origin) {

    enum Kind { JOIN_TABLE, COLLECTION_TABLE, FOREIGN_KEY }

    CollectionMapping {
        ownerColumns = List.copyOf(ownerColumns);
        otherColumns = List.copyOf(otherColumns);
    }
}
