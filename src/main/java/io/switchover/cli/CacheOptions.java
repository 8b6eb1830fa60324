package io.switchover.cli;

import io.switchover.SwitchoverException;
import io.switchover.patterns.ExtractionCache;
import io.switchover.replay.BaselineCache;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where production's schema (S0) is kept between checks ({@code @Mixin CacheOptions cache;}): {@code --cache-dir}, else
 * {@code SWITCHOVER_CACHE_DIR}, else the {@code switchover.cache.dir} system property, else
 * {@code $XDG_CACHE_HOME/switchover} or {@code ~/.cache/switchover}; {@code none} there, or {@code --no-cache}, turns it
 * off.
 */
public final class CacheOptions {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)b?", Pattern.CASE_INSENSITIVE);

    @Option(names = "--cache-dir", paramLabel = "<dir>",
            description = "Keep production's schema (S0) here between checks, so that a check while production stays"
                    + " as it was replays only the batch (on H2 a script; on a PostgreSQL server a template database),"
                    + " and the SQL found in each version's files, read again only when a file changes."
                    + " Default: SWITCHOVER_CACHE_DIR, else $XDG_CACHE_HOME/switchover or ~/.cache/switchover.")
    Path directory;

    @Option(names = "--no-cache", description = "Replay production's migrations and read every file every time; keep nothing.")
    boolean off;

    @Option(names = "--cache-size", paramLabel = "<size>", defaultValue = "1g",
            description = "How much the cache folder may hold (e.g. 500m, 2g): three quarters for baselines, a"
                    + " quarter for the SQL found; the least recently used go first. Default: ${DEFAULT-VALUE}.")
    String size;

    /** The cache these options name. */
    public Caches open() {
        return open(System.getenv(), System.getProperty("switchover.cache.dir"), System.getProperty("user.home"));
    }

    Caches open(Map<String, String> environment, String property, String home) {
        long bound = parseSize(size);
        return folder(environment, property, home)
                // Production's schemas are the larger part, and the slower to make again.
                .map(folder -> new Caches(BaselineCache.at(folder, bound - bound / 4),
                        ExtractionCache.at(folder, bound / 4)))
                .orElseGet(() -> new Caches(BaselineCache.none(), ExtractionCache.none()));
    }

    private Optional<Path> folder(Map<String, String> environment, String property, String home) {
        if (off) {
            return Optional.empty();
        }
        String named = directory != null ? directory.toString()
                : firstOf(environment.get("SWITCHOVER_CACHE_DIR"), property);
        if (named != null) {
            return named.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(Path.of(named));
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache");
        return Optional.of(base.resolve("switchover"));
    }

    /**
     * The two kinds of entry the folder holds: production's schemas (three quarters of the size bound) and what the
     * scans of service versions found (a quarter).
     */
    public record Caches(BaselineCache baselines, ExtractionCache extractions) {
        public boolean enabled() {
            return baselines.enabled() || extractions.enabled();
        }
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isBlank() ? first : second != null && !second.isBlank() ? second : null;
    }

    static long parseSize(String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw SwitchoverException.badInput("--cache-size: '" + text + "' is not a size such as 500m or 2g");
        }
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> number << 10;
            case "m" -> number << 20;
            case "g" -> number << 30;
            default -> number;
        };
    }
}
