package com.example.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.LocalDate;

@Entity
public class Invoice {

    @Id
    private Long id;

    private String customerRef;

    private long amountCents;

    private LocalDate dueOn;

    protected Invoice() {
    }

    public Long getId() {
        return id;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }
}
