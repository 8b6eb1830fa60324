package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    private String street;

    @Column(name = "zip")
    private String postalCode;

    private String city;
}
