package io.switchover.production;

import io.switchover.SwitchoverException;
import io.switchover.migrations.HistoryDatabaseReader;
import io.switchover.migrations.HistoryExport;
import io.switchover.migrations.HistoryTable;
import io.switchover.migrations.JdbcUrls;
import io.switchover.migrations.ProductionHistory;
import io.switchover.migrations.ProductionSchema;
import io.switchover.migrations.ProductionSchemaReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Production's history from what the user named: a JDBC URL (read-only; the user and password come from the
 * environment or a file, never from the command line) or an export file.
 */
public final class HistorySource {
    public static final String USER_VARIABLE = "SWITCHOVER_PROD_USER";
    public static final String PASSWORD_VARIABLE = "SWITCHOVER_PROD_PASSWORD";

    private final Map<String, String> environment;
    private final Optional<Path> passwordFile;
    private final Duration timeout;

    /**
     * @param timeout how long to wait for production's database: to connect, to log in, and for the answer
     */
    public HistorySource(Map<String, String> environment, Optional<Path> passwordFile, Duration timeout) {
        this.environment = environment;
        this.passwordFile = passwordFile;
        this.timeout = timeout;
    }

    public static boolean isDatabase(String source) {
        return source.startsWith("jdbc:");
    }

    public ProductionHistory read(String source, HistoryTable table, Path workingDirectory) {
        if (isDatabase(source)) {
            return new HistoryDatabaseReader().read(source, environment.get(USER_VARIABLE), password(), table,
                    timeout);
        }
        Path file = workingDirectory.resolve(source);
        if (!Files.isRegularFile(file)) {
            throw SwitchoverException.badInput("production history " + JdbcUrls.withoutSecrets(source)
                    + " is neither a jdbc: URL nor a file");
        }
        try {
            return HistoryExport.read(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * Production's schema from its catalog, over the same read-only connection and login as its history.
     *
     * @param table the history table: left out, and its schema (or the connection's) is the one read
     */
    public ProductionSchema readSchema(String url, HistoryTable table) {
        if (!isDatabase(url)) {
            throw SwitchoverException.badInput("production's schema is read from its database: give --prod-history a"
                    + " jdbc: URL");
        }
        return new ProductionSchemaReader().read(url, environment.get(USER_VARIABLE), password(), table, timeout);
    }

    /** Where the login for a database history comes from, for the report. */
    public String credentialsOrigin() {
        String user = environment.containsKey(USER_VARIABLE) ? USER_VARIABLE : "the URL or the driver's default";
        String password = passwordFile.isPresent() ? "--prod-password-file"
                : environment.containsKey(PASSWORD_VARIABLE) ? PASSWORD_VARIABLE : "none";
        return "user from " + user + ", password from " + password;
    }

    private String password() {
        if (passwordFile.isPresent()) {
            try {
                return Files.readString(passwordFile.get(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw SwitchoverException.badInput("cannot read the password file " + passwordFile.get() + ": "
                        + e.getMessage());
            }
        }
        return environment.get(PASSWORD_VARIABLE);
    }
}
