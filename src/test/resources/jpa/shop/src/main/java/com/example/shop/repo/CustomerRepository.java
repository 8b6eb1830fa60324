package com.example.shop.repo;

import com.example.shop.model.Customer;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    List<Customer> findByEmailAndDisplayNameOrderByCreatedAtDesc(String email, String displayName);

    List<Customer> findByBillingAddressCityIgnoreCase(String city);

    boolean existsByEmail(String email);

    long countByCreatedAtBetween(java.time.Instant from, java.time.Instant to);

    @Query(value = "SELECT id, email_address FROM customer WHERE display_name LIKE ?1", nativeQuery = true)
    List<Object[]> searchNative(String pattern);

    @Query("select c from Customer c where c.email = :email")
    Optional<Customer> byEmail(String email);

    @Query("select c.displayName from Customer c join c.orders o where o.totalCents > :min")
    List<String> bigSpenders(long min);

    @Modifying
    @Query("update Customer c set c.displayName = :name where c.id = :id")
    int rename(Long id, String name);

    @Query("select c from Customer c where c.billingAddress.city = :city and size(c.tags) > 0")
    List<Customer> taggedIn(String city);

    default List<Customer> everyone() {
        return findAll();
    }
}
