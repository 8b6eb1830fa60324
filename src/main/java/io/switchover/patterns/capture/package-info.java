/**
 * SQL that a service was seen to send, captured from a running database: a {@code pg_stat_statements} export (CSV or
 * JSON) or a PostgreSQL statement log. It complements the source extractors with what they cannot see (SQL built at
 * run time, ORMs, other services' ad-hoc queries). See {@code docs/capturing-sql.md} for how to capture it.
 */
package io.switchover.patterns.capture;
