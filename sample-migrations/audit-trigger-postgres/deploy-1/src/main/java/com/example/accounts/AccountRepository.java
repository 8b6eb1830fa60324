package com.example.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    private static final String INSERT_ACCOUNT = "INSERT INTO account (id, email, nickname) VALUES (?, ?, ?)";

    private static final String SELECT_OPEN_BY_EMAIL = "SELECT id, email, nickname, created_at FROM account WHERE email = ? AND deleted_at IS NULL";

    private static final String CLOSE_ACCOUNT = "UPDATE account SET deleted_at = now() WHERE id = ? AND deleted_at IS NULL";

    private final JdbcTemplate jdbc;

    public AccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long id, String email, String nickname) {
        jdbc.update(INSERT_ACCOUNT, id, email, nickname);
    }

    public Optional<Account> findOpenByEmail(String email) {
        List<Account> found = jdbc.query(SELECT_OPEN_BY_EMAIL, AccountRepository::map, email);
        return found.stream().findFirst();
    }

    public boolean close(long id) {
        return jdbc.update(CLOSE_ACCOUNT, id) == 1;
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("nickname"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
