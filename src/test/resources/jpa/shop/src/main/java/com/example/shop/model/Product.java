package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity(name = "Product")
public class Product {
    @Id
    private Long id;

    private String name;

    @Column(name = "UnitPriceCents")
    private long price;

    private String ean13Code;
}
