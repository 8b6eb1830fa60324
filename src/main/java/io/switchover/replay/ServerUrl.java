package io.switchover.replay;

import io.switchover.SwitchoverException;
import io.switchover.migrations.JdbcUrls;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A database server named by a JDBC URL ({@code jdbc:postgresql://host:port/db?params}), taken apart so that the
 * replay can name another database on the same server and so that no message ever shows a credential: the user and
 * password are taken out wherever the URL carries them ({@code //user:password@host}, {@code ?user=&password=},
 * {@code ;password=}), {@link #hosts()} and {@link #display()} hold neither, and {@link #toString()} is {@link
 * #display()}.
 *
 * @param scheme     {@code postgresql}, {@code mariadb} or {@code mysql}
 * @param hosts      {@code host:port} (or several, comma-separated, as the driver allows)
 * @param database   the database in the URL, empty when none is named
 * @param parameters the URL's parameters, {@code user} and {@code password} left out
 */
public record ServerUrl(String scheme, String hosts, String database, Map<String, String> parameters,
                        Optional<String> user, Optional<String> password) {

    public static ServerUrl parse(String url, String option) {
        String lower = url.toLowerCase(Locale.ROOT);
        int slashes = url.indexOf("://");
        if (!lower.startsWith("jdbc:") || slashes < 0) {
            throw SwitchoverException.badInput(option + ": '" + redact(url) + "' is not a JDBC server URL; write it"
                    + " as jdbc:postgresql://host:port/database or jdbc:mariadb://host:port/database");
        }
        String scheme = lower.substring("jdbc:".length(), slashes);
        String rest = url.substring(slashes + 3);
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@', Math.min(firstOf(rest, ';'), firstOf(rest, '(')));
        if (at >= 0) {
            String information = rest.substring(0, at);
            int colon = information.indexOf(':');
            user = decodeInformation(colon < 0 ? information : information.substring(0, colon));
            password = colon < 0 ? null : decodeInformation(information.substring(colon + 1));
            rest = rest.substring(at + 1);
        }
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            query = rest.substring(semicolon + 1).replace(';', '&') + (query.isEmpty() ? "" : "&" + query);
            rest = rest.substring(0, semicolon);
        }
        // MariaDB's address=(host=...)(port=...) may hold slashes of its own: the database follows the last ')'
        int slash = rest.indexOf('/', rest.lastIndexOf(')') + 1);
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key.toLowerCase(Locale.ROOT)) {
                case "user" -> user = value;
                case "password" -> password = value;
                default -> parameters.put(key, value);
            }
        }
        if (hosts.isBlank()) {
            throw SwitchoverException.badInput(option + ": " + scheme + " URL without a host; write it as jdbc:"
                    + scheme + "://host:port/database");
        }
        if (!JdbcUrls.withoutSecrets(hosts).equals(hosts)) {
            throw SwitchoverException.badInput(option + ": the host part of '" + redact(url) + "' carries more than"
                    + " host, port and type; give the user and password as user and password parameters,"
                    + " SWITCHOVER_ENGINE_USER/SWITCHOVER_ENGINE_PASSWORD or --engine-password-file");
        }
        return new ServerUrl(scheme, hosts, database, Map.copyOf(parameters), Optional.ofNullable(user),
                Optional.ofNullable(password));
    }

    /**
     * The same server with the driver's connect, login and read timeouts set to {@code timeout}, except where the
     * URL sets them itself: no connection to it waits longer for the server than that.
     */
    public ServerUrl withTimeout(Duration timeout) {
        Map<String, String> all = new LinkedHashMap<>();
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        long millis = Math.max(1, timeout.toMillis());
        if (scheme.equals("postgresql")) {
            all.put("connectTimeout", Long.toString(seconds));
            all.put("loginTimeout", Long.toString(seconds));
            all.put("socketTimeout", Long.toString(seconds));
        } else {
            // MariaDB: connectTimeout bounds the connect and every read of the login; socketTimeout every read after
            all.put("connectTimeout", Long.toString(millis));
            all.put("socketTimeout", Long.toString(millis));
        }
        parameters.keySet().forEach(given -> all.keySet().removeIf(own -> own.equalsIgnoreCase(given)));
        all.putAll(parameters);
        return new ServerUrl(scheme, hosts, database, Map.copyOf(all), user, password);
    }

    /** The URL of another database on the same server, with the same driver parameters and no credentials. */
    public String jdbcUrl(String otherDatabase, Map<String, String> extra) {
        StringBuilder url = new StringBuilder("jdbc:").append(scheme).append("://").append(hosts).append('/')
                .append(otherDatabase);
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.putAll(extra);
        char separator = '?';
        for (Map.Entry<String, String> parameter : all.entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    /** {@code scheme://hosts/database}: safe for any message. */
    public String display() {
        return scheme + "://" + hosts + "/" + database;
    }

    @Override
    public String toString() {
        return display();
    }

    /** The URL with every credential and every parameter value but harmless ones hidden, for a URL that could not be read. */
    static String redact(String url) {
        return JdbcUrls.withoutSecrets(url);
    }

    private static int firstOf(String text, char c) {
        int index = text.indexOf(c);
        return index < 0 ? text.length() : index;
    }

    /** Percent-decoding as for user information, where {@code +} is itself. */
    private static String decodeInformation(String value) {
        return decode(value.replace("+", "%2B"));
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
