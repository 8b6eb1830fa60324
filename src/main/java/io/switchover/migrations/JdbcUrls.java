package io.switchover.migrations;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a JDBC (or HTTP) URL in messages without anything secret in it, whatever form the secret takes: the user
 * information before the host ({@code //user:password@host}, {@code thin:user/password@host}) is hidden, and so is
 * the value of every parameter ({@code ?k=v}, {@code &k=v}, {@code ;k=v}, {@code (k=v)}) but the few known to be
 * harmless, such as the port or the SSL mode. Keys stay visible, so that the user still sees which URL it is.
 */
public final class JdbcUrls {
    public static final String HIDDEN = "***";

    /** Parameters whose values say nothing secret; compared in lower case, after URL decoding. */
    private static final Set<String> SHOWN = Set.of("host", "port", "type", "ssl", "sslmode", "sslnegotiation",
            "gssencmode", "currentschema", "applicationname", "targetservertype", "loadbalancehosts", "stringtype",
            "connecttimeout", "logintimeout", "sockettimeout");
    private static final String PARAMETER_START = "?&;(";
    private static final String VALUE_END = "&;)#";
    private static final Pattern SCHEMES = Pattern.compile("^(?:jdbc:)?(?:[A-Za-z0-9_.+-]+:)+");
    private static final Pattern SCHEME = Pattern.compile("^jdbc:([A-Za-z0-9_.-]+):");

    private JdbcUrls() {
    }

    public static String withoutSecrets(String url) {
        return withoutParameterValues(withoutUserInformation(url));
    }

    /** The driver's name in the URL: {@code postgresql} of {@code jdbc:postgresql://...}, in lower case. */
    public static Optional<String> scheme(String url) {
        Matcher matcher = SCHEME.matcher(url);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Whether the URL carries a password: user information with one, or a parameter named like one. */
    public static boolean carriesPassword(String url) {
        int at = userInformationEnd(url);
        if (at >= 0) {
            int start = userInformationStart(url, at);
            boolean afterSlashes = start >= 2 && url.startsWith("//", start - 2);
            // user:password@host, or, without slashes (Oracle's thin URLs), user/password@host
            if (url.substring(start, at).matches(afterSlashes ? ".*:.*" : ".*[:/].*")) {
                return true;
            }
        }
        for (int i = 0; i < url.length(); i++) {
            if (PARAMETER_START.indexOf(url.charAt(i)) >= 0) {
                int eq = keyEnd(url, i + 1);
                if (eq < url.length() && url.charAt(eq) == '=') {
                    String key = decode(url.substring(i + 1, eq)).toLowerCase(Locale.ROOT);
                    if (key.contains("password") || key.equals("pwd")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String withoutUserInformation(String url) {
        int at = userInformationEnd(url);
        if (at < 0) {
            return url;
        }
        return url.substring(0, userInformationStart(url, at)) + HIDDEN + url.substring(at);
    }

    /** The last {@code @} before the parameters begin ({@code ?}, {@code ;} or MariaDB's {@code (}), or -1. */
    private static int userInformationEnd(String url) {
        int parameters = url.length();
        for (char c : new char[] {'?', ';', '('}) {
            int index = url.indexOf(c);
            if (index >= 0) {
                parameters = Math.min(parameters, index);
            }
        }
        return url.lastIndexOf('@', parameters - 1);
    }

    /**
     * Where the user information before {@code at} begins: after the scheme and sub-protocols ({@code jdbc:postgresql:},
     * {@code jdbc:oracle:thin:}, {@code https:}) and the {@code //} that may follow them.
     */
    private static int userInformationStart(String url, int at) {
        Matcher prefix = SCHEMES.matcher(url);
        int start = prefix.find() && prefix.end() <= at ? prefix.end() : 0;
        return url.startsWith("//", start) && start + 2 <= at ? start + 2 : start;
    }

    private static String withoutParameterValues(String url) {
        StringBuilder out = new StringBuilder(url.length());
        int i = 0;
        while (i < url.length()) {
            char c = url.charAt(i);
            out.append(c);
            i++;
            if (PARAMETER_START.indexOf(c) < 0) {
                continue;
            }
            int eq = keyEnd(url, i);
            if (eq >= url.length() || url.charAt(eq) != '=') {
                continue;
            }
            String key = url.substring(i, eq);
            int end = eq + 1;
            while (end < url.length() && VALUE_END.indexOf(url.charAt(end)) < 0) {
                end++;
            }
            out.append(key).append('=');
            out.append(SHOWN.contains(decode(key).toLowerCase(Locale.ROOT)) ? url.substring(eq + 1, end) : HIDDEN);
            i = end;
        }
        return out.toString();
    }

    /** The end of a parameter key starting at {@code from}: the first character that cannot be part of one. */
    private static int keyEnd(String url, int from) {
        int end = from;
        while (end < url.length() && "=?&;()#/".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
