/**
 * SQL text handling shared by the stages that read SQL: splitting scripts into statements with their lines, skipping
 * comments and quoted text, and parsing with JSqlParser without its per-call thread pool.
 */
package io.switchover.sql;
