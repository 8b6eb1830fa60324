package io.switchover.replay;

import io.switchover.SwitchoverException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The login for a server engine: the user from the URL, else {@value #USER_VARIABLE}; the password from the password
 * file, else the URL, else {@value #PASSWORD_VARIABLE}.
 */
final class ServerLogin {
    static final String USER_VARIABLE = "SWITCHOVER_ENGINE_USER";
    static final String PASSWORD_VARIABLE = "SWITCHOVER_ENGINE_PASSWORD";

    private ServerLogin() {
    }

    static Credentials of(ServerUrl url, Optional<Path> passwordFile, Map<String, String> environment) {
        Optional<String> user = url.user().or(() -> Optional.ofNullable(environment.get(USER_VARIABLE)));
        Optional<String> password = url.password();
        if (passwordFile.isPresent()) {
            try {
                password = Optional.of(Files.readString(passwordFile.get(), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw SwitchoverException.badInput("--engine-password-file: cannot read " + passwordFile.get());
            }
        } else if (password.isEmpty()) {
            password = Optional.ofNullable(environment.get(PASSWORD_VARIABLE));
        }
        return new Credentials(user, password);
    }
}
