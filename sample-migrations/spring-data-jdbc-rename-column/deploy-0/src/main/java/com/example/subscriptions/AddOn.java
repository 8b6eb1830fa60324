package com.example.subscriptions;

/** Something booked with a subscription, such as extra storage. */
public record AddOn(String code) {
}
