package com.example.payouts;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;

/** The nightly payout job writes each payout here; Spring Batch keeps the job's own state in BATCH_ tables. */
public class PayoutDao {
    private final JdbcTemplate jdbc;

    public PayoutDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long id, long merchantId, BigDecimal amount) {
        jdbc.update("INSERT INTO payout (id, merchant_id, amount, paid_at) VALUES (?, ?, ?, now())", id, merchantId, amount);
    }
}
