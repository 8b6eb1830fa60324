package com.example.newsletter;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The newsletter team's read of the people database: who may receive marketing mail, from the consent table. */
@Component
public class RecipientQueries {

    private final JdbcTemplate jdbcTemplate;

    public RecipientQueries(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public List<String> recipients() {
        return jdbcTemplate.queryForList(
                "SELECT p.email FROM person p JOIN consent c ON c.person_id = p.id"
                        + " WHERE c.purpose = 'marketing' ORDER BY p.id",
                String.class);
    }
}
