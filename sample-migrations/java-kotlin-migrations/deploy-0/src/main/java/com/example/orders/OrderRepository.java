package com.example.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

public class OrderRepository {

    private static final String INSERT =
            "INSERT INTO orders (id, customer, amount, status) VALUES (?, ?, ?, 'OPEN')";

    private static final String OPEN_OF_CUSTOMER =
            "SELECT id, customer, amount FROM open_orders WHERE customer = ?";

    private final DataSource dataSource;

    public OrderRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(long id, String customer, BigDecimal amount) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, id);
            insert.setString(2, customer);
            insert.setBigDecimal(3, amount);
            insert.executeUpdate();
        }
    }

    public List<Order> openOf(String customer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(OPEN_OF_CUSTOMER)) {
            select.setString(1, customer);
            List<Order> orders = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    orders.add(new Order(rows.getLong("id"), rows.getString("customer"), rows.getBigDecimal("amount")));
                }
            }
            return orders;
        }
    }

    public record Order(long id, String customer, BigDecimal amount) {
    }
}
