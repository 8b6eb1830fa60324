package com.example.shipping;

import java.time.Instant;

/** A shipment of an order, and where it is in its journey (packed, shipped, delivered). */
public record Shipment(long id, long orderId, String state, Instant createdAt) {
}
