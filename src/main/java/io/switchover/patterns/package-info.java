/**
 * Turns a snapshot of the old service into access patterns: the SQL statements it sends to the database, each with
 * the file and line it came from.
 *
 * <p>{@link io.switchover.patterns.ServiceSourceScanner} walks the snapshot and hands each file to one extractor
 * ({@link io.switchover.patterns.SqlFileExtractor} for {@code .sql} files, {@link io.switchover.patterns.JavaStringExtractor}
 * for Java sources, refined by the MyBatis/jDBI/jOOQ readers of {@code patterns.javaapi}; {@code patterns.kotlin},
 * {@code patterns.mybatis} for mapper XML, {@code patterns.capture} for captured query logs). SQL that is assembled at run time cannot be checked; it is listed as
 * {@link io.switchover.patterns.UnresolvedSql} so the report can say what was not checked instead of staying silent.
 * {@link io.switchover.patterns.SqlReferences} and {@link io.switchover.patterns.JdbcParameters} describe one statement
 * for the stages that probe it against a schema.
 *
 * <p>JSqlParser only classifies and describes statements here; whether a statement works is for the database to say.
 */
package io.switchover.patterns;
