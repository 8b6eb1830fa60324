package com.example.orders;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

public class OrderRepository {
    private final JdbcTemplate jdbc;

    public OrderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void place(long id, long customerId, long totalCents) {
        jdbc.update("INSERT INTO customer_order (id, customer_id, placed_at, total_cents) VALUES (?, ?, ?, ?)",
                id, customerId, Timestamp.from(Instant.now()), totalCents);
    }

    public List<Long> totalsOf(long customerId) {
        return jdbc.queryForList("SELECT total_cents FROM customer_order WHERE customer_id = ? ORDER BY placed_at",
                Long.class, customerId);
    }
}
