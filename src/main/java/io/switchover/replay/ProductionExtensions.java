package io.switchover.replay;

import io.switchover.timeline.DatabaseError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL extensions production's database has although its migrations never create them: an administrator, the
 * database image or a template installed PostGIS, {@code uuid-ossp} or {@code pg_trgm} before the first migration
 * ran. A migration then uses a type, function or operator class of the extension, and a fresh replay database fails
 * on it where production did not. The failure names what is missing; this class says which extension provides it,
 * whether the replay server has that extension, and creates it on a fresh database before production is replayed.
 */
final class ProductionExtensions {
    /** What a migration used and the extension that provides it. */
    record Missing(String extension, String used) {
        String describe() {
            return used + " (extension " + extension + ")";
        }
    }

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("geometry", "postgis"), Map.entry("geography", "postgis"), Map.entry("box2d", "postgis"),
            Map.entry("box3d", "postgis"), Map.entry("raster", "postgis_raster"), Map.entry("hstore", "hstore"),
            Map.entry("citext", "citext"), Map.entry("ltree", "ltree"), Map.entry("lquery", "ltree"),
            Map.entry("cube", "cube"), Map.entry("earth", "earthdistance"), Map.entry("isbn", "isn"),
            Map.entry("ean13", "isn"), Map.entry("vector", "vector"), Map.entry("halfvec", "vector"));

    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("uuid_generate_v1", "uuid-ossp"), Map.entry("uuid_generate_v1mc", "uuid-ossp"),
            Map.entry("uuid_generate_v3", "uuid-ossp"), Map.entry("uuid_generate_v4", "uuid-ossp"),
            Map.entry("uuid_generate_v5", "uuid-ossp"), Map.entry("uuid_nil", "uuid-ossp"),
            Map.entry("crypt", "pgcrypto"), Map.entry("gen_salt", "pgcrypto"), Map.entry("digest", "pgcrypto"),
            Map.entry("hmac", "pgcrypto"), Map.entry("pgp_sym_encrypt", "pgcrypto"),
            Map.entry("gen_random_bytes", "pgcrypto"), Map.entry("similarity", "pg_trgm"),
            Map.entry("word_similarity", "pg_trgm"), Map.entry("unaccent", "unaccent"),
            Map.entry("earth_distance", "earthdistance"), Map.entry("ll_to_earth", "earthdistance"));

    private static final Map<String, String> OPERATOR_CLASSES = Map.of(
            "gin_trgm_ops", "pg_trgm", "gist_trgm_ops", "pg_trgm", "gin_hstore_ops", "hstore",
            "gist_geometry_ops_2d", "postgis");

    private static final Pattern TYPE = Pattern.compile("type \"(?:[^\"]*\\.)?([^\".]+)\" does not exist");
    private static final Pattern FUNCTION = Pattern.compile("function (?:[\\w\"]+\\.)?\"?(\\w+)\"?\\(");
    private static final Pattern NOT_INSTALLED = Pattern.compile(
            "extension \"([^\"]+)\" is not available|could not open extension control file \"[^\"]*/([^/\"]+)\\.control\"");
    private static final Pattern OPERATOR_CLASS = Pattern.compile("operator class \"(\\w+)\" does not exist");

    private ProductionExtensions() {
    }

    /** The extension whose absence the database's complaint shows, if it is one this class knows. */
    static Optional<Missing> explain(DatabaseError error) {
        if (error == null || error.message() == null || !"42704".equals(error.sqlState())
                && !"42883".equals(error.sqlState())) {
            return Optional.empty();
        }
        String message = error.message();
        Optional<Missing> found = lookUp(TYPE.matcher(message), TYPES, "type ");
        if (found.isEmpty() && "42883".equals(error.sqlState()) && message.contains("does not exist")) {
            found = lookUp(FUNCTION.matcher(message), FUNCTIONS, "function ");
            if (found.isEmpty()) {
                Matcher postgis = FUNCTION.matcher(message);
                if (postgis.find() && postgis.group(1).toLowerCase(Locale.ROOT).startsWith("st_")) {
                    found = Optional.of(new Missing("postgis", "function " + postgis.group(1)));
                }
            }
        }
        if (found.isEmpty()) {
            found = lookUp(OPERATOR_CLASS.matcher(message), OPERATOR_CLASSES, "operator class ");
        }
        return found;
    }

    /**
     * The extension a migration's {@code CREATE EXTENSION} asked for that the database has no files of
     * ({@code extension "postgis" is not available}, or before PostgreSQL 15 {@code could not open extension control
     * file ".../postgis.control"}): the replay server lacks what production has, which no input can mend.
     */
    static Optional<String> notInstalled(String complaint) {
        Matcher found = NOT_INSTALLED.matcher(complaint);
        return found.find() ? Optional.of(found.group(1) != null ? found.group(1) : found.group(2)) : Optional.empty();
    }

    /** What to do about an extension a migration creates that {@code db}'s server has no files of. */
    static String notInstalledOn(ReplayDatabase db) {
        return "which " + db.description() + " does not have installed: replay on a server that has it (--engine"
                + " postgres --engine-url <server>; on Debian, the package postgresql-<major>-<extension> or its like),"
                + " or --engine testcontainers --image <an image that has it>";
    }

    private static Optional<Missing> lookUp(Matcher matcher, Map<String, String> known, String kind) {
        if (!matcher.find()) {
            return Optional.empty();
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        String extension = known.get(name);
        return extension == null ? Optional.empty() : Optional.of(new Missing(extension, kind + name));
    }

    /** Whether the replay server could create the extension (its files are installed there). */
    static boolean available(Connection connection, String extension) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM pg_available_extensions WHERE name = ?")) {
            query.setString(1, extension);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void create(Connection connection, String extension) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS \"" + extension.replace("\"", "\"\"") + "\"");
        }
    }
}
