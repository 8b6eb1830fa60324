/**
 * {@code switchover.yml}: the services that use the database, where their production versions come from, production's
 * history, placeholders and the deployment order. Read with line numbers, so that a mistake is reported at its line.
 * The pipeline's file and the repository's are merged ({@link io.switchover.config.ConfigMerge}); what may say where
 * production is is decided by {@link io.switchover.config.TrustBoundary}.
 */
package io.switchover.config;
