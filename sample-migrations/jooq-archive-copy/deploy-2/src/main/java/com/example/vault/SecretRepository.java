package com.example.vault;

import static com.example.vault.jooq.Tables.DELETED_SECRET;
import static com.example.vault.jooq.Tables.SECRET;
import static org.jooq.impl.DSL.select;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Secrets, through jOOQ's DSL over the classes generated from the migrations ({@code com.example.vault.jooq}).
 * A deleted secret is moved to {@code deleted_secret}, column by column, so that it can be restored.
 */
@Repository
public class SecretRepository {

    private final DSLContext dsl;

    public SecretRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void create(long id, String name, long ownerId, long now) {
        dsl.insertInto(SECRET)
                .set(SECRET.ID, id)
                .set(SECRET.NAME, name)
                .set(SECRET.OWNER_ID, ownerId)
                .set(SECRET.CREATED_AT, now)
                .execute();
    }

    public Long ownerOf(String name) {
        return dsl.select(SECRET.OWNER_ID).from(SECRET).where(SECRET.NAME.eq(name)).fetchOne(SECRET.OWNER_ID);
    }

    /** Every column of the archive, taken from the secret's column of the same name. */
    public void softDelete(long id) {
        dsl.insertInto(DELETED_SECRET)
                .columns(DELETED_SECRET.fields())
                .select(select(Arrays.stream(DELETED_SECRET.fields())
                        .map(SECRET::field)
                        .collect(Collectors.toList()))
                        .from(SECRET)
                        .where(SECRET.ID.eq(id)))
                .execute();
        dsl.deleteFrom(SECRET).where(SECRET.ID.eq(id)).execute();
    }
}
