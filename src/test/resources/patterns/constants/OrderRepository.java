package com.example.shop.repo;

import static com.example.shop.db.Tables.Columns.ORDER_FIELDS;
import static com.example.shop.model.OrderStatus.PAID;

import com.example.shop.db.Tables;
import com.example.shop.model.OrderStatus;
import java.text.MessageFormat;

public class OrderRepository extends BaseRepository {
    private static final String FIND = "SELECT " + ORDER_FIELDS + " FROM " + ORDERS + BY_ID;
    private static final String LIST = String.format("SELECT %s FROM %s WHERE status = '%s'",
            ORDER_FIELDS, Tables.ORDERS, PAID.name());
    private static final String COUNT = MessageFormat.format("SELECT count(*) FROM {0}", ORDERS);
    private static final String CUSTOMERS = "SELECT %s FROM %s".formatted(Tables.Columns.CUSTOMER_FIELDS,
            com.example.shop.db.Tables.CUSTOMER);

    String byStatus(OrderStatus status) {
        return "SELECT id FROM " + ORDERS + " WHERE status = '" + OrderStatus.SHIPPED + "'";
    }
}
