package com.example.shop.model;

import jakarta.persistence.Entity;

@Entity
public class CardPayment extends Payment {
    private String cardLast4;
}
