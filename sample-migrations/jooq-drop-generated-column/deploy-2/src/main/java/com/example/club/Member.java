package com.example.club;

/** A member of the club, as the roster shows them. */
public record Member(long id, String email, String fullName) {
}
