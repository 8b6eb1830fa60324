package com.example.orders;

import java.time.Instant;

/** An order placed by a customer; amounts are in cents. */
public record Order(long id, long customerId, long totalCents, Instant createdAt) {
}
