/**
 * The SQL that query builders and data-access frameworks issue for a service that writes no SQL string: jOOQ's DSL
 * ({@link io.switchover.patterns.builders.JooqDsl}), Spring's {@code SimpleJdbcInsert}
 * ({@link io.switchover.patterns.builders.SimpleJdbcInserts}), Spring Data JDBC aggregates
 * ({@link io.switchover.patterns.builders.SpringDataJdbcAggregates}), Micronaut Data entities
 * ({@link io.switchover.patterns.builders.MicronautDataEntities}) and Kotlin Exposed tables
 * ({@link io.switchover.patterns.builders.ExposedTables}). Each reader takes a file already parsed (a JavaParser tree,
 * or a Kotlin source's text) and gives the statements the framework sends, with the line that makes it send them, so
 * that the replay probes them like hand-written SQL. A construct a reader does not translate is listed as not
 * checked, never guessed. {@link io.switchover.patterns.builders.BuilderExtractors} runs them all over a service.
 */
package io.switchover.patterns.builders;
