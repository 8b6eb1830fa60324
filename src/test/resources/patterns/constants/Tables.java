package com.example.shop.db;

/** Table names in one place; the interface's fields are constants without saying so. */
public interface Tables {
    String ORDERS = "orders";
    String CUSTOMER = "customer";

    /** Column lists, nested. */
    final class Columns {
        public static final String ORDER_FIELDS = "id, customer_id, total_cents";
        public static final String CUSTOMER_FIELDS = String.join(", ", "id", "name", "email");

        private Columns() {
        }
    }
}
