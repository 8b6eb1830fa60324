/**
 * SQL text handling shared by the stages that read SQL: splitting scripts into statements with their lines, skipping
 * comments and quoted text, tokens and heads of statements, and parsing with JSqlParser without its per-call thread
 * pool (nothing is kept in static state: a check keeps what it read of each statement in its own
 * {@code io.switchover.patterns.StatementReadings}).
 */
package io.switchover.sql;
