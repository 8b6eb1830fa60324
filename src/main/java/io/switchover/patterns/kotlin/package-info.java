/**
 * SQL in Kotlin sources: string literals, raw strings, {@code trimIndent()}/{@code trimMargin()}, {@code +} and
 * templates of the file's {@code const val}s. A hand-written tokenizer rather than a Kotlin compiler: it only has to
 * find strings and the few tokens around them, and it must never stop a scan on code it does not understand.
 */
package io.switchover.patterns.kotlin;
