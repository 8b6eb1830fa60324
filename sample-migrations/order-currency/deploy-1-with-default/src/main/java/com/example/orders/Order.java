package com.example.orders;

import java.time.Instant;

/** An order placed by a customer; amounts are in cents of {@code currency} (ISO 4217). */
public record Order(long id, long customerId, long totalCents, String currency, Instant createdAt) {
}
