/**
 * The SQL a service sends without writing it: what Hibernate issues for JPA entities (Java and Kotlin) and what
 * Spring Data runs for repository query methods.
 *
 * <p>The Java and Kotlin sources are read into one language-neutral model ({@code SourceType}: annotations, fields,
 * methods), because a mapping spans files: mapped superclasses, embeddables and association targets are resolved by
 * simple class name, and by import when the name is ambiguous. {@code EntityModel} applies Hibernate's defaults and
 * the {@link io.switchover.patterns.jpa.PhysicalNaming} to it; {@code EntityStatements}, {@code DerivedQueries} and
 * {@code JpqlTranslator} write SQL from the model; {@link io.switchover.patterns.jpa.JpaExtractor} is the entry point.
 * Nothing here throws on malformed sources: a file that cannot be read is a warning naming it, and a query that cannot
 * be translated is listed as not checked with the reason.
 */
package io.switchover.patterns.jpa;
