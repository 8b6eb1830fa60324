package com.example.orders.warehouse;

import java.util.List;

/**
 * The columns of customer_order that the database's change stream copies to the data warehouse. The warehouse team
 * builds its reports on them: change this list when the table changes, and tell them.
 * WarehouseContractTest holds the schema to it.
 */
public final class WarehouseContract {
    public static final String TABLE = "customer_order";

    public static final List<String> COLUMNS = List.of(
            "id",
            "customer_id",
            "placed_at",
            "total_cents");

    private WarehouseContract() {
    }
}
