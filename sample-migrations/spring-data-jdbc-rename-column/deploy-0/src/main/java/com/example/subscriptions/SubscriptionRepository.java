package com.example.subscriptions;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface SubscriptionRepository extends ListCrudRepository<Subscription, Long> {

    List<Subscription> findByPlan(String plan);
}
