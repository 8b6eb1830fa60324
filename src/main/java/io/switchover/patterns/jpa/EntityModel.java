package io.switchover.patterns.jpa;

import io.switchover.patterns.model.Origin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JPA mapping of every {@code @Entity} of the service, built from all its source files at once: mapped
 * superclasses, embeddables and the targets of associations usually live in other files. The defaults follow
 * Hibernate with {@code ImplicitNamingStrategyJpaCompliantImpl} (Spring Boot's {@code SpringImplicitNamingStrategy}
 * differs only in join table names) and the {@link PhysicalNaming} given.
 */
final class EntityModel {
    private static final int MAX_EMBEDDING = 8;
    private static final Set<String> JPA_PACKAGES = Set.of("jakarta.persistence", "javax.persistence");

    private final TypeIndex index;
    private final PhysicalNaming naming;
    private final Map<String, EntityMapping> byQualifiedName = new LinkedHashMap<>();
    private final Map<String, EntityMapping> byJpqlName = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> subclassedEntities = new HashSet<>();

    EntityModel(List<SourceType> types, PhysicalNaming naming) {
        this.index = new TypeIndex(types);
        this.naming = naming;
        for (SourceType type : types) {
            if (isEntity(type)) {
                superEntity(type).ifPresent(parent -> subclassedEntities.add(parent.qualifiedName()));
            }
        }
        for (SourceType type : types) {
            if (isEntity(type) && !byQualifiedName.containsKey(type.qualifiedName())) {
                EntityMapping mapping = new Mapper(type).map();
                byQualifiedName.put(type.qualifiedName(), mapping);
                byJpqlName.putIfAbsent(mapping.entityName(), mapping);
            }
        }
    }

    List<EntityMapping> entities() {
        return List.copyOf(byQualifiedName.values());
    }

    /** Problems found while mapping, one line each, naming the file. */
    List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    TypeIndex index() {
        return index;
    }

    PhysicalNaming naming() {
        return naming;
    }

    /** The entity a JPQL query names: by entity name, or by the class name (also qualified) Hibernate accepts too. */
    Optional<EntityMapping> byJpqlName(String name) {
        EntityMapping found = byJpqlName.get(name);
        if (found != null) {
            return Optional.of(found);
        }
        return byQualifiedName.values().stream()
                .filter(e -> e.type().name().equals(name) || e.type().qualifiedName().equals(name))
                .findFirst();
    }

    Optional<EntityMapping> entity(String qualifiedName) {
        return Optional.ofNullable(byQualifiedName.get(qualifiedName));
    }

    Optional<EntityMapping> entity(TypeRef ref, SourceType context) {
        return index.resolve(ref, context).flatMap(t -> entity(t.qualifiedName()));
    }

    static boolean isEntity(SourceType type) {
        return !type.isInterface() && jpaAnnotation(type, "Entity");
    }

    /** An annotation of that simple name counts unless the file imports a class of that name from elsewhere. */
    private static boolean jpaAnnotation(SourceType type, String simpleName) {
        Optional<SourceAnnotation> annotation = type.annotation(simpleName);
        if (annotation.isEmpty()) {
            return false;
        }
        String name = annotation.get().name();
        if (name.contains(".")) {
            return JPA_PACKAGES.contains(name.substring(0, name.lastIndexOf('.')));
        }
        return type.imports().stream().filter(i -> i.endsWith("." + simpleName))
                .allMatch(i -> JPA_PACKAGES.contains(i.substring(0, i.lastIndexOf('.'))));
    }

    private Optional<SourceType> superEntity(SourceType type) {
        Optional<SourceType> parent = index.resolve(type.superclass(), type);
        Set<String> seen = new HashSet<>();
        while (parent.isPresent() && seen.add(parent.get().qualifiedName())) {
            if (isEntity(parent.get())) {
                return parent;
            }
            parent = index.resolve(parent.get().superclass(), parent.get());
        }
        return Optional.empty();
    }

    /** The class and its superclasses that are in the sources, topmost first. */
    private List<SourceType> chain(SourceType type) {
        List<SourceType> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<SourceType> current = Optional.of(type);
        while (current.isPresent() && seen.add(current.get().qualifiedName())) {
            chain.add(0, current.get());
            current = index.resolve(current.get().superclass(), current.get());
        }
        return chain;
    }

    private String entityName(SourceType type) {
        return type.annotation("Entity").flatMap(e -> e.string("name")).orElse(type.name());
    }

