/**
 * The switch-over timeline: a throwaway database migrated to production's state (S0), then one batch migration at a
 * time (S1..Sn), with a schema catalog and a probe of the old statements at each state. Knows JDBC and Flyway; knows
 * nothing about rules or reports.
 *
 * <p>Engines: {@link io.switchover.replay.H2Engine} (in memory, adapts what H2 cannot run but nobody can see),
 * {@link io.switchover.replay.EmbeddedPostgresEngine} (real PostgreSQL from Maven-shipped binaries),
 * {@link io.switchover.replay.ServerEngine} (its own marked database on a PostgreSQL or MariaDB server, always
 * dropped), {@link io.switchover.replay.TestcontainersEngine}, and {@link io.switchover.replay.AutoEngine} (H2, and
 * embedded PostgreSQL when a migration fails on H2), each opened by its name from {@link
 * io.switchover.replay.ReplayEngines}.
 */
package io.switchover.replay;
