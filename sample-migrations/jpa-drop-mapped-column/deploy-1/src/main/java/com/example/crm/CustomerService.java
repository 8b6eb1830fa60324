package com.example.crm;

import java.time.Clock;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public Customer signUp(String email, String fullName) {
        return customers.save(new Customer(email, fullName, clock.instant()));
    }

    @Transactional
    public void rename(String email, String fullName) {
        Customer customer = customers.findByEmail(email)
                .orElseThrow(() -> new NoSuchElementException("unknown customer " + email));
        customer.rename(fullName);
    }
}
