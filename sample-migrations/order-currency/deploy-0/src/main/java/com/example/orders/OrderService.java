package com.example.orders;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderService {

    private final OrderRepository orders;
    private final Clock clock;

    public OrderService(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Transactional
    public Order place(long orderId, long customerId, long totalCents) {
        if (totalCents < 0) {
            throw new IllegalArgumentException("total must not be negative: " + totalCents);
        }
        Order order = new Order(orderId, customerId, totalCents, clock.instant());
        orders.insert(order);
        return order;
    }

    @Transactional(readOnly = true)
    public List<Order> history(long customerId) {
        return orders.findByCustomer(customerId);
    }
}
