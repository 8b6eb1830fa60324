package io.switchover.replay;

import io.switchover.migrations.AppliedMigration;
import io.switchover.migrations.Batch;
import io.switchover.migrations.FlywaySettings;
import io.switchover.migrations.ProductionSchema;
import io.switchover.migrations.ProductionState;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What determines production's schema (S0) on a replay engine, and so names a cached baseline: the tool's build, the
 * engine and its version, production's Flyway settings (placeholders included), its history (order, checksums) and the
 * full text of each migration it applied, or the exported schema when {@code --prod-schema} stands for them. Any change
 * of any of these is another key: a cached S0 is never reused for a production that may differ.
 *
 * @param text   the material hashed, one fact a line (kept to tell a collision from a hit)
 * @param digest SHA-256 of {@code text}, hex
 */
public record BaselineKey(String text, String digest) {
    private static final String FORMAT = "switchover-baseline 1";

    /**
     * The key of production's S0 in the batch on an engine described as {@code engine}; empty, with the reason, when
     * S0 is not worth caching safely: Java migrations run code whose effects the key cannot cover.
     */
    public static Optional<BaselineKey> of(Batch batch, String engine, String tool) {
        return of(batch, engine, List.of(), tool);
    }

    /**
     * As {@link #of(Batch, String, String)}, with what else decides S0 on the replay's database
     * ({@link ReplayDatabase#baselineFacts}).
     */
    public static Optional<BaselineKey> of(Batch batch, String engine, List<String> facts, String tool) {
        ProductionState production = batch.production();
        if (!production.javaMigrations().isEmpty() && production.schema().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        line(text, "tool", tool);
        line(text, "engine", engine);
        facts.forEach(fact -> line(text, "replay", fact));
        FlywaySettings settings = production.settings();
        line(text, "locations", String.join(",", settings.locations()));
        line(text, "placeholders", new TreeMap<>(settings.placeholders()).toString());
        line(text, "placeholder-syntax", settings.placeholderPrefix() + " " + settings.placeholderSuffix() + " "
                + settings.placeholderReplacement());
        line(text, "table", settings.table());
        line(text, "schemas", String.join(",", settings.schemas()));
        line(text, "naming", settings.sqlMigrationPrefix() + " " + settings.repeatableSqlMigrationPrefix() + " "
                + settings.sqlMigrationSeparator() + " " + String.join(",", settings.sqlMigrationSuffixes()));
        line(text, "out-of-order", String.valueOf(settings.outOfOrder()));
        for (AppliedMigration row : production.history().rows()) {
            line(text, "applied", row.rank() + " " + row.version() + " " + row.type() + " " + row.script() + " "
                    + row.checksum() + " " + row.success());
        }
        if (production.schema().isPresent()) {
            ProductionSchema schema = production.schema().get();
            line(text, "schema", schema.dialect() + " " + schema.source() + " " + sha256(schema.script()));
        } else {
            production.texts().forEach(script -> line(text, "script", sha256(script)));
        }
        return Optional.of(new BaselineKey(text.toString(), sha256(text.toString())));
    }

    /** The first characters of the digest, enough to tell entries apart in names and notes. */
    public String shortDigest() {
        return digest.substring(0, 16);
    }

    private static void line(StringBuilder text, String name, String value) {
        // A line break inside a value could forge another line: escape it.
        text.append(name).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    }

    static String sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
