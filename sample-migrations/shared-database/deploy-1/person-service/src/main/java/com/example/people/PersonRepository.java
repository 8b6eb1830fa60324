package com.example.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** People and their consents. Marketing consent lives in the consent table since V2. */
@Repository
public class PersonRepository {

    private static final String INSERT_PERSON = "INSERT INTO person (id, display_name, email) VALUES (?, ?, ?)";

    private static final String SELECT_EMAIL = "SELECT email FROM person WHERE id = ?";

    private static final String GIVE_CONSENT = "INSERT INTO consent (person_id, purpose, given_at) VALUES (?, ?, ?)";

    private static final String WITHDRAW_CONSENT = "DELETE FROM consent WHERE person_id = ? AND purpose = ?";

    private final JdbcTemplate jdbcTemplate;

    public PersonRepository(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public void insert(long id, String displayName, String email) {
        jdbcTemplate.update(INSERT_PERSON, id, displayName, email);
    }

    public Optional<String> findEmail(long id) {
        return jdbcTemplate.queryForList(SELECT_EMAIL, String.class, id).stream().findFirst();
    }

    public void giveConsent(long personId, String purpose, Instant at) {
        jdbcTemplate.update(GIVE_CONSENT, personId, purpose, Timestamp.from(at));
    }

    public void withdrawConsent(long personId, String purpose) {
        jdbcTemplate.update(WITHDRAW_CONSENT, personId, purpose);
    }
}
