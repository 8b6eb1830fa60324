package com.example.stats;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A page's visits over the last week and month; the nightly job saves one per page. */
@Entity
@Table(name = "page_stats")
public class PageStats {

    @Id
    private Long id;

    private String path;

    private Integer visitsIn7Days;

    private Integer visitsIn30Days;

    protected PageStats() {
    }

    public PageStats(Long id, String path, Integer visitsIn7Days, Integer visitsIn30Days) {
        this.id = id;
        this.path = path;
        this.visitsIn7Days = visitsIn7Days;
        this.visitsIn30Days = visitsIn30Days;
    }

    public Integer getVisitsIn30Days() {
        return visitsIn30Days;
    }
}
