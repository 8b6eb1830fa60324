package com.example.vault;

import static com.example.vault.jooq.Tables.DELETED_SECRET;
import static com.example.vault.jooq.Tables.SECRET;
import static org.jooq.impl.DSL.select;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/** jOOQ's DSL as keywhiz writes it: rows copied field by field, queries over a private method's parameters. */
class ArchiveRepository {
    private final DSLContext dsl;

    ArchiveRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void archive(long id) {
        dsl.insertInto(DELETED_SECRET)
                .columns(DELETED_SECRET.fields())
                .select(select(Arrays.stream(DELETED_SECRET.fields()).map(SECRET::field).collect(Collectors.toList()))
                        .from(SECRET).where(SECRET.ID.eq(id)))
                .execute();
    }

    void restore(long id) {
        List<Field<?>> copied = Arrays.stream(SECRET.fields())
                .filter(field -> !field.getName().equals(SECRET.ID.getName()) && field != SECRET.NAME)
                .collect(Collectors.toList());
        dsl.insertInto(SECRET).columns(copied)
                .select(select(copied.stream().map(DELETED_SECRET::field).collect(Collectors.toList()))
                        .from(DELETED_SECRET).where(DELETED_SECRET.ID.eq(id)))
                .execute();
    }

    Object byName(String name) {
        return find(SECRET, SECRET.NAME.eq(name));
    }

    Object deletedByName(String name) {
        return find(DELETED_SECRET, DELETED_SECRET.NAME.eq(name));
    }

    private Object find(Table<?> table, Condition condition) {
        return base(table).where(condition).fetchOne();
    }

    private Object base(Table<?> table) {
        return dsl.select(table.field("id"), table.field("name")).from(table);
    }
}
