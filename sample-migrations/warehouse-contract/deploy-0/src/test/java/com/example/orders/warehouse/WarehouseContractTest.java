package com.example.orders.warehouse;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WarehouseContractTest {

    @Test
    void theStreamedColumnsAreTheTablesColumns() throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("test.database.url"))) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = db.getMetaData().getColumns(null, null, WarehouseContract.TABLE, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase());
                }
            }
            assertEquals(WarehouseContract.COLUMNS, columns);
        }
    }
}
