package com.example;
class OrderDao {
    static final String ALL = "SELECT id, total FROM orders";
    static final String BY_CUSTOMER = ALL + " WHERE customer_id = :customerId";

    void raise(Jdbc jdbc, long id) {
        jdbc.update(
            "UPDATE orders SET total = ? WHERE id = ?", 10, id);
        jdbc.query(BY_CUSTOMER, id);
    }
}
