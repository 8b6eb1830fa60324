package com.example.library;

import java.time.LocalDate;

/** Someone who holds a library card. */
public record Borrower(long id, String email, String fullName, LocalDate joinedOn) {
}
