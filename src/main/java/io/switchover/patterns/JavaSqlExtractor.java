package io.switchover.patterns;

import io.switchover.patterns.javaapi.JavaApiSqlExtractor;
import io.switchover.patterns.kotlin.KotlinStringExtractor;
import io.switchover.patterns.model.ExtractionResult;

import java.util.List;

/**
 * The SQL of the service's Java files: their string expressions ({@link JavaStringExtractor}), of which the
 * statements that MyBatis, jDBI or jOOQ annotations and calls hold are reported by their API's reader instead
 * ({@link JavaApiSqlExtractor}): one report per statement, from one parse of each file. Service-wide, because a
 * statement may be built from constants of other files.
 */
public final class JavaSqlExtractor implements ServiceWideExtractor<JavaStringExtractor.FileStrings> {
    private final JavaStringExtractor strings;
    private final JavaApiSqlExtractor apis;
    private final KotlinStringExtractor kotlin;

    public JavaSqlExtractor(SqlStatementClassifier classifier) {
        this.strings = new JavaStringExtractor(classifier);
        this.apis = new JavaApiSqlExtractor(classifier);
        this.kotlin = new KotlinStringExtractor(classifier);
    }

    @Override
    public boolean reads(String path) {
        return path.endsWith(".java") || path.endsWith(".kt");
    }

    @Override
    public JavaStringExtractor.FileStrings collect(SourceFile file) {
        if (file.endsWith(".kt")) {
            // Only its constants, which Java code of the service may name; its SQL is the Kotlin reader's.
            return new JavaStringExtractor.FileStrings(ExtractionResult.empty(),
                    ConstantIndex.ofValues(file.path(), kotlin.constantsForJava(file)), List.of(),
                    List.of(), file.configuration());
        }
        // A file the readers cannot get through is a place not checked, as for any extractor.
        JavaStringExtractor.FileStrings[] read = new JavaStringExtractor.FileStrings[1];
        ExtractionResult result = ServiceSourceScanner.guarded(file.path(), () -> {
            JavaStringExtractor.FileStrings strings = this.strings.read(file);
            read[0] = strings.keepingDeferredIn(apis.preferredOver(strings.result(), file));
            return read[0].result();
        });
        return read[0] != null && read[0].result() == result ? read[0] : JavaStringExtractor.FileStrings.only(result);
    }

    @Override
    public ExtractionResult combine(List<JavaStringExtractor.FileStrings> parts) {
        return strings.resolve(parts);
    }
}
