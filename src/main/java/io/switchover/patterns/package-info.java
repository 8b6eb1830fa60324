/**
 * Turns a snapshot of the old service into access patterns: the SQL statements it sends to the database, each with
 * the file and line it came from.
 *
 * <p>{@link io.switchover.patterns.ServiceSourceScanner} walks the snapshot and offers each file to the extractors
 * listed in {@link io.switchover.patterns.SqlExtractors}, the one place that names them: per-file ones
 * ({@link io.switchover.patterns.SqlExtractor}: {@link io.switchover.patterns.SqlFileExtractor} for {@code .sql} files,
 * {@code patterns.mybatis} for mapper XML, {@code patterns.capture} for captured query logs) and service-wide ones
 * ({@link io.switchover.patterns.ServiceWideExtractor}: Java sources through
 * {@link io.switchover.patterns.JavaSqlExtractor}, refined by the MyBatis/jDBI/jOOQ readers of {@code patterns.javaapi};
 * {@code patterns.kotlin}; JPA mappings), whose statements need other files' constants or mappings. Each file is read
 * once into a {@link io.switchover.patterns.SourceFile} whose syntax tree every extractor shares. Java string
 * expressions are evaluated as the compiler and the JDK would ({@link io.switchover.patterns.StringExpressionEvaluator}
 * over a {@link io.switchover.patterns.ConstantIndex} of the whole service), with framework placeholders filled from
 * the {@link io.switchover.patterns.ServiceConfiguration}. SQL that is assembled at run time cannot be checked; it is
 * listed as {@link io.switchover.patterns.model.UnresolvedSql} so the report can say what was not checked instead of staying
 * silent.
 * {@link io.switchover.patterns.SqlReferences} and {@link io.switchover.patterns.JdbcParameters} describe one statement
 * for the stages that probe it against a schema.
 *
 * <p>JSqlParser only classifies and describes statements here; whether a statement works is for the database to say.
 */
package io.switchover.patterns;


