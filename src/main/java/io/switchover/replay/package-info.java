/**
 * The switch-over timeline: a throwaway database migrated to production's state (S0), then one batch migration at a
 * time (S1..Sn), with a schema catalog and a probe of every old statement at each state. Knows JDBC and Flyway;
 * knows nothing about rules or reports.
 */
package io.switchover.replay;
