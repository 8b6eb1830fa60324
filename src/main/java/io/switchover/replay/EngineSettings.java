package io.switchover.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What opening a replay engine may take besides its name ({@link ReplayEngines#open(String, EngineSettings)}); each
 * engine reads only its own.
 *
 * @param url          a server engine's server, a JDBC URL ({@code --engine-url}); the other engines refuse one
 * @param passwordFile a file holding the server's password ({@code --engine-password-file})
 * @param image        the Testcontainers engine's PostgreSQL image ({@code --image})
 * @param leftoverAge  how old a database an earlier run left on a server must be to be dropped ({@code
 *                     --leftover-age}); asked for by a server engine only, once its URL and login are read
 * @param timeout      how long a server may take to accept a connection, to log in and to answer
 *                     ({@code --engine-timeout})
 * @param dialect      the project's declared SQL dialect, which {@code auto} follows
 * @param environment  where a server's user and password may come from
 */
public record EngineSettings(Optional<String> url, Optional<Path> passwordFile, String image,
                             Supplier<Duration> leftoverAge, Duration timeout, Optional<String> dialect,
                             Map<String, String> environment) {
}
