package io.switchover.migrations;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * URLs that carry a secret, in every shape a user may write one: user information ({@code //user:s@host}, Oracle's
 * {@code user/s@host}), {@code ?password=}, {@code &password=}, {@code ;password=}, MariaDB's {@code (password=)},
 * other secret-bearing parameters ({@code sessionVariables}, {@code options}, {@code sslpassword},
 * {@code trustStorePassword}, {@code password1}), keys in other cases or percent-encoded, and an HTTP endpoint's
 * {@code token}; the secret written as it is or percent-encoded, among harmless parameters.
 */
public final class SecretUrls {
    /** Characters a secret may hold as it is written in a URL (those that end a part are percent-encoded). */
    private static final String RAW = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!$*+:@/=,'";

    private SecretUrls() {
    }

    /**
     * A URL with a hole for the secret.
     *
     * @param host   what the user needs to see to know which server it is
     * @param engine whether it is a PostgreSQL or MariaDB server URL that {@code ServerUrl} reads
     */
    public record Shape(String form, Function<String, String> url, String host, boolean engine) {
        @Override
        public String toString() {
            return form + ": " + url.apply("<secret>");
        }
    }

    /** Two different secrets, written the same way (both as they are, or both percent-encoded). */
    public record Secrets(String first, String second) {
    }

    public static Arbitrary<Secrets> secrets() {
        Arbitrary<String> raw = Arbitraries.strings().withChars(RAW).ofMinLength(4).ofMaxLength(24).map(s -> "Zx" + s);
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(4).ofMaxLength(24)
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)))
                .map(s -> URLEncoder.encode("Zx" + s, StandardCharsets.UTF_8));
        return Arbitraries.oneOf(Combinators.combine(raw, raw).as(Secrets::new),
                Combinators.combine(any, any).as(Secrets::new)).filter(s -> !s.first().equals(s.second()));
    }

    public static Arbitrary<Shape> shapes() {
        Arbitrary<String> scheme = Arbitraries.of("postgresql", "mariadb");
        Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .map(h -> "db-" + h);
        Arbitrary<Integer> port = Arbitraries.integers().between(1, 65535);
        Arbitrary<String> database = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> harmless = Arbitraries.of("", "sslmode=require", "ApplicationName=gate", "connectTimeout=10",
                "user=gate", "tcpKeepAlive=true").list().ofMaxSize(3).map(list -> String.join("&",
                list.stream().filter(p -> !p.isEmpty()).toList()));
        Arbitrary<String> key = Arbitraries.of("password", "PASSWORD", "Password", "pass%77ord", "sslpassword",
                "trustStorePassword", "keyStorePassword", "password1", "options", "sessionVariables", "initSql",
                "token", "secret");
        Arbitrary<Integer> form = Arbitraries.integers().between(0, 8);
        return Combinators.combine(scheme, host, port, database, harmless, key, form)
                .as(SecretUrls::shape);
    }

    private static Shape shape(String scheme, String host, int port, String database, String harmless, String key,
                               int form) {
        String base = "jdbc:" + scheme + "://" + host + ":" + port + "/" + database;
        String extra = harmless.isEmpty() ? "" : "&" + harmless;
        String first = harmless.isEmpty() ? "" : harmless + "&";
        return switch (form) {
            case 0 -> new Shape("user information", s -> "jdbc:" + scheme + "://gate:" + s + "@" + host + ":" + port
                    + "/" + database + (harmless.isEmpty() ? "" : "?" + harmless), host, true);
            case 1 -> new Shape("first parameter", s -> base + "?" + key + "=" + s + extra, host, true);
            case 2 -> new Shape("later parameter", s -> base + "?" + first + key + "=" + s, host, true);
            case 3 -> new Shape("path parameter", s -> base + ";" + key + "=" + s
                    + (harmless.isEmpty() ? "" : "?" + harmless), host, true);
            case 4 -> new Shape("session variables", s -> base + "?" + first + "sessionVariables=tx_read_only=0,"
                    + key + "=" + s, host, true);
            case 5 -> new Shape("MariaDB address", s -> "jdbc:mariadb://address=(host=" + host + ")(port=" + port
                    + ")(" + key + "=" + s + ")/" + database, host, false);
            case 6 -> new Shape("Oracle thin", s -> "jdbc:oracle:thin:gate/" + s + "@" + host + ":" + port + "/"
                    + database, host, false);
            case 7 -> new Shape("HTTP endpoint", s -> "https://gate:" + s + "@" + host + "/actuator/info?" + key + "="
                    + s, host, false);
            default -> new Shape("H2-like", s -> "jdbc:h2:tcp://" + host + "/" + database + ";USER=gate;" + key + "="
                    + s + ";MODE=PostgreSQL", host, false);
        };
    }

    /** The forms of a secret that must not appear: as written, and decoded. */
    public static List<String> visibleForms(String secret) {
        return List.of(secret, java.net.URLDecoder.decode(secret.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
}
