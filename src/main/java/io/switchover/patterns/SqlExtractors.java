package io.switchover.patterns;

import io.switchover.patterns.builders.BuilderExtractors;
import io.switchover.patterns.capture.CapturedSqlReader;
import io.switchover.patterns.jpa.JpaExtractor;
import io.switchover.patterns.jpa.PhysicalNaming;
import io.switchover.patterns.kotlin.KotlinStringExtractor;
import io.switchover.patterns.mybatis.MyBatisXmlExtractor;
import io.switchover.patterns.stringtemplate.StringTemplateSqlObjects;

import java.util.List;

/**
 * The extractors a scan of a service runs, listed here and nowhere else. Every file of the service is offered to each
 * (see {@link SqlExtractor#reads}), parsed once whatever the number that read it. Adding an extractor is one line in
 * {@link #standard}.
 *
 * @param perFile     extractors whose statements come from one file alone
 * @param serviceWide extractors whose statements need every file (JPA mappings span files)
 */
public record SqlExtractors(List<SqlExtractor> perFile, List<ServiceWideExtractor<?>> serviceWide) {

    public SqlExtractors {
        perFile = List.copyOf(perFile);
        serviceWide = List.copyOf(serviceWide);
    }

    public static SqlExtractors standard(SqlStatementClassifier classifier, PhysicalNaming naming) {
        return new SqlExtractors(
                List.of(
                        new SqlFileExtractor(classifier),
                        new MyBatisXmlExtractor(classifier),
                        new CapturedSqlReader(classifier)),
                List.of(
                        new JavaSqlExtractor(classifier),
                        new KotlinStringExtractor(classifier),
                        new JpaExtractor(classifier, naming),
                        new BuilderExtractors(),
                        new StringTemplateSqlObjects(classifier)));
    }

    /** These and one more per-file extractor (a plugin's, a test's). */
    public SqlExtractors with(SqlExtractor extractor) {
        List<SqlExtractor> more = new java.util.ArrayList<>(perFile);
        more.add(extractor);
        return new SqlExtractors(more, serviceWide);
    }

    /** Whether any extractor reads the file. */
    public boolean anyReads(String path) {
        return perFile.stream().anyMatch(e -> e.reads(path)) || serviceWide.stream().anyMatch(e -> e.reads(path));
    }
}
