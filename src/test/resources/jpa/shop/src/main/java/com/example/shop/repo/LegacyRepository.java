package com.example.shop.repo;

import org.springframework.data.repository.CrudRepository;

public interface LegacyRepository extends CrudRepository<LegacyRecord, Long> {
    LegacyRecord findByCode(String code);
}
