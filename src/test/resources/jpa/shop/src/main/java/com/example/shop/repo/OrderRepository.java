package com.example.shop.repo;

import com.example.shop.model.OrderStatus;
import com.example.shop.model.PurchaseOrder;
import org.springframework.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

public interface OrderRepository extends CrudRepository<PurchaseOrder, Long> {

    List<PurchaseOrder> findByCustomerId(Long customerId);

    List<PurchaseOrder> findByCustomerEmail(String email);

    List<PurchaseOrder> findTop5ByStatusInOrderByTotalCentsDesc(Collection<OrderStatus> statuses);

    List<PurchaseOrder> findByStatusIsNullOrTotalCentsLessThan(long cents);

    void deleteByStatus(OrderStatus status);

    List<PurchaseOrder> findByShippingLabel(String label);
}
