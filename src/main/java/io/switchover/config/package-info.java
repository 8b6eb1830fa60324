/**
 * {@code switchover.yml}: the services that use the database, where their production versions come from, production's
 * history, placeholders and the deployment order. Read with line numbers, so that a mistake is reported at its line.
 */
package io.switchover.config;
