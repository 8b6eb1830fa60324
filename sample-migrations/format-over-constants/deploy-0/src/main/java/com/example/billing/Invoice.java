package com.example.billing;

import java.time.Instant;

/** An invoice sent to a customer; the amount is in cents. */
public record Invoice(long id, long customerId, long amountCents, String status, Instant issuedAt) {
}
