package io.switchover.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One checkout the resolution survey reads: a service's name, its git directory (bare or not), the ref to read, the
 * source roots of the service inside it (empty: the whole snapshot but its tests) and its migrations' locations as
 * {@code --migrations} gives them (empty: where Flyway finds them without).
 */
record SurveyEntry(String name, Path gitDir, String ref, List<String> sourceRoots, List<String> migrations) {

    SurveyEntry {
        sourceRoots = List.copyOf(sourceRoots);
        migrations = List.copyOf(migrations);
    }

    /**
     * Reads a tab-separated list, one checkout a line: name, git dir, ref, source roots and migration locations, each
     * of the last two separated by commas (either may be left out from the end). Blank lines and lines starting with {@code #} are skipped; a relative git dir is
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
            entries.add(new SurveyEntry(columns[0].strip(), base.resolve(columns[1].strip()), columns[2].strip(),
                    commaList(columns, 3), commaList(columns, 4)));
        }
        return entries;
    }

    private static List<String> commaList(String[] columns, int column) {
        return columns.length > column
                ? Arrays.stream(columns[column].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
    }
}
