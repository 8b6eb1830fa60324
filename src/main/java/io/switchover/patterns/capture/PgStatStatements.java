package io.switchover.patterns.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchover.patterns.capture.CapturedSqlReader.CaptureFormatException;
import io.switchover.patterns.capture.CapturedSqlReader.CapturedStatement;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code pg_stat_statements} export: CSV with a header that names a {@code query} column (what
 * {@code \copy ... CSV HEADER} writes, quoted fields spanning lines included), or a JSON array of objects with a
 * {@code query} member (what {@code json_agg} or a monitoring tool writes).
 */
final class PgStatStatements {

    private PgStatStatements() {
    }

    static void readCsv(String text, List<CapturedStatement> out) throws CaptureFormatException {
        List<Row> rows = csvRows(text);
        if (rows.isEmpty()) {
            return;
        }
        List<String> header = rows.get(0).fields();
        int query = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals("query")) {
                query = i;
            }
        }
        if (query < 0) {
            throw new CaptureFormatException("no 'query' column in the CSV header " + header);
        }
        for (Row row : rows.subList(1, rows.size())) {
            if (query < row.fields().size()) {
                out.add(new CapturedStatement(row.fields().get(query), row.line()));
            }
        }
    }

    private record Row(List<String> fields, int line) {
    }

    /** RFC 4180: fields in double quotes may hold commas, line breaks and doubled quotes. */
    private static List<Row> csvRows(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    rows.add(new Row(List.copyOf(fields), rowLine));
                }
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            rows.add(new Row(List.copyOf(fields), rowLine));
        }
        return rows;
    }

    static void readJson(String text, List<CapturedStatement> out) throws CaptureFormatException {
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new CaptureFormatException("expected a JSON array of objects with a 'query' member");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                int line = parser.currentTokenLocation().getLineNr();
                while ((token = parser.nextToken()) != JsonToken.END_OBJECT && token != null) {
                    String member = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("query".equals(member) && value == JsonToken.VALUE_STRING) {
                        out.add(new CapturedStatement(parser.getText(), line));
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CaptureFormatException("not valid JSON (" + message.lines().findFirst().orElse("") + ")");
        }
    }
}
