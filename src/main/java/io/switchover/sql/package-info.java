/**
 * SQL text handling shared by the stages that read SQL: splitting scripts into statements with their lines, skipping
 * comments and quoted text, tokens and heads of statements, and parsing with JSqlParser without its per-call thread
 * pool (one {@link io.switchover.sql.ParseMemo} per check keeps what it parsed; nothing is kept in static state).
 */
package io.switchover.sql;
