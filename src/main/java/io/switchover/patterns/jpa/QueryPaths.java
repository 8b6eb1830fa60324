package io.switchover.patterns.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves attribute paths of queries ({@code customer.address.city}, or {@code CustomerAddressCity} in a method name)
 * to a column, through embeddables and associations. A path through {@code @ManyToOne} to the target's id needs no
 * join (the foreign key is in the owner's table); any other path through an association adds a join.
 */
final class QueryPaths {
    private final EntityModel model;

    QueryPaths(EntityModel model) {
        this.model = model;
    }

    /** A join from one entity to another that a path needs: {@code to.toColumns = from.fromColumns}. */
    record Hop(EntityMapping from, TableName fromTable, List<String> fromColumns, EntityMapping to,
               List<String> toColumns) {
    }

    /**
     * A path that ends at a column, with the joins it needs (none for a column of the entity itself). Where the path
     * names an association, {@code entityKey} says so, the column is the key it is compared by, and {@code reached}
     * is the associated entity (empty when the sources do not map it).
     */
    record Resolved(List<Hop> hops, MappedColumn column, EntityMapping owner, boolean entityKey,
                    Optional<EntityMapping> reached) {

        Resolved(List<Hop> hops, MappedColumn column, EntityMapping owner) {
            this(hops, column, owner, false, Optional.empty());
        }
    }

    /** A path that ends at an entity (the path of a JOIN), with its hops; the last hop reaches the entity. */
    record Reached(List<Hop> hops, EntityMapping entity) {
    }

    Optional<Resolved> resolve(EntityMapping root, List<String> path) {
        EntityMapping entity = root;
        Map<String, Property> properties = root.properties();
        List<Hop> hops = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            Property property = properties.get(path.get(i));
            boolean last = i == path.size() - 1;
            if (property instanceof Property.Basic basic) {
                return last ? Optional.of(new Resolved(hops, basic.column(), entity)) : Optional.empty();
            }
            if (property instanceof Property.Embedded embedded) {
                if (last) {
                    // findByCode(Code code) compares the value's columns: one column reads as that column
                    return embedded.parts().size() == 1
                            && embedded.parts().values().iterator().next() instanceof Property.Basic only
                            ? Optional.of(new Resolved(hops, only.column(), entity)) : Optional.empty();
                }
                properties = embedded.parts();
                continue;
            }
            if (last) {
                return endingAt(hops, entity, property);
            }
            Optional<List<Hop>> hop = hops(entity, property);
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            EntityMapping to = hop.get().get(hop.get().size() - 1).to();
            // o.customer.id: the foreign key in the owner's table holds it, no join needed.
            if (property instanceof Property.ToOne toOne && !toOne.joinColumns().isEmpty() && i + 2 == path.size()
                    && toOne.joinColumns().size() == 1 && isSingleId(to, path.get(i + 1))) {
                return Optional.of(new Resolved(hops, toOne.joinColumns().get(0), entity));
            }
            hops.addAll(hop.get());
            entity = to;
            properties = entity.properties();
        }
        return Optional.empty();
    }

    /**
     * A path that ends at an association compares the entity it reaches by its key, as Hibernate reads
     * {@code findByRollout(rollout)}, {@code rollout IS NULL} or JPQL's {@code t.assignedDistributionSet = :ds}: the
     * owner's foreign key where it holds one, else (the inverse side, a collection) the target's id through its join.
     */
    private Optional<Resolved> endingAt(List<Hop> hops, EntityMapping entity, Property property) {
        if (property instanceof Property.ToOne toOne && !toOne.joinColumns().isEmpty()) {
            return toOne.joinColumns().size() == 1
                    ? Optional.of(new Resolved(hops, toOne.joinColumns().get(0), entity, true,
                    model.entity(toOne.targetType())))
                    : Optional.empty();
        }
        Optional<List<Hop>> hop = hops(entity, property);
        if (hop.isEmpty()) {
            return Optional.empty();
        }
        EntityMapping target = hop.get().get(hop.get().size() - 1).to();
        List<MappedColumn> ids = target.columns().stream()
                .filter(c -> c.isId() && c.table().equals(target.primaryTable())).toList();
        if (ids.size() != 1) {
            return Optional.empty();
        }
        List<Hop> through = new ArrayList<>(hops);
        through.addAll(hop.get());
        return Optional.of(new Resolved(through, ids.get(0), target, true, Optional.of(target)));
    }

    /**
     * The columns a path compares when it ends at a value of several columns in the entity's own tables: an
     * {@code @EmbeddedId} or {@code @Embedded} (rd-professional-api's {@code findByUserAccountMapId(id)}, whose parts
     * are two {@code @ManyToOne}s), or an association with a composite foreign key (OpenLMIS's versioned
     * {@code Orderable}). Hibernate compares each column with its own parameter. Empty for anything else.
     */
    Optional<List<MappedColumn>> comparedWhole(EntityMapping root, List<String> path) {
        Map<String, Property> properties = root.properties();
        for (int i = 0; i < path.size() - 1; i++) {
            if (!(properties.get(path.get(i)) instanceof Property.Embedded embedded)) {
                return Optional.empty();
            }
            properties = embedded.parts();
        }
        List<MappedColumn> columns = new ArrayList<>();
        return columnsOf(properties.get(path.get(path.size() - 1)), columns) && columns.size() > 1
                ? Optional.of(columns) : Optional.empty();
    }

    private static boolean columnsOf(Property property, List<MappedColumn> columns) {
        if (property instanceof Property.Basic basic) {
            columns.add(basic.column());
            return true;
        }
        if (property instanceof Property.ToOne toOne && !toOne.joinColumns().isEmpty()) {
            columns.addAll(toOne.joinColumns());
            return true;
        }
        if (property instanceof Property.Embedded embedded && !embedded.parts().isEmpty()) {
            return embedded.parts().values().stream().allMatch(part -> columnsOf(part, columns));
        }
        return false;
    }

    Optional<Reached> reach(EntityMapping root, List<String> path) {
        EntityMapping entity = root;
        Map<String, Property> properties = root.properties();
        List<Hop> hops = new ArrayList<>();
        for (String segment : path) {
            Property property = properties.get(segment);
            if (property instanceof Property.Embedded embedded) {
                properties = embedded.parts();
                continue;
            }
            Optional<List<Hop>> hop = hops(entity, property);
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            hops.addAll(hop.get());
            entity = hop.get().get(hop.get().size() - 1).to();
            properties = entity.properties();
        }
        return hops.isEmpty() ? Optional.empty() : Optional.of(new Reached(hops, entity));
    }

    private boolean isSingleId(EntityMapping target, String attribute) {
        Property property = target.properties().get(attribute);
        return property instanceof Property.Basic basic && basic.column().isId() && target.idColumns().size() == 1;
    }

    /**
     * The joins an association needs: one, or two through a join table ({@code @ManyToMany}, its inverse side by
     * {@code mappedBy}, a {@code @OneToMany} with {@code @JoinTable}): owner, link rows, target.
     */
    private Optional<List<Hop>> hops(EntityMapping from, Property property) {
        if (property instanceof Property.Plural plural && plural.mapping() != null
                && plural.mapping().kind() == CollectionMapping.Kind.COLLECTION_TABLE
                && plural.mapping().otherColumns().size() == 1
                && plural.mapping().ownerColumns().size() == from.idColumns().size()) {
            return Optional.of(List.of(elements(from, plural.mapping())));
        }
        if (property instanceof Property.Plural plural && plural.targetType() != null) {
            Optional<EntityMapping> target = model.entity(plural.targetType());
            if (target.isPresent() && plural.mapping() != null
                    && plural.mapping().kind() == CollectionMapping.Kind.JOIN_TABLE) {
                return throughLinks(from, target.get(), plural.mapping().table(), plural.mapping().ownerColumns(),
                        plural.mapping().otherColumns());
            }
            if (target.isPresent() && plural.mappedBy() != null
                    && target.get().properties().get(plural.mappedBy()) instanceof Property.Plural owning
                    && owning.mapping() != null && owning.mapping().kind() == CollectionMapping.Kind.JOIN_TABLE) {
                // the inverse side: the owner's join table read the other way round
                return throughLinks(from, target.get(), owning.mapping().table(), owning.mapping().otherColumns(),
                        owning.mapping().ownerColumns());
            }
        }
        return hop(from, property).map(List::of);
    }

    /**
     * The rows of an {@code @ElementCollection} of simple values, as JPQL's {@code JOIN a.messages m} reaches them:
     * an entity of one column, the element, which {@code m} stands for (hawkbit's
     * {@code SELECT message FROM JpaActionStatus a JOIN a.messages message WHERE message NOT LIKE :filter}).
     */
    private static Hop elements(EntityMapping from, CollectionMapping collection) {
        TableName table = collection.table();
        String element = collection.otherColumns().get(0);
        MappedColumn column = new MappedColumn(table, element, MappedColumn.Role.ID, true, true, collection.origin());
        EntityMapping values = new EntityMapping(from.type(), table.name(), List.of(table),
                Map.of(table, List.of(element)), List.of(column), Map.of(), List.of(), List.of(), false);
        return new Hop(from, from.primaryTable(), from.idColumns(), values, collection.ownerColumns());
    }

    /** {@code link.toFrom = from.id} then {@code target.id = link.toTarget}. */
    private static Optional<List<Hop>> throughLinks(EntityMapping from, EntityMapping target, TableName table,
                                                    List<String> toFrom, List<String> toTarget) {
        if (toFrom.size() != from.idColumns().size() || toTarget.size() != target.idColumns().size()
                || toFrom.isEmpty() || toTarget.isEmpty()) {
            return Optional.empty();
        }
        EntityMapping links = new EntityMapping(from.type(), table.name(), List.of(table), Map.of(table, toTarget),
                List.of(), Map.of(), List.of(), List.of(), false);
        return Optional.of(List.of(new Hop(from, from.primaryTable(), from.idColumns(), links, toFrom),
                new Hop(links, table, toTarget, target, target.idColumns())));
    }

    private Optional<Hop> hop(EntityMapping from, Property property) {
        if (property instanceof Property.ToOne toOne) {
            Optional<EntityMapping> target = model.entity(toOne.targetType());
            if (target.isEmpty()) {
                return Optional.empty();
            }
            if (!toOne.joinColumns().isEmpty()) {
                return Optional.of(new Hop(from, toOne.joinColumns().get(0).table(),
                        toOne.joinColumns().stream().map(MappedColumn::name).toList(), target.get(),
                        target.get().idColumns()));
            }
            return inverse(from, target.get(), toOne.mappedBy());
        }
        if (property instanceof Property.Plural plural && plural.targetType() != null && plural.mappedBy() != null) {
            return model.entity(plural.targetType()).flatMap(target -> inverse(from, target, plural.mappedBy()));
        }
        if (property instanceof Property.Plural plural && plural.mapping() != null
                && plural.mapping().kind() == CollectionMapping.Kind.FOREIGN_KEY) {
            return model.entity(plural.targetType()).map(target -> new Hop(from, from.primaryTable(),
                    from.idColumns(), target, plural.mapping().ownerColumns()));
        }
        return Optional.empty();
    }

    /** The other side maps the foreign key: {@code target.fk = from.id}. */
    private static Optional<Hop> inverse(EntityMapping from, EntityMapping target, String mappedBy) {
        if (mappedBy == null || !(target.properties().get(mappedBy) instanceof Property.ToOne owning)
                || owning.joinColumns().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Hop(from, from.primaryTable(), from.idColumns(), target,
                owning.joinColumns().stream().map(MappedColumn::name).toList()));
    }

    /**
     * The attribute path a Spring Data method name part means: {@code CustomerEmail} is {@code customer.email} when the
     * entity has {@code customer}; the longest attribute name wins, as Spring Data resolves it; {@code _} separates
     * explicitly.
     */
    Optional<List<String>> fromMethodName(EntityMapping root, String camel) {
        return camel(root, root.properties(), camel, 0);
    }

    private Optional<List<String>> camel(EntityMapping entity, Map<String, Property> properties, String text,
                                         int depth) {
        if (text.isEmpty() || depth > 8) {
            return Optional.empty();
        }
        String rest = text.startsWith("_") ? text.substring(1) : text;
        for (int end = rest.length(); end > 0; end--) {
            if (end < rest.length() && !Character.isUpperCase(rest.charAt(end)) && rest.charAt(end) != '_') {
                continue;
            }
            String head = uncapitalize(rest.substring(0, end));
            Property property = properties.get(head);
            if (property == null) {
                continue;
            }
            if (end == rest.length()) {
                return Optional.of(List.of(head));
            }
            String remainder = rest.substring(end);
            Optional<List<String>> tail = Optional.empty();
            if (property instanceof Property.Embedded embedded) {
                tail = camel(entity, embedded.parts(), remainder, depth + 1);
            } else if (property instanceof Property.ToOne toOne) {
                tail = model.entity(toOne.targetType()).flatMap(t -> camel(t, t.properties(), remainder, depth + 1));
            } else if (property instanceof Property.Plural plural && plural.targetType() != null) {
                tail = model.entity(plural.targetType()).flatMap(t -> camel(t, t.properties(), remainder, depth + 1));
            }
            if (tail.isPresent()) {
                List<String> path = new ArrayList<>();
                path.add(head);
                path.addAll(tail.get());
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static String uncapitalize(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(1)) && Character.isUpperCase(text.charAt(0))) {
            return text; // URL stays URL, as java.beans.Introspector decapitalizes
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
