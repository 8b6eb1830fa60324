package com.example.shop.model;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.util.List;
import java.util.Set;

@Entity
@Table(name = "customer")
public class Customer extends BaseEntity {
    static final String DEFAULT_STATUS = "ACTIVE";

    @Column(name = "email_address", nullable = false)
    private String email;

    private String displayName;

    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "billing_street"))
    private Address billingAddress;

    @ElementCollection
    private Set<String> tags;

    @OneToMany(mappedBy = "customer")
    private List<PurchaseOrder> orders;

    @Transient
    private String cachedGreeting;

    private transient int hits;
}
