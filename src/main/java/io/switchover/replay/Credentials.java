package io.switchover.replay;

import io.switchover.migrations.JdbcUrls;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * A login for a database server. The password is never part of a message: {@link #toString()} hides it, and {@link
 * #scrub(String)} removes it from driver messages that might echo it.
 *
 * @param user     empty to let the driver choose (the operating-system user)
 * @param password empty for none (trust or peer authentication)
 */
public record Credentials(Optional<String> user, Optional<String> password) {

    public static Credentials none() {
        return new Credentials(Optional.empty(), Optional.empty());
    }

    public static Credentials of(String user, String password) {
        return new Credentials(Optional.ofNullable(user), Optional.ofNullable(password));
    }

    Properties properties() {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        return properties;
    }

    String userLabel() {
        return user.map(u -> "user '" + u + "'").orElse("the default user");
    }

    /** The message without the password, as given or URL-encoded. */
    String scrub(String message) {
        if (message == null) {
            return "";
        }
        String scrubbed = message;
        if (password.isPresent() && !password.get().isEmpty()) {
            String p = password.get();
            scrubbed = scrubbed.replace(p, JdbcUrls.HIDDEN)
                    .replace(URLEncoder.encode(p, StandardCharsets.UTF_8), JdbcUrls.HIDDEN);
        }
        return scrubbed;
    }

    @Override
    public String toString() {
        return "Credentials[" + userLabel() + (password.isPresent() ? ", password ***" : "") + "]";
    }
}
