package com.example.shipping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the state to both {@code status} and {@code state}; reads {@code status}.
 */
@Repository
public class ShipmentRepository {

    private static final String INSERT = "INSERT INTO shipment (id, order_id, status, state, created_at) VALUES (?, ?, ?, ?, ?)";

    private static final String SELECT = "SELECT id, order_id, status, created_at FROM shipment WHERE id = ?";

    private static final String UPDATE = "UPDATE shipment SET status = ?, state = ? WHERE id = ?";

    private final JdbcTemplate jdbc;

    public ShipmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Shipment shipment) {
        jdbc.update(INSERT, shipment.id(), shipment.orderId(), shipment.state(),
                shipment.state(), Timestamp.from(shipment.createdAt()));
    }

    public Optional<Shipment> find(long id) {
        return jdbc.query(SELECT, ShipmentRepository::map, id).stream().findFirst();
    }

    public boolean move(long id, String state) {
        return jdbc.update(UPDATE, state, state, id) == 1;
    }

    private static Shipment map(ResultSet rs, int rowNum) throws SQLException {
        return new Shipment(rs.getLong("id"), rs.getLong("order_id"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant());
    }
}
