package com.example.subscriptions;

import org.springframework.stereotype.Service;

/** Moves every subscription of a retired plan to its successor. */
@Service
public class PlanChanges {
    private final SubscriptionRepository subscriptions;

    public PlanChanges(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    public int retire(String plan, String successor) {
        int moved = 0;
        for (Subscription subscription : subscriptions.findByPlanCode(plan)) {
            subscription.changePlan(successor);
            subscriptions.save(subscription);
            moved++;
        }
        return moved;
    }
}
