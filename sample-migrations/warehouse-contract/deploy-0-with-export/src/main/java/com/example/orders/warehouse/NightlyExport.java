package com.example.orders.warehouse;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/** Before the change stream: the night's orders, read column by column as the contract lists them. */
public class NightlyExport {
    private static final String SELECT = "SELECT " + String.join(", ", WarehouseContract.COLUMNS)
            + " FROM " + WarehouseContract.TABLE + " WHERE placed_at >= ?";

    private final JdbcTemplate jdbc;

    public NightlyExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> since(Timestamp start) {
        return jdbc.queryForList(SELECT, start);
    }
}
