package com.example.shipping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A parcel; {@link #UNWEIGHED} until the scale has read it. */
@Entity
public class Parcel {

    /** The weight of a parcel the scale has not read yet. */
    public static final int UNWEIGHED = 0;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String trackingCode;

    private int weightGrams;

    protected Parcel() {
    }

    public Parcel(String trackingCode, int weightGrams) {
        this.trackingCode = trackingCode;
        this.weightGrams = weightGrams;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public int getWeightGrams() {
        return weightGrams;
    }

    public void weighed(int grams) {
        this.weightGrams = grams;
    }
}
