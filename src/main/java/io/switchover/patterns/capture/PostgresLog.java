package io.switchover.patterns.capture;

import io.switchover.patterns.capture.CapturedSqlReader.CapturedStatement;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the statements of a PostgreSQL server log written with {@code log_statement = 'all'} or
 * {@code log_min_duration_statement = 0}: {@code LOG:  statement: ...} for the simple protocol and
 * {@code LOG:  execute <name>: ...} for prepared statements (with or without a {@code duration: ... ms} prefix). A
 * statement continues on the following lines that start with a tab or space. {@code parse} and {@code bind} lines
 * repeat what {@code execute} logs, and {@code STATEMENT:} lines repeat a statement that failed; both are skipped.
 */
final class PostgresLog {
    private static final Pattern STATEMENT = Pattern.compile(
            "LOG:\\s+(?:duration:\\s+[\\d.]+\\s+ms\\s+)?(?:statement|execute\\s+[^:]+):\\s?(.*)$");

    private PostgresLog() {
    }

    static void read(String text, List<CapturedStatement> out) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (current != null && (line.startsWith("\t") || line.startsWith(" "))) {
                current.append('\n').append(line.startsWith("\t") ? line.substring(1) : line);
                continue;
            }
            if (current != null) {
                out.add(new CapturedStatement(current.toString(), start));
                current = null;
            }
            Matcher matcher = STATEMENT.matcher(line);
            if (matcher.find()) {
                current = new StringBuilder(matcher.group(1));
                start = i + 1;
            }
        }
        if (current != null) {
            out.add(new CapturedStatement(current.toString(), start));
        }
    }
}
