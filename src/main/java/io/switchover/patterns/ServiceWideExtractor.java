package io.switchover.patterns;

import io.switchover.patterns.model.ExtractionResult;

import java.util.List;

/**
 * An extractor whose statements need the whole service, such as JPA mappings, which span files. Each file it
 * {@link #reads} gives a part, read on the file's thread from the file's shared trees like any {@link SqlExtractor};
 * once every file is read, the parts, in path order, make the statements. Listed in {@link SqlExtractors}.
 *
 * @param <T> what one file contributes; immutable, because a file unchanged between two versions gives its part to
 *            both
 */
public interface ServiceWideExtractor<T> {

    /** Whether this extractor reads the file of that path (relative to the snapshot's root): from its name alone. */
    boolean reads(String path);

    /** What the file contributes. */
    T collect(SourceFile file);

    /** The statements of the service from what its files contributed. */
    ExtractionResult combine(List<T> parts);
}
