package com.example.library;

import java.time.LocalDate;

/** Someone who holds a library card. */
public record Member(long id, String email, String fullName, LocalDate joinedOn) {
}
