package com.example.shipping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A parcel; its weight is unknown until the scale has read it. */
@Entity
public class Parcel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String trackingCode;

    private Integer weightGrams;

    protected Parcel() {
    }

    public Parcel(String trackingCode, Integer weightGrams) {
        this.trackingCode = trackingCode;
        this.weightGrams = weightGrams;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public Integer getWeightGrams() {
        return weightGrams;
    }

    public void weighed(int grams) {
        this.weightGrams = grams;
    }
}
