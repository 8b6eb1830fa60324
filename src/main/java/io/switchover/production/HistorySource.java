package io.switchover.production;

import io.switchover.SwitchoverException;
import io.switchover.migrations.HistoryDatabaseReader;
import io.switchover.migrations.HistoryExport;
import io.switchover.migrations.HistoryTable;
import io.switchover.migrations.ProductionHistory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    public HistorySource(Map<String, String> environment, Optional<Path> passwordFile) {
        this.environment = environment;
        this.passwordFile = passwordFile;
    }

    public ProductionHistory read(String source, HistoryTable table, Path workingDirectory) {
        if (source.startsWith("jdbc:")) {
            return new HistoryDatabaseReader().read(source, environment.get(USER_VARIABLE), password(), table);
        }
        Path file = workingDirectory.resolve(source);
        if (!Files.isRegularFile(file)) {
            throw SwitchoverException.badInput("production history " + source + " is neither a jdbc: URL nor a file");
        }
        try {
            return HistoryExport.read(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot read " + file + ": " + e.getMessage());
        }
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
