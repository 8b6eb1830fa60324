/**
 * SQL handed to Java data-access APIs, read from Java source with the API's own rules: MyBatis's {@code @Select}
 * family ({@code <script>} bodies expanded like mapper XML), jDBI's {@code @SqlQuery} family ({@code <list>} bindings)
 * and jOOQ's plain-SQL methods ({@code {0}} placeholders).
 *
 * <p>The generic {@link io.switchover.patterns.JavaStringExtractor} finds most of these strings too, as
 * {@code java-literal}, but it cannot read {@code #{id}}, {@code <ids>} or {@code {0}}, nor join an annotation's array
 * of strings. {@link io.switchover.patterns.javaapi.JavaApiSqlExtractor#preferredOver} therefore replaces what the
 * generic extractor found at the string expressions these readers consume, so each statement is reported once, by
 * the most specific extractor.
 */
package io.switchover.patterns.javaapi;