    private TableName tableOf(SourceType entity) {
        Optional<SourceAnnotation> table = entity.annotation("Table");
        String name = table.flatMap(t -> index.string(t.values().get("name"), entity)).filter(s -> !s.isEmpty())
                .orElse(entityName(entity));
        String schema = table.flatMap(t -> index.string(t.values().get("schema"), entity)).filter(s -> !s.isEmpty())
                .map(naming::physical).orElse(null);
        return new TableName(schema, naming.physical(name));
    }

    private SourceType root(SourceType entity) {
        SourceType root = entity;
        Optional<SourceType> parent = superEntity(entity);
        Set<String> seen = new HashSet<>();
        while (parent.isPresent() && seen.add(parent.get().qualifiedName())) {
            root = parent.get();
            parent = superEntity(root);
        }
        return root;
    }

    private String strategy(SourceType root) {
        return root.annotation("Inheritance").flatMap(a -> a.symbol("strategy")).orElse("SINGLE_TABLE");
    }

    /** The table whose rows an association to this entity points at (its own table, or its root's for SINGLE_TABLE). */
    private TableName rowTable(SourceType entity) {
        SourceType root = root(entity);
        return strategy(root).equals("SINGLE_TABLE") ? tableOf(root) : tableOf(entity);
    }

    /** The logical names of an entity's id columns: what default join column names are built from. */
    private List<String> logicalIdColumns(SourceType entity) {
        for (SourceType type : chain(entity)) {
            List<String> ids = type.fields().stream().filter(f -> f.has("Id") && persistent(f))
                    .map(f -> columnName(f, type).orElse(f.name())).toList();
            if (!ids.isEmpty()) {
                return ids; // more than one with @IdClass
            }
            for (SourceField field : type.fields()) {
                if (field.has("EmbeddedId")) {
                    List<String> names = new ArrayList<>();
                    index.resolve(field.type(), type).ifPresent(id -> id.fields().stream()
                            .filter(f -> persistent(f))
                            .forEach(f -> names.add(columnName(f, id).orElse(f.name()))));
                    return names;
                }
            }
            if (type.superclass().simpleName().equals("AbstractPersistable")) {
                return List.of("id");
            }
        }
        return List.of("id");
    }

    private Optional<String> columnName(SourceField field, SourceType declaring) {
        return field.annotation("Column").flatMap(c -> index.string(c.values().get("name"), declaring))
                .filter(s -> !s.isEmpty());
    }

    private static boolean persistent(SourceField field) {
        return !field.isStatic() && !field.isTransient() && !field.has("Transient") && !field.has("Formula");
    }

    /** Maps one entity class. */
    private final class Mapper {
        private final SourceType entity;
        private final String entityName;
        private final SourceType root;
        private final String strategy;
        private final List<TableName> tables = new ArrayList<>();
        private final Map<TableName, List<String>> keyColumns = new LinkedHashMap<>();
        private final List<MappedColumn> columns = new ArrayList<>();
        private final Map<String, Property> properties = new LinkedHashMap<>();
        private final List<CollectionMapping> collections = new ArrayList<>();
        private final Map<String, TableName> secondaryByLogicalName = new HashMap<>();
        private final List<TableName> secondary = new ArrayList<>();
        private final Map<String, List<SourceAnnotation>> embeddedAssociationOverrides = new HashMap<>();
        private TableName primary;
        private boolean identity;

        Mapper(SourceType entity) {
            this.entity = entity;
            this.entityName = entityName(entity);
            this.root = root(entity);
            this.strategy = strategy(root);
        }

