package io.switchover.patterns.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What the scan of a service found: the statements to check, the SQL-looking text it could not check, problems with
 * files that the report should mention, and the columns its code reads by name from results.
 */
public record ExtractionResult(List<AccessPattern> patterns, List<UnresolvedSql> notChecked, List<String> warnings,
                               List<ColumnRead> reads) {

    private static final Comparator<Origin> BY_PATH_THEN_LINE =
            Comparator.comparing(Origin::path).thenComparingInt(Origin::line);

    public ExtractionResult {
        patterns = List.copyOf(patterns);
        notChecked = List.copyOf(notChecked);
        warnings = List.copyOf(warnings);
        reads = List.copyOf(reads);
    }

    public ExtractionResult(List<AccessPattern> patterns, List<UnresolvedSql> notChecked, List<String> warnings) {
        this(patterns, notChecked, warnings, List.of());
    }

    public static ExtractionResult empty() {
        return new ExtractionResult(List.of(), List.of(), List.of());
    }

    public static ExtractionResult warning(String warning) {
        return new ExtractionResult(List.of(), List.of(), List.of(warning));
    }

    public static ExtractionResult warnings(List<String> warnings) {
        return new ExtractionResult(List.of(), List.of(), warnings);
    }

    /** The same, with one more warning. */
    public ExtractionResult withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        return new ExtractionResult(patterns, notChecked, more, reads);
    }

    /** Joins per-file results; patterns and unresolved SQL end up ordered by path, then line. */
    public static ExtractionResult combine(Collection<ExtractionResult> parts) {
        List<AccessPattern> patterns = new ArrayList<>();
        List<UnresolvedSql> notChecked = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<ColumnRead> reads = new ArrayList<>();
        for (ExtractionResult part : parts) {
            patterns.addAll(part.patterns());
            notChecked.addAll(part.notChecked());
            warnings.addAll(part.warnings());
            reads.addAll(part.reads());
        }
        // Stable sort: two statements on one line keep their order of appearance.
        patterns.sort(Comparator.comparing(AccessPattern::origin, BY_PATH_THEN_LINE));
        notChecked.sort(Comparator.comparing(UnresolvedSql::origin, BY_PATH_THEN_LINE));
        return new ExtractionResult(patterns, notChecked, warnings, reads);
    }
}
