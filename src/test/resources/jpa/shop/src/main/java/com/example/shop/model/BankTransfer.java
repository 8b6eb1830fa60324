package com.example.shop.model;

import jakarta.persistence.Entity;

@Entity
public class BankTransfer extends Payment {
    private String iban;
}
