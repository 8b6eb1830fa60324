package com.example.people;

import java.time.Instant;

/** A registered person and the name other users see. */
public record Person(long id, String displayName, Instant createdAt) {
}