        EntityMapping map() {
            List<SourceType> chain = chain(entity);
            if (!chain.get(0).superclass().equals(TypeRef.NONE) && !isLibraryBase(chain.get(0))) {
                warnings.add(entity.path() + ": superclass " + chain.get(0).superclass().name() + " of entity "
                        + entity.name() + " is not in the sources; columns it maps are not checked");
            }
            primary = strategy.equals("SINGLE_TABLE") ? tableOf(root) : tableOf(strategy.equals("JOINED") ? root : entity);
            tables.add(primary);
            List<String> idColumns = new ArrayList<>();
            // The id first: every table of a JOINED hierarchy repeats it, and INSERT statements list it first.
            for (SourceType type : chain) {
                if (type.superclass().simpleName().equals("AbstractPersistable") && idColumns.isEmpty()) {
                    MappedColumn id = new MappedColumn(primary, naming.physical("id"), MappedColumn.Role.ID, false,
                            false, type.origin());
                    columns.add(id);
                    properties.put("id", new Property.Basic(id));
                    idColumns.add(id.name());
                    identity = true;
                }
                if (!persistentType(type)) {
                    continue;
                }
                for (SourceField field : type.fields()) {
                    if (persistent(field) && (field.has("Id") || field.has("EmbeddedId"))) {
                        attribute(type, field, primary, properties, Map.of(), "", true, 0);
                    }
                }
            }
            mapsId(chain);
            columns.stream().filter(MappedColumn::isId).forEach(c -> idColumns.add(c.name()));
            keyColumns.put(primary, List.copyOf(idColumns));
            discriminator();
            for (SourceType type : chain) {
                secondaryTables(type, idColumns);
            }
            TableName current = primary;
            for (SourceType type : chain) {
                if (!persistentType(type)) {
                    continue;
                }
                if (strategy.equals("JOINED") && isEntity(type) && type != root && chain.indexOf(type) > chain.indexOf(root)) {
                    current = tableOf(type);
                    tables.add(current);
                    keyColumns.put(current, primaryKeyJoinColumns(type, idColumns));
                } else if (strategy.equals("JOINED") && !isEntity(type) && chain.indexOf(type) > chain.indexOf(root)) {
                    // A mapped superclass between two entities: its fields go to the next entity's table.
                    current = nextEntityTable(chain, type);
                }
                for (SourceField field : type.fields()) {
                    if (persistent(field) && !field.has("Id") && !field.has("EmbeddedId")) {
                        attribute(type, field, tableFor(field, type, current), properties, Map.of(), "", false, 0);
                    }
                }
            }
            tenant(chain);
            tables.addAll(secondary);
            return new EntityMapping(entity, entityName, tables, keyColumns, columns, properties, collections,
                    secondary, entity.isAbstract());
        }

