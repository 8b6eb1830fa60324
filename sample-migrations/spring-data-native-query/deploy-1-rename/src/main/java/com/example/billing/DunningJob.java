package com.example.billing;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sends one payment reminder per overdue invoice. */
@Component
public class DunningJob {

    private final InvoiceRepository invoices;
    private final ReminderMailer mailer;
    private final Clock clock;

    public DunningJob(InvoiceRepository invoices, ReminderMailer mailer, Clock clock) {
        this.invoices = invoices;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 6 * * *")
    @Transactional
    public void remindOverdue() {
        for (Invoice invoice : invoices.findOverdueWithoutReminder(LocalDate.now(clock))) {
            mailer.sendReminder(invoice);
            invoices.markReminded(invoice.getId());
        }
    }

    public interface ReminderMailer {
        void sendReminder(Invoice invoice);
    }
}
