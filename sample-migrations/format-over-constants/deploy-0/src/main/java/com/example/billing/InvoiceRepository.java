package com.example.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class InvoiceRepository {

    private static final String INSERT_INVOICE =
            "INSERT INTO invoice (id, customer_id, amount_cents, status, issued_at) VALUES (?, ?, ?, ?, ?)";

    private static final String SELECT_OF_CUSTOMER =
            "SELECT id, customer_id, amount_cents, status, issued_at FROM invoice WHERE customer_id = ? ORDER BY issued_at";

    private static final String MARK_PAID = String.format("UPDATE %s SET %s = 'PAID' WHERE %s = ?",
            InvoiceColumns.TABLE, InvoiceColumns.STATUS, InvoiceColumns.ID);

    /** The support desk looks up invoices imported from the old billing system by their old number. */
    private static final String SELECT_BY_LEGACY_REF = String.format("SELECT %s FROM %s WHERE %s = ?",
            InvoiceColumns.ID, InvoiceColumns.TABLE, InvoiceColumns.LEGACY_REF);

    private static final String LINK_LEGACY_REF = String.format("UPDATE %s SET %s = ? WHERE %s = ?",
            InvoiceColumns.TABLE, InvoiceColumns.LEGACY_REF, InvoiceColumns.ID);

    private final JdbcTemplate jdbc;

    public InvoiceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Invoice invoice) {
        jdbc.update(INSERT_INVOICE, invoice.id(), invoice.customerId(), invoice.amountCents(), invoice.status(),
                Timestamp.from(invoice.issuedAt()));
    }

    public List<Invoice> ofCustomer(long customerId) {
        return jdbc.query(SELECT_OF_CUSTOMER, InvoiceRepository::mapInvoice, customerId);
    }

    public boolean markPaid(long id) {
        return jdbc.update(MARK_PAID, id) == 1;
    }

    public Optional<Long> findByLegacyRef(String legacyRef) {
        return jdbc.queryForList(SELECT_BY_LEGACY_REF, Long.class, legacyRef).stream().findFirst();
    }

    public boolean linkLegacyRef(long id, String legacyRef) {
        return jdbc.update(LINK_LEGACY_REF, legacyRef, id) == 1;
    }

    private static Invoice mapInvoice(ResultSet rs, int rowNum) throws SQLException {
        return new Invoice(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                rs.getLong("amount_cents"),
                rs.getString("status"),
                rs.getTimestamp("issued_at").toInstant());
    }
}
