package com.example.billing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.List;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    @Query(value = "SELECT id, customer_ref, amount_cents, due_on FROM invoice"
            + " WHERE last_reminder_at IS NULL AND due_on < :today ORDER BY due_on", nativeQuery = true)
    List<Invoice> findOverdueWithoutReminder(@Param("today") LocalDate today);

    @Modifying
    @Query(value = "UPDATE invoice SET last_reminder_at = CURRENT_TIMESTAMP WHERE id = ?1", nativeQuery = true)
    int markReminded(long id);
}
