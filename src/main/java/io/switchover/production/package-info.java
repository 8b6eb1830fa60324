/**
 * What runs in production, read from the real sources: the version of each service (a git ref, the newest matching
 * tag, or the commit a version endpoint reports) and production's Flyway history (its database, read-only, or an
 * export). Never writes anywhere.
 */
package io.switchover.production;
