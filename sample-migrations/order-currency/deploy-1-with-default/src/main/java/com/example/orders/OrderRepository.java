package com.example.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {

    private static final String INSERT_ORDER = "INSERT INTO orders (id, customer_id, total_cents, currency, created_at) VALUES (:id, :customerId, :totalCents, :currency, :createdAt)";

    private static final String SELECT_ORDERS_OF_CUSTOMER = "SELECT id, customer_id, total_cents, currency, created_at FROM orders WHERE customer_id = :customerId ORDER BY created_at DESC";

    private final NamedParameterJdbcTemplate jdbc;

    public OrderRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Order order) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("id", order.id())
                .addValue("customerId", order.customerId())
                .addValue("totalCents", order.totalCents())
                .addValue("currency", order.currency())
                .addValue("createdAt", Timestamp.from(order.createdAt()));
        jdbc.update(INSERT_ORDER, params);
    }

    public List<Order> findByCustomer(long customerId) {
        return jdbc.query(SELECT_ORDERS_OF_CUSTOMER,
                new MapSqlParameterSource("customerId", customerId),
                OrderRepository::mapOrder);
    }

    private static Order mapOrder(ResultSet rs, int rowNum) throws SQLException {
        return new Order(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                rs.getLong("total_cents"),
                rs.getString("currency"),
                rs.getTimestamp("created_at").toInstant());
    }
}
