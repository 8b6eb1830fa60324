package com.example.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Stores people and the name they are shown under.
 *
 * <p>The display name lives in column {@code brian}. Column {@code alice} is no
 * longer read or written and can be dropped once this version serves traffic.
 */
@Repository
public class PersonRepository {

    private static final String INSERT_PERSON = "INSERT INTO person (id, brian, created_at) VALUES (?, ?, ?)";

    private static final String SELECT_DISPLAY_NAME = "SELECT brian FROM person WHERE id = ?";

    private static final String UPDATE_DISPLAY_NAME = "UPDATE person SET brian = ? WHERE id = ?";

    private static final RowMapper<Person> PERSON_ROW_MAPPER = PersonRepository::mapPerson;

    private final JdbcTemplate jdbcTemplate;

    public PersonRepository(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public void insert(Person person) {
        jdbcTemplate.update(INSERT_PERSON, person.id(), person.displayName(), Timestamp.from(person.createdAt()));
    }

    public Optional<String> findDisplayName(long id) {
        List<String> names = jdbcTemplate.queryForList(SELECT_DISPLAY_NAME, String.class, id);
        return names.stream().findFirst();
    }

    public boolean updateDisplayName(long id, String displayName) {
        return jdbcTemplate.update(UPDATE_DISPLAY_NAME, displayName, id) == 1;
    }

    public List<Person> findCreatedSince(Instant since) {
        return jdbcTemplate.query(
                "SELECT id, brian, created_at FROM person"
                        + " WHERE created_at >= ? ORDER BY created_at",
                PERSON_ROW_MAPPER,
                Timestamp.from(since));
    }

    public boolean delete(long id) {
        return jdbcTemplate.update("DELETE FROM person WHERE id = ?", id) == 1;
    }

    private static Person mapPerson(ResultSet rs, int rowNum) throws SQLException {
        return new Person(
                rs.getLong("id"),
                rs.getString("brian"),
                rs.getTimestamp("created_at").toInstant());
    }
}