        /**
         * EclipseLink's {@code @Multitenant} (single table, the default) on the entity or a mapped superclass: the
         * {@code @TenantDiscriminatorColumn}s ({@code TENANT_ID} unless named) are written on INSERT and filter every
         * statement. A field that maps the same column read-only (as many do, to read the tenant) is that column.
         */
        private void tenant(List<SourceType> chain) {
            List<SourceAnnotation> discriminators = new ArrayList<>();
            boolean multitenant = false;
            for (SourceType type : chain) {
                Optional<SourceAnnotation> declared = type.annotation("Multitenant");
                if (declared.isPresent()) {
                    String kind = declared.get().symbol("value").orElse("SINGLE_TABLE");
                    multitenant = kind.equals("SINGLE_TABLE");
                }
                type.annotation("TenantDiscriminatorColumns").ifPresent(a -> discriminators.addAll(a.annotations("value")));
                type.annotation("TenantDiscriminatorColumn").ifPresent(discriminators::add);
            }
            if (!multitenant) {
                return;
            }
            if (discriminators.isEmpty()) {
                discriminators.add(new SourceAnnotation("TenantDiscriminatorColumn", Map.of(), Map.of(), entity.line()));
            }
            for (SourceAnnotation discriminator : discriminators) {
                String name = naming.physical(index.string(discriminator.values().get("name"), entity)
                        .filter(n -> !n.isEmpty()).orElse("TENANT_ID"));
                int at = -1;
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).table().equals(primary) && columns.get(i).name().equals(name)) {
                        at = i;
                    }
                }
                Origin origin = at >= 0 ? columns.get(at).origin() : entity.origin(discriminator.line());
                MappedColumn tenant = new MappedColumn(primary, name, MappedColumn.Role.TENANT, true, false, origin);
                if (at >= 0) {
                    columns.set(at, tenant);
                } else {
                    columns.add(tenant);
                }
            }
        }

        /**
         * {@code @MapsId} on a to-one association: the association's join column is the primary key, in place of the
         * id attribute's own column ({@code @MapsId("part")}: of that part of an {@code @EmbeddedId}).
         */
        private void mapsId(List<SourceType> chain) {
            for (SourceType type : chain) {
                if (!persistentType(type)) {
                    continue;
                }
                for (SourceField field : type.fields()) {
                    Optional<SourceAnnotation> mapsId = field.annotation("MapsId");
                    if (mapsId.isEmpty() || !(field.has("OneToOne") || field.has("ManyToOne"))) {
                        continue;
                    }
                    String part = mapsId.get().string("value").orElse("");
                    Optional<SourceType> target = index.resolve(field.type(), type);
                    List<String> referenced = target.map(EntityModel.this::logicalIdColumns).orElse(List.of("id"));
                    List<SourceAnnotation> joins = joinColumns(field);
                    String joinName = joins.isEmpty() ? "" : index.string(joins.get(0).values().get("name"), type)
                            .orElse("");
                    String column = naming.physical(joinName.isEmpty() ? field.name() + "_" + referenced.get(0) : joinName);
                    Optional<MappedColumn> replaced = part.isEmpty() ? singleId() : embeddedIdPart(part);
                    replaced.ifPresent(old -> columns.set(columns.indexOf(old), new MappedColumn(old.table(), column,
                            MappedColumn.Role.ID, true, false, type.origin(field.line()))));
                }
            }
        }

        private Optional<MappedColumn> singleId() {
            List<MappedColumn> ids = columns.stream().filter(MappedColumn::isId).toList();
            return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
        }

        private Optional<MappedColumn> embeddedIdPart(String part) {
            for (Property property : properties.values()) {
                if (property instanceof Property.Embedded embedded
                        && embedded.parts().get(part) instanceof Property.Basic basic && basic.column().isId()) {
                    return Optional.of(basic.column());
                }
            }
            return Optional.empty();
        }

        private boolean isLibraryBase(SourceType top) {
            String parent = top.superclass().simpleName();
            return parent.equals("AbstractPersistable") || parent.equals("Object") || parent.equals("Any");
        }

        private boolean persistentType(SourceType type) {
            return isEntity(type) || type.has("MappedSuperclass");
        }

        private TableName nextEntityTable(List<SourceType> chain, SourceType from) {
            for (SourceType type : chain.subList(chain.indexOf(from), chain.size())) {
                if (isEntity(type)) {
                    return tableOf(type);
                }
            }
            return tableOf(entity);
        }

        private List<String> primaryKeyJoinColumns(SourceType type, List<String> idColumns) {
            List<SourceAnnotation> joins = new ArrayList<>(type.annotation("PrimaryKeyJoinColumns")
                    .map(a -> a.annotations("value")).orElse(List.of()));
            type.annotation("PrimaryKeyJoinColumn").ifPresent(joins::add);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < idColumns.size(); i++) {
                String name = i < joins.size() ? index.string(joins.get(i).values().get("name"), type).orElse("") : "";
                names.add(name.isEmpty() ? idColumns.get(i) : naming.physical(name));
            }
            return names;
        }

        private void discriminator() {
            Optional<SourceAnnotation> declared = root.annotation("DiscriminatorColumn");
            boolean singleTableHierarchy = strategy.equals("SINGLE_TABLE")
                    && (subclassedEntities.contains(root.qualifiedName()) || root.has("Inheritance") || root != entity);
            if (declared.isEmpty() && !singleTableHierarchy) {
                return;
            }
            if (strategy.equals("TABLE_PER_CLASS")) {
                return;
            }
            String name = declared.flatMap(d -> index.string(d.values().get("name"), root)).filter(s -> !s.isEmpty())
                    .orElse("DTYPE");
            int line = declared.map(SourceAnnotation::line).orElse(root.line());
            columns.add(new MappedColumn(primary, naming.physical(name), MappedColumn.Role.DISCRIMINATOR, true, false,
                    root.origin(line)));
        }

        private void secondaryTables(SourceType type, List<String> idColumns) {
            List<SourceAnnotation> declared = new ArrayList<>(type.annotation("SecondaryTables")
                    .map(a -> a.annotations("value")).orElse(List.of()));
            type.annotation("SecondaryTable").ifPresent(declared::add);
            for (SourceAnnotation table : declared) {
                Optional<String> logical = index.string(table.values().get("name"), type).filter(s -> !s.isEmpty());
                if (logical.isEmpty()) {
                    continue;
                }
                String schema = index.string(table.values().get("schema"), type).filter(s -> !s.isEmpty())
                        .map(naming::physical).orElse(null);
                TableName name = new TableName(schema, naming.physical(logical.get()));
                List<SourceAnnotation> joins = table.annotations("pkJoinColumns");
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < idColumns.size(); i++) {
                    String join = i < joins.size() ? index.string(joins.get(i).values().get("name"), type).orElse("") : "";
                    keys.add(join.isEmpty() ? idColumns.get(i) : naming.physical(join));
                }
                secondaryByLogicalName.put(logical.get(), name);
                secondary.add(name);
                keyColumns.put(name, keys);
            }
        }

        private TableName tableFor(SourceField field, SourceType declaring, TableName otherwise) {
            Optional<String> table = field.annotation("Column")
                    .flatMap(c -> index.string(c.values().get("table"), declaring)).filter(s -> !s.isEmpty());
            return table.map(secondaryByLogicalName::get).orElse(otherwise);
        }

        /**
         * Maps one attribute into {@code into}. {@code overrides} are the {@code @AttributeOverride}s that apply, by
         * attribute path relative to {@code path}'s owner.
         */
        private void attribute(SourceType declaring, SourceField field, TableName table, Map<String, Property> into,
                               Map<String, Override> overrides, String path, boolean id, int depth) {
            String attributePath = path.isEmpty() ? field.name() : path + "." + field.name();
            if (field.has("EmbeddedId") || field.has("Embedded") || isEmbeddable(field, declaring)) {
                if (depth >= MAX_EMBEDDING) {
                    return;
                }
                Optional<SourceType> embeddable = index.resolve(field.type(), declaring);
                if (embeddable.isEmpty()) {
                    warnings.add(declaring.path() + ":" + field.line() + ": embeddable " + field.type().name()
                            + " of " + entity.name() + "." + field.name()
                            + " is not in the sources; its columns are not checked");
                    return;
                }
                Map<String, Override> nested = new HashMap<>(overrides);
                nested.putAll(overridesOf(field, declaring, attributePath));
                for (SourceField part : embeddable.get().fields()) {
                    String partPath = attributePath + "." + part.name();
                    associationOverride(field.annotation("AssociationOverrides"), field.annotation("AssociationOverride"),
                            partPath, attributePath + ".", declaring)
                            .ifPresent(joins -> embeddedAssociationOverrides.put(partPath, joins));
                }
                Map<String, Property> parts = new LinkedHashMap<>();
                for (SourceField part : embeddable.get().fields()) {
                    if (persistent(part)) {
                        attribute(embeddable.get(), part, tableFor(part, embeddable.get(), table), parts, nested,
                                attributePath, id || field.has("EmbeddedId"), depth + 1);
                    }
                }
                into.put(field.name(), new Property.Embedded(parts));
                return;
            }
            if (field.has("ManyToOne") || field.has("OneToOne")) {
                toOne(declaring, field, table, into, attributePath);
                return;
            }
            if (field.has("OneToMany") || field.has("ManyToMany")) {
                toMany(declaring, field, into);
                return;
            }
            if (field.has("ElementCollection")) {
                elementCollection(declaring, field, into, depth);
                return;
            }
            Override override = overrides.get(attributePath);
            Optional<SourceAnnotation> column = override != null ? Optional.of(override.column())
                    : field.annotation("Column");
            SourceType nameContext = override != null ? override.declaring() : declaring;
            String logical = column.flatMap(c -> index.string(c.values().get("name"), nameContext))
                    .filter(s -> !s.isEmpty()).orElse(field.name());
            Origin origin = override != null ? override.origin() : declaring.origin(field.line());
            MappedColumn mapped;
            if (id) {
                boolean generated = field.annotation("GeneratedValue").flatMap(g -> g.symbol("strategy"))
                        .filter(s -> s.equals("IDENTITY")).isPresent();
                identity |= generated;
                mapped = new MappedColumn(table, naming.physical(logical), MappedColumn.Role.ID, !generated, false,
                        origin);
            } else {
                boolean insertable = column.map(c -> c.flag("insertable", true)).orElse(true);
                boolean updatable = column.map(c -> c.flag("updatable", true)).orElse(true);
                MappedColumn.Role role = field.has("Version") ? MappedColumn.Role.VERSION
                        : field.has("TenantId") ? MappedColumn.Role.TENANT : MappedColumn.Role.BASIC;
                mapped = new MappedColumn(table, naming.physical(logical), role, insertable,
                        updatable && role != MappedColumn.Role.TENANT, origin,
                        role == MappedColumn.Role.BASIC ? NullableFields.why(field, column).orElse(null) : null);
            }
            columns.add(mapped);
            into.put(field.name(), new Property.Basic(mapped));
        }

        private boolean isEmbeddable(SourceField field, SourceType declaring) {
            return index.resolve(field.type(), declaring).filter(t -> t.has("Embeddable")).isPresent();
        }

        private Map<String, Override> overridesOf(SourceField field, SourceType declaring, String attributePath) {
            List<SourceAnnotation> declared = new ArrayList<>(field.annotation("AttributeOverrides")
                    .map(a -> a.annotations("value")).orElse(List.of()));
            field.annotation("AttributeOverride").ifPresent(declared::add);
            Map<String, Override> found = new HashMap<>();
            for (SourceAnnotation override : declared) {
                Optional<String> name = index.string(override.values().get("name"), declaring);
                List<SourceAnnotation> column = override.annotations("column");
                if (name.isPresent() && !column.isEmpty()) {
                    found.put(attributePath + "." + name.get(),
                            new Override(column.get(0), declaring, declaring.origin(override.line())));
                }
            }
            return found;
        }

        private void toOne(SourceType declaring, SourceField field, TableName table, Map<String, Property> into,
                           String attributePath) {
            SourceAnnotation association = field.annotation("ManyToOne").or(() -> field.annotation("OneToOne"))
                    .orElseThrow();
            Optional<SourceType> target = targetOf(association, field.type(), declaring);
            String targetName = target.map(SourceType::qualifiedName).orElse(field.type().name());
            Optional<String> mappedBy = index.string(association.values().get("mappedBy"), declaring)
                    .filter(s -> !s.isEmpty());
            // @MapsId: the key's columns are the foreign key; named by @JoinColumn, paths compare by them, and the
            // entity's statements write them once, as its key (hawkbit's DistributionSetTypeElement.smType)
            boolean mapsId = field.has("MapsId");
            if (mappedBy.isPresent() || field.has("PrimaryKeyJoinColumn") || mapsId && joinColumns(field).isEmpty()) {
                into.put(field.name(), new Property.ToOne(targetName, List.of(), mappedBy.orElse(null)));
                return;
            }
            List<SourceAnnotation> joins = associationOverride(attributePath).orElseGet(() -> joinColumns(field));
            List<String> referenced = target.map(EntityModel.this::logicalIdColumns).orElse(List.of("id"));
            List<MappedColumn> mapped = new ArrayList<>();
            for (int i = 0; i < referenced.size(); i++) {
                SourceAnnotation join = i < joins.size() ? joins.get(i) : null;
                String name = join == null ? "" : index.string(join.values().get("name"), declaring).orElse("");
                String logical = name.isEmpty() ? attributeName(attributePath) + "_" + referenced.get(i) : name;
                boolean insertable = join == null || join.flag("insertable", true);
                boolean updatable = join == null || join.flag("updatable", true);
                MappedColumn column = new MappedColumn(table, naming.physical(logical), MappedColumn.Role.FOREIGN_KEY,
                        insertable, updatable, declaring.origin(field.line()));
                if (!mapsId) {
                    columns.add(column);
                }
                mapped.add(column);
            }
            into.put(field.name(), new Property.ToOne(targetName, mapped, null));
        }

        /**
         * The columns of a to-one association inside an element collection's embeddable: its {@code @JoinColumn}s,
         * else the attribute's name, underscore, each id column of its target ({@code assignedBy} is
         * {@code assigned_by_id}); none for the inverse side.
         */
        private List<String> joinColumnsOf(SourceType declaring, SourceField field) {
            SourceAnnotation association = field.annotation("ManyToOne").or(() -> field.annotation("OneToOne"))
                    .orElseThrow();
            if (index.string(association.values().get("mappedBy"), declaring).filter(s -> !s.isEmpty()).isPresent()) {
                return List.of();
            }
            List<SourceAnnotation> joins = joinColumns(field);
            List<String> referenced = targetOf(association, field.type(), declaring)
                    .map(EntityModel.this::logicalIdColumns).orElse(List.of("id"));
            List<String> names = new ArrayList<>();
            for (int i = 0; i < referenced.size(); i++) {
                String name = i < joins.size() ? index.string(joins.get(i).values().get("name"), declaring).orElse("")
                        : "";
                names.add(naming.physical(name.isEmpty() ? field.name() + "_" + referenced.get(i) : name));
            }
            return names;
        }

        /**
         * The join columns an {@code @AssociationOverride} gives the attribute at that path: on the entity or a class
         * between it and the mapped superclass that declares the association, or on the {@code @Embedded} field
         * that holds it (then named relative to the embeddable).
         */
        private Optional<List<SourceAnnotation>> associationOverride(String attributePath) {
            for (SourceType type : chain(entity)) {
                Optional<List<SourceAnnotation>> found = associationOverride(type.annotation("AssociationOverrides"),
                        type.annotation("AssociationOverride"), attributePath, "", type);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.ofNullable(embeddedAssociationOverrides.get(attributePath));
        }

        private Optional<List<SourceAnnotation>> associationOverride(Optional<SourceAnnotation> many,
                                                                     Optional<SourceAnnotation> one, String attributePath,
                                                                     String prefix, SourceType declaring) {
            List<SourceAnnotation> declared = new ArrayList<>(many.map(a -> a.annotations("value")).orElse(List.of()));
            one.ifPresent(declared::add);
            for (SourceAnnotation override : declared) {
                Optional<String> name = index.string(override.values().get("name"), declaring);
                List<SourceAnnotation> joins = override.annotations("joinColumns");
                if (name.isPresent() && (prefix + name.get()).equals(attributePath) && !joins.isEmpty()) {
                    return Optional.of(joins);
                }
            }
            return Optional.empty();
        }

        private String attributeName(String attributePath) {
            return attributePath.substring(attributePath.lastIndexOf('.') + 1);
        }

        private List<SourceAnnotation> joinColumns(SourceField field) {
            List<SourceAnnotation> joins = new ArrayList<>(field.annotation("JoinColumns")
                    .map(a -> a.annotations("value")).orElse(List.of()));
            field.annotation("JoinColumn").ifPresent(joins::add);
            return joins;
        }

        private Optional<SourceType> targetOf(SourceAnnotation association, TypeRef type, SourceType declaring) {
            Object explicit = association.values().get("targetEntity");
            if (explicit instanceof SourceAnnotation.Symbol symbol) {
                return index.resolve(symbol.text(), declaring);
            }
            return index.resolve(type.element(), declaring);
        }

        private void toMany(SourceType declaring, SourceField field, Map<String, Property> into) {
            SourceAnnotation association = field.annotation("OneToMany").or(() -> field.annotation("ManyToMany"))
                    .orElseThrow();
            Optional<SourceType> target = targetOf(association, field.type(), declaring);
            String targetName = target.map(SourceType::qualifiedName).orElse(field.type().element().name());
            Optional<String> mappedBy = index.string(association.values().get("mappedBy"), declaring)
                    .filter(s -> !s.isEmpty());
            if (mappedBy.isPresent()) {
                into.put(field.name(), new Property.Plural(targetName, mappedBy.get(), null));
                return;
            }
            Origin origin = declaring.origin(field.line());
            if (target.isEmpty()) {
                warnings.add(origin + ": target " + field.type().element().name() + " of " + entity.name() + "."
                        + field.name() + " is not in the sources; its table is not checked");
                into.put(field.name(), new Property.Plural(targetName, null, null));
                return;
            }
            List<String> ownerId = logicalIdColumns(entity);
            List<String> targetId = logicalIdColumns(target.get());
            List<SourceAnnotation> joins = joinColumns(field);
            if (field.has("OneToMany") && !joins.isEmpty() && !field.has("JoinTable")) {
                List<String> fk = new ArrayList<>();
                for (int i = 0; i < joins.size(); i++) {
                    String name = index.string(joins.get(i).values().get("name"), declaring).orElse("");
                    fk.add(naming.physical(name.isEmpty() ? field.name() + "_" + ownerId.get(Math.min(i, ownerId.size() - 1)) : name));
                }
                List<String> targetIdPhysical = targetId.stream().map(naming::physical).toList();
                CollectionMapping mapping = new CollectionMapping(CollectionMapping.Kind.FOREIGN_KEY,
                        rowTable(target.get()), fk, targetIdPhysical, origin);
                collections.add(mapping);
                into.put(field.name(), new Property.Plural(targetName, null, mapping));
                return;
            }
            Optional<SourceAnnotation> joinTable = field.annotation("JoinTable");
            String tableName = joinTable.flatMap(t -> index.string(t.values().get("name"), declaring))
                    .filter(s -> !s.isEmpty()).map(naming::physical)
                    .orElseGet(() -> naming.joinTable(tableOf(entity).name(), field.name(), rowTable(target.get()).name()));
            String schema = joinTable.flatMap(t -> index.string(t.values().get("schema"), declaring))
                    .filter(s -> !s.isEmpty()).map(naming::physical).orElse(null);
            // The owner's side: "<inverse attribute>_<id>" when the target maps the association back, else "<entity>_<id>".
            String inverse = target.get().fields().stream()
                    .filter(f -> f.annotations().stream().anyMatch(a -> (a.is("ManyToMany") || a.is("ManyToOne"))
                            && index.string(a.values().get("mappedBy"), target.get()).filter(field.name()::equals).isPresent()))
                    .map(SourceField::name).findFirst().orElse(entityName);
            List<String> ownerColumns = names(joinTable.map(t -> t.annotations("joinColumns")).orElse(List.of()),
                    ownerId, inverse, declaring);
            List<String> otherColumns = names(joinTable.map(t -> t.annotations("inverseJoinColumns")).orElse(List.of()),
                    targetId, field.name(), declaring);
            List<String> extra = orderColumn(field, declaring);
            List<String> others = new ArrayList<>(otherColumns);
            others.addAll(extra);
            CollectionMapping mapping = new CollectionMapping(CollectionMapping.Kind.JOIN_TABLE,
                    new TableName(schema, tableName), ownerColumns, others, origin);
            collections.add(mapping);
            into.put(field.name(), new Property.Plural(targetName, null, mapping));
        }

        private List<String> names(List<SourceAnnotation> explicit, List<String> referenced, String prefix,
                                   SourceType declaring) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < referenced.size(); i++) {
                String name = i < explicit.size() ? index.string(explicit.get(i).values().get("name"), declaring).orElse("") : "";
                names.add(naming.physical(name.isEmpty() ? prefix + "_" + referenced.get(i) : name));
            }
            return names;
        }

        private List<String> orderColumn(SourceField field, SourceType declaring) {
            return field.annotation("OrderColumn")
                    .map(o -> naming.physical(index.string(o.values().get("name"), declaring).filter(s -> !s.isEmpty())
                            .orElse(field.name() + "_ORDER")))
                    .map(List::of).orElse(List.of());
        }

        private void elementCollection(SourceType declaring, SourceField field, Map<String, Property> into, int depth) {
            Optional<SourceAnnotation> table = field.annotation("CollectionTable");
            String tableName = table.flatMap(t -> index.string(t.values().get("name"), declaring))
                    .filter(s -> !s.isEmpty()).orElse(entityName + "_" + field.name());
            String schema = table.flatMap(t -> index.string(t.values().get("schema"), declaring))
                    .filter(s -> !s.isEmpty()).map(naming::physical).orElse(null);
            List<String> ownerColumns = names(table.map(t -> t.annotations("joinColumns")).orElse(List.of()),
                    logicalIdColumns(entity), entityName, declaring);
            List<String> elementColumns = new ArrayList<>();
            boolean isMap = field.type().simpleName().endsWith("Map");
            if (isMap) {
                elementColumns.add(naming.physical(field.annotation("MapKeyColumn")
                        .flatMap(k -> index.string(k.values().get("name"), declaring)).filter(s -> !s.isEmpty())
                        .orElse(field.name() + "_KEY")));
            }
            Optional<SourceType> element = index.resolve(field.type().element(), declaring)
                    .filter(t -> t.has("Embeddable"));
            if (element.isPresent() && depth < MAX_EMBEDDING) {
                Map<String, Override> overrides = overridesOf(field, declaring, field.name());
                for (SourceField part : element.get().fields()) {
                    if (persistent(part) && (part.has("ManyToOne") || part.has("OneToOne"))) {
                        elementColumns.addAll(joinColumnsOf(element.get(), part));
                    } else if (persistent(part)) {
                        Override override = overrides.get(field.name() + "." + part.name());
                        Optional<SourceAnnotation> column = override != null ? Optional.of(override.column())
                                : part.annotation("Column");
                        elementColumns.add(naming.physical(column
                                .flatMap(c -> index.string(c.values().get("name"), element.get()))
                                .filter(s -> !s.isEmpty()).orElse(part.name())));
                    }
                }
            } else {
                elementColumns.add(naming.physical(field.annotation("Column")
                        .flatMap(c -> index.string(c.values().get("name"), declaring)).filter(s -> !s.isEmpty())
                        .orElse(field.name())));
            }
            elementColumns.addAll(orderColumn(field, declaring));
            CollectionMapping mapping = new CollectionMapping(CollectionMapping.Kind.COLLECTION_TABLE,
                    new TableName(schema, naming.physical(tableName)), ownerColumns, elementColumns,
                    declaring.origin(field.line()));
            collections.add(mapping);
            into.put(field.name(), new Property.Plural(null, null, mapping));
        }
    }

    /** An {@code @AttributeOverride}: the column it gives and where it is written. */
    private record Override(SourceAnnotation column, SourceType declaring, Origin origin) {
    }
}
