package io.switchover.patterns.jpa;

import io.switchover.patterns.model.Origin;

/**
 * One column an entity maps, with where the mapping is written (the field, or the annotation that names it).
 *
 * @param insertable whether Hibernate writes it on INSERT (false for an IDENTITY id and {@code insertable = false})
 * @param updatable  whether Hibernate writes it on UPDATE (never for ids, discriminators and tenants)
 * @param nullBecause why Hibernate may write NULL into it ({@link NullableFields}); null when it always sets a value
 *
 * <p>A {@code TENANT} column is one the ORM fills and filters on by itself: EclipseLink's
 * {@code @TenantDiscriminatorColumn} of a {@code @Multitenant} entity, Hibernate's {@code @TenantId}.
 */
record MappedColumn(TableName table, String name, Role role, boolean insertable, boolean updatable, Origin origin,
                    String nullBecause) {

    MappedColumn(TableName table, String name, Role role, boolean insertable, boolean updatable, Origin origin) {
        this(table, name, role, insertable, updatable, origin, null);
    }

    enum Role { ID, BASIC, VERSION, DISCRIMINATOR, FOREIGN_KEY, TENANT }

    boolean isId() {
        return role == Role.ID;
    }
}
