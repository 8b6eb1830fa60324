package io.switchover.migrations;

import io.switchover.SwitchoverException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Production's schema as DDL read from its catalog ({@code switchover snapshot-prod --schema}): what the replay can
 * start from instead of replaying production's history, exact where the history is not (Java migrations, hot-fixes,
 * drift). The file is a SQL script with a header of {@code --} lines naming its dialect and source.
 *
 * @param dialect    {@link #POSTGRESQL} or {@link #MARIADB}
 * @param source     where it was read, without secrets
 * @param statements the DDL, in the order it loads; a MariaDB routine or trigger comes in its own DELIMITER block
 * @param notes      what the export does not carry
 */
public record ProductionSchema(String dialect, String source, List<String> statements, List<String> notes) {
    public static final String POSTGRESQL = "postgresql";
    public static final String MARIADB = "mariadb";
    static final String HEADER = "-- switchover production schema";
    /** Larger than any real schema's DDL, small enough to hold in memory. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    public ProductionSchema {
        statements = List.copyOf(statements);
        notes = List.copyOf(notes);
    }

    /** The script as {@code snapshot-prod --schema} writes it. */
    public String toSql() {
        StringBuilder sql = new StringBuilder(HEADER).append('\n');
        sql.append("-- dialect: ").append(dialect).append('\n');
        sql.append("-- source: ").append(source.replace('\n', ' ')).append('\n');
        for (String note : notes) {
            sql.append("-- note: ").append(note.replace('\n', ' ')).append('\n');
        }
        sql.append('\n');
        for (String statement : statements) {
            sql.append(statement);
            if (!statement.startsWith("DELIMITER")) {
                sql.append(';');
            }
            sql.append("\n\n");
        }
        return sql.toString();
    }

    /** The script of a file {@code snapshot-prod --schema} wrote, for the replay to load. */
    public static ProductionSchema read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw SwitchoverException.badInput(file + " is over " + MAX_BYTES / (1024 * 1024) + " MB: not a"
                        + " schema export of switchover snapshot-prod --schema");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot read the production schema " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static ProductionSchema parse(String text, String name) {
        List<String> lines = text.lines().limit(200).toList();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw SwitchoverException.badInput(name + " is not a schema export of switchover snapshot-prod --schema"
                    + " (its first line is not '" + HEADER + "')");
        }
        Optional<String> dialect = header(lines, "dialect");
        if (dialect.isEmpty() || !List.of(POSTGRESQL, MARIADB).contains(dialect.get())) {
            throw SwitchoverException.badInput(name + ": its header names no dialect (postgresql or mariadb)");
        }
        List<String> notes = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("-- note: ")) {
                notes.add(line.substring("-- note: ".length()));
            }
        }
        return new ProductionSchema(dialect.get(), header(lines, "source").orElse(name), List.of(text), notes);
    }

    /** The whole script, header included, as one text for Flyway's parser. */
    public String script() {
        return statements.size() == 1 && statements.get(0).startsWith(HEADER) ? statements.get(0) : toSql();
    }

    private static Optional<String> header(List<String> lines, String key) {
        String prefix = "-- " + key + ": ";
        return lines.stream().takeWhile(l -> l.startsWith("--")).filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).strip()).findFirst();
    }
}
