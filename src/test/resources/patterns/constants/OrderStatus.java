package com.example.shop.model;

public enum OrderStatus {
    OPEN, PAID, SHIPPED
}
