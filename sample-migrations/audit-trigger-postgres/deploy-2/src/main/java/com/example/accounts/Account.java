package com.example.accounts;

import java.time.OffsetDateTime;

/** An account that signs in with its e-mail address. */
public record Account(long id, String email, String nickname, OffsetDateTime createdAt) {
}
