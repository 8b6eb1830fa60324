package io.switchover.patterns.model;

/**
 * The statements a service sends that switchover checks. {@code WITH} is a query that starts with common table
 * expressions and ends in a SELECT; a data-changing statement with a WITH clause keeps its own kind, because what
 * matters downstream is whether it writes.
 */
public enum StatementKind {
    SELECT, INSERT, UPDATE, DELETE, MERGE, WITH
}
