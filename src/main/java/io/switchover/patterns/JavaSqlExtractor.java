package io.switchover.patterns;

import io.switchover.patterns.javaapi.JavaApiSqlExtractor;

/**
 * The SQL of a Java file: its string expressions ({@link JavaStringExtractor}), of which the statements that MyBatis,
 * jDBI or jOOQ annotations and calls hold are reported by their API's reader instead ({@link JavaApiSqlExtractor}):
 * one report per statement, from one parse of the file.
 */
public final class JavaSqlExtractor implements SqlExtractor {
    private final JavaStringExtractor strings;
    private final JavaApiSqlExtractor apis;

    public JavaSqlExtractor(SqlStatementClassifier classifier) {
        this.strings = new JavaStringExtractor(classifier);
        this.apis = new JavaApiSqlExtractor(classifier);
    }

    @Override
    public boolean reads(String path) {
        return path.endsWith(".java");
    }

    @Override
    public ExtractionResult extract(SourceFile file) {
        return apis.preferredOver(strings.extract(file), file);
    }
}
