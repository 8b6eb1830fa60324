package io.switchover.replay;

import io.switchover.SwitchoverException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A database server named by a JDBC URL ({@code jdbc:postgresql://host:port/db?params}), taken apart so that the
 * replay can name another database on the same server and so that no message ever shows a credential: {@link
 * #display()} has neither user nor password, and {@link #toString()} is {@link #display()}.
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
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        Map<String, String> parameters = new LinkedHashMap<>();
        String user = null;
        String password = null;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
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
        return new ServerUrl(scheme, hosts, database, Map.copyOf(parameters), Optional.ofNullable(user),
                Optional.ofNullable(password));
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

    /** The URL with every parameter value hidden, for a message about a URL that could not even be read. */
    static String redact(String url) {
        int question = url.indexOf('?');
        return question < 0 ? url : url.substring(0, question) + "?...";
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
