package com.example.stats;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A page's visits over the last month; the nightly job saves one per page. The weekly figure is gone. */
@Entity
@Table(name = "page_stats")
public class PageStats {

    @Id
    private Long id;

    private String path;

    private Integer visitsIn30Days;

    protected PageStats() {
    }

    public PageStats(Long id, String path, Integer visitsIn30Days) {
        this.id = id;
        this.path = path;
        this.visitsIn30Days = visitsIn30Days;
    }

    public Integer getVisitsIn30Days() {
        return visitsIn30Days;
    }
}
