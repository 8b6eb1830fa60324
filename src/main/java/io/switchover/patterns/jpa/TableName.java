package io.switchover.patterns.jpa;

/** A table as Hibernate names it in SQL: physical name, schema-qualified when the mapping gives a schema. */
record TableName(String schema, String name) {

    String sql() {
        return schema == null ? name : schema + "." + name;
    }

    @Override
    public String toString() {
        return sql();
    }
}
