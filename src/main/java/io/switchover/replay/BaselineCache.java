package io.switchover.replay;

import io.switchover.ToolBuild;
import io.switchover.migrations.Batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Production's schema (S0) kept between checks, so that a check replays only the batch while production stays as it
 * was: on H2 as a script under a cache directory ({@link H2ScriptBaselines}), on a PostgreSQL server as a template
 * database ({@link TemplateBaselines}); elsewhere not at all, and the report says so. An entry is found only by its
 * {@link BaselineKey}, and one that fails its checks is thrown away and made again: a stale or damaged S0 reused would
 * be worse than a slow check.
 */
public final class BaselineCache {
    /** Templates a server keeps at most (each a few MB); the oldest goes first. */
    static final int TEMPLATES_PER_SERVER = 8;

    private final Optional<H2ScriptBaselines> scripts;
    private final boolean templates;
    private final String tool;
    /** A cache of one check ({@link ScratchBaseline}): it says nothing in the report, and never keeps templates. */
    private final boolean quiet;
    /** The probes' outcomes at each production's S0 this cache has seen, by baseline key. */
    private final Map<String, S0Probes> probes = new java.util.concurrent.ConcurrentHashMap<>();

    private BaselineCache(Optional<H2ScriptBaselines> scripts, boolean templates, String tool, boolean quiet) {
        this.scripts = scripts;
        this.templates = templates;
        this.tool = tool;
        this.quiet = quiet;
    }

    /** No cache: every check replays production's migrations ({@code --no-cache}, and the library's default). */
    public static BaselineCache none() {
        return new BaselineCache(Optional.empty(), false, "", false);
    }

    /** Scripts under {@code directory}, at most {@code maxBytes} of them, and templates on servers. */
    public static BaselineCache at(Path directory, long maxBytes) {
        return new BaselineCache(Optional.of(new H2ScriptBaselines(directory, maxBytes)), true, ToolBuild.current(),
                false);
    }

    /** Scripts of S0 on H2 under {@code directory} for the replays of one check, which the report does not mention. */
    static BaselineCache quietScripts(Path directory) {
        return new BaselineCache(Optional.of(new H2ScriptBaselines(directory, Long.MAX_VALUE)), false,
                ToolBuild.current(), true);
    }

    /** The same cache as another build of the tool would see it (tests). */
    BaselineCache asTool(String build) {
        return new BaselineCache(scripts, templates, build, quiet);
    }

    public boolean enabled() {
        return scripts.isPresent() || templates;
    }

    /**
     * Brings the fresh {@code db} to production's S0 from the cache when it holds it. The answer says whether it did,
     * and on a miss stores S0 once the caller has built it.
     */
    Lookup lookup(ReplayDatabase db, Batch batch) {
        if (!enabled()) {
            return Lookup.off();
        }
        Lookup found = find(db, batch);
        return quiet ? found.quietly() : found;
    }

    private Lookup find(ReplayDatabase db, Batch batch) {
        Optional<BaselineStore> store = storeFor(db);
        if (store.isEmpty()) {
            return Lookup.skipped("S0 not cached on " + db.description() + " (a baseline is kept on H2 and on a"
                    + " PostgreSQL server only); production's migrations were replayed");
        }
        Optional<BaselineKey> key = BaselineKey.of(batch, db.description(), db.baselineFacts(batch), tool);
        if (key.isEmpty()) {
            return Lookup.skipped("S0 not cached: production has Java migrations, whose effects its history cannot"
                    + " vouch for; production's migrations were replayed");
        }
        return store.get().restore(db, key.get(), batch.production().size());
    }

    /**
     * The probes' outcomes known at production's S0 of the batch on {@code db}: those of the replays before in this
     * process, and those kept in the cache's entry for that S0 (H2). Empty, and not kept, when S0 has no key.
     */
    S0Probes probes(ReplayDatabase db, Batch batch) {
        Optional<BaselineKey> key = BaselineKey.of(batch, db.description(), db.baselineFacts(batch), tool);
        if (key.isEmpty()) {
            return S0Probes.of("");
        }
        return probes.computeIfAbsent(key.get().digest(), digest -> probeFile(db, digest)
                .map(file -> S0Probes.read(file, digest)).orElseGet(() -> S0Probes.of(digest)));
    }

    /** Keeps what the probes added in the cache's entry for that S0, where there is one. */
    void probed(ReplayDatabase db, S0Probes outcomes) {
        if (!outcomes.added()) {
            return;
        }
        Optional<Path> file = probeFile(db, outcomes.baseline());
        if (file.isPresent()) {
            try {
                outcomes.write(file.get());
            } catch (java.io.IOException e) {
                // the next check probes them again
            }
        }
    }

    private Optional<Path> probeFile(ReplayDatabase db, String digest) {
        return storeFor(db).filter(H2ScriptBaselines.class::isInstance)
                .flatMap(store -> ((H2ScriptBaselines) store).probeFile(digest));
    }

    private Optional<BaselineStore> storeFor(ReplayDatabase db) {
        if (templates && db.templates().isPresent()) {
            return Optional.of(new TemplateBaselines(db.templates().get(), TEMPLATES_PER_SERVER));
        }
        if (db.url().startsWith("jdbc:h2:")) {
            return scripts.map(BaselineStore.class::cast);
        }
        return Optional.empty();
    }

    /** Where cached baselines are kept. */
    interface BaselineStore {
        /** Restores S0 into {@code db} when an entry of {@code key} is there and sound; else a miss that stores. */
        Lookup restore(ReplayDatabase db, BaselineKey key, int migrations);
    }

    /** What a lookup found, and how to store S0 after a miss. */
    static final class Lookup {
        private final boolean hit;
        private final Map<String, Set<String>> adapted;
        private final List<String> notes;
        private final Saver saver;

        Lookup(boolean hit, Map<String, Set<String>> adapted, List<String> notes, Saver saver) {
            this.hit = hit;
            this.adapted = adapted;
            this.notes = notes;
            this.saver = saver;
        }

        /** The same lookup, which says nothing of what it found or stored. */
        Lookup quietly() {
            return new Lookup(hit, adapted, List.of(), (db, scripts) -> {
                saver.save(db, scripts);
                return List.of();
            });
        }

        static Lookup off() {
            return new Lookup(false, Map.of(), List.of(), (db, adapted) -> List.of());
        }

        static Lookup skipped(String note) {
            return new Lookup(false, Map.of(), List.of(note), (db, adapted) -> List.of());
        }

        /** Whether the database is at S0 now. */
        boolean hit() {
            return hit;
        }

        /** The rewriting of production's scripts for the engine the cached S0 was made with, for the report. */
        Map<String, Set<String>> adapted() {
            return adapted;
        }

        List<String> notes() {
            return notes;
        }

        /** After a miss: stores {@code db}, now at S0, and says what became of it (notes beside {@link #notes()}). */
        List<String> save(ReplayDatabase db, Map<String, Set<String>> adaptedScripts) {
            return saver.save(db, adaptedScripts);
        }
    }

    @FunctionalInterface
    interface Saver {
        List<String> save(ReplayDatabase db, Map<String, Set<String>> adapted);
    }
}
