package io.switchover.patterns;

import io.switchover.patterns.model.ExtractionResult;

/**
 * Reads the SQL a service sends from one of its files. Extractors are listed in {@link SqlExtractors}; each is asked
 * {@link #reads} for every file of the service and reads those it takes from the file's shared trees
 * ({@link SourceFile#java()}), so that a file is parsed once however many extractors read it. Called on several
 * threads at once, one file per call: an extractor keeps no state of its own between files.
 */
public interface SqlExtractor {

    /** Whether this extractor reads the file of that path (relative to the snapshot's root): from its name alone. */
    boolean reads(String path);

    /** The statements of the file, the places it cannot check, and the columns read from results by name. */
    ExtractionResult extract(SourceFile file);
}
