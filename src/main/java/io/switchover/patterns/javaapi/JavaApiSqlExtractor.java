package io.switchover.patterns.javaapi;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import io.switchover.patterns.SourceFile;
import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.Origin;
import io.switchover.patterns.model.UnresolvedSql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the SQL of MyBatis annotations ({@value MyBatisAnnotations#ID}), jDBI annotations ({@value JdbiAnnotations#ID})
 * and jOOQ plain SQL ({@value JooqPlainSql#ID}) from one Java source file.
 */
public final class JavaApiSqlExtractor {
    // A file that imports none of the APIs is left to the generic extractor without a second parse. Plain substring
    // searches: a regex alternation tried at every character of every file showed in the profile.
    private static final List<String> API_PACKAGES = List.of("org.apache.ibatis", "org.jdbi", "org.skife.jdbi",
            "org.jooq");

    private final SqlStatementClassifier classifier;

    public JavaApiSqlExtractor(SqlStatementClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * What the API readers found, and the origins of the string expressions they consumed: where the generic
     * extractor reports the same text (a constant where it is declared, any other expression where it starts).
     */
    public record Result(ExtractionResult found, Set<Origin> claimed) {
        public Result {
            claimed = Set.copyOf(claimed);
        }
    }

    public Result extract(String path, String source) {
        return extract(new SourceFile(path, source));
    }

    public Result extract(SourceFile file) {
        String path = file.path();
        if (API_PACKAGES.stream().noneMatch(file.text()::contains)) {
            return new Result(ExtractionResult.empty(), Set.of());
        }
        ParseResult<CompilationUnit> parsed;
        try {
            parsed = file.java();
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(ExtractionResult.empty(), Set.of()); // the generic extractor warns about the file
        }
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return new Result(ExtractionResult.empty(), Set.of());
        }
        JavaApiContext context = new JavaApiContext(path, parsed.getResult().get(), classifier,
                file.configuration().myBatisProperties());
        new MyBatisAnnotations().find(context);
        new JdbiAnnotations().find(context);
        new JooqPlainSql().find(context);
        return context.result();
    }

    /**
     * The generic extractor's result for a file, with what it found at expressions an API reader consumed replaced by
     * what that reader found.
     */
    public ExtractionResult preferredOver(ExtractionResult generic, String path, String source) {
        return preferredOver(generic, new SourceFile(path, source));
    }

    /** The same, for a file whose tree the generic extractor made already. */
    public ExtractionResult preferredOver(ExtractionResult generic, SourceFile file) {
        Result specific = extract(file);
        if (specific.claimed().isEmpty() && specific.found().patterns().isEmpty()
                && specific.found().notChecked().isEmpty()) {
            return generic;
        }
        List<AccessPattern> patterns = new ArrayList<>(specific.found().patterns());
        generic.patterns().stream().filter(p -> !specific.claimed().contains(p.origin())).forEach(patterns::add);
        List<UnresolvedSql> notChecked = new ArrayList<>(specific.found().notChecked());
        generic.notChecked().stream().filter(u -> !specific.claimed().contains(u.origin())).forEach(notChecked::add);
        List<String> warnings = new ArrayList<>(generic.warnings());
        warnings.addAll(specific.found().warnings());
        return ExtractionResult.combine(List.of(new ExtractionResult(patterns, notChecked, warnings, generic.reads())));
    }
}
