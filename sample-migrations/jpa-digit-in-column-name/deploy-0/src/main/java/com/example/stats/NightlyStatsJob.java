package com.example.stats;

import java.util.Map;

/** Each night, the week's and the month's visits of every page. */
public class NightlyStatsJob {
    private final PageStatsRepository repository;

    public NightlyStatsJob(PageStatsRepository repository) {
        this.repository = repository;
    }

    public void record(Map<Long, String> pages, Map<Long, Integer> lastWeek, Map<Long, Integer> lastMonth) {
        pages.forEach((id, path) -> repository.save(new PageStats(id, path, lastWeek.get(id), lastMonth.get(id))));
    }
}
