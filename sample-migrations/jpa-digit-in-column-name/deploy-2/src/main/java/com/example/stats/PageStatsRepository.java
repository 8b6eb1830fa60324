package com.example.stats;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PageStatsRepository extends JpaRepository<PageStats, Long> {
}
