package io.switchover.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One checkout the resolution survey reads: a service's name, its git directory (bare or not), the ref to read and the
 * source roots of the service inside it (empty: the whole snapshot but its tests).
 */
record SurveyEntry(String name, Path gitDir, String ref, List<String> sourceRoots) {

    SurveyEntry {
        sourceRoots = List.copyOf(sourceRoots);
    }

    /**
     * Reads a tab-separated list, one checkout a line: name, git dir, ref, source roots separated by commas (the last
     * column may be left out). Blank lines and lines starting with {@code #} are skipped; a relative git dir is
     * resolved against {@code base}.
     */
    static List<SurveyEntry> parse(List<String> lines, Path base) {
        List<SurveyEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 3 || columns[0].isBlank() || columns[1].isBlank() || columns[2].isBlank()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": want name, git dir, ref[, source roots]"
                        + " separated by tabs, got: " + line);
            }
            List<String> roots = columns.length > 3
                    ? Arrays.stream(columns[3].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                    : List.of();
            entries.add(new SurveyEntry(columns[0].strip(), base.resolve(columns[1].strip()), columns[2].strip(),
                    roots));
        }
        return entries;
    }
}
