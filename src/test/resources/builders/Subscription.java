package com.example.subscriptions;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A customer's subscription: Spring Data JDBC stores it in subscription, its add-ons in add_on. */
@Table("subscription")
public class Subscription {
    @Id
    private Long id;
    private String customerEmail;
    private String plan;
    private LocalDate renewsOn;
    @MappedCollection(idColumn = "subscription_id", keyColumn = "position")
    private List<AddOn> addOns;

    public Long getId() {
        return id;
    }

    public String getPlan() {
        return plan;
    }

    public void changePlan(String plan) {
        this.plan = plan;
    }
}
