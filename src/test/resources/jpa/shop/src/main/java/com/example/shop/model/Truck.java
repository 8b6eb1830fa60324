package com.example.shop.model;

import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;

@Entity
@PrimaryKeyJoinColumn(name = "vehicle_id")
public class Truck extends Vehicle {
    private int payloadKg;
}
