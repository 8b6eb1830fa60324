package io.switchover.config;

import io.switchover.SwitchoverException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the candidate's tree may say. A merge request controls that tree, so its {@code switchover.yml} may carry the
 * project's facts (locations, placeholders, order, engine, dialect, naming, the services' names and sources, rules)
 * but nothing that says where production is or how to reach it, which version counts as production, or a path that
 * leads out of the tree: those come from the pipeline's side (the command line, the environment, a file named with
 * {@code --config} outside the tree), unless the user trusts the repository's file with {@code --trust-repo-config}.
 */
public final class TrustBoundary {
    public static final String OPT_IN = "--trust-repo-config";

    private final Path tree;
    private final boolean repositoryTrusted;

    /**
     * @param candidateTree     the folder the candidate is read from: the {@code --candidate} directory, or the
     *                          repository whose commit or working tree it is
     * @param repositoryTrusted whether the user passed {@value #OPT_IN}
     */
    public TrustBoundary(Path candidateTree, boolean repositoryTrusted) {
        this.tree = real(candidateTree);
        this.repositoryTrusted = repositoryTrusted;
    }

    public boolean repositoryTrusted() {
        return repositoryTrusted;
    }

    /** Whether a file lies inside the candidate's tree (symbolic links followed), so that the merge request wrote it. */
    public boolean insideTree(Path file) {
        return real(file).startsWith(tree);
    }

    /**
     * Refuses the repository's file when it says anything that reaches production, naming the first such key with
     * its file and line and what to do instead; a trusted file passes.
     */
    public void check(SwitchoverConfig repository) {
        if (repositoryTrusted) {
            return;
        }
        for (Map.Entry<String, ConfigPlace> entry : repository.places().entrySet()) {
            refusal(entry.getKey(), repository).ifPresent(reason -> {
                throw refused(entry.getValue(), reason);
            });
        }
    }

    /** Refuses one value of the repository's file that is about to be used to reach production (unless trusted). */
    public void requireTrusted(String key, SwitchoverConfig repository) {
        if (repositoryTrusted) {
            return;
        }
        repository.place(key).ifPresent(place -> refusal(key, repository).ifPresent(reason -> {
            throw refused(place, reason);
        }));
    }

    private static SwitchoverException refused(ConfigPlace place, String reason) {
        return SwitchoverException.badInput(place + ": " + reason + ", or pass " + OPT_IN
                + " to accept the repository's switchover.yml as it is");
    }

    /** Why the key may not come from the candidate's tree, or empty when it may. */
    private Optional<String> refusal(String key, SwitchoverConfig config) {
        String elsewhere = "a switchover.yml outside the candidate's tree named with --config";
        switch (key) {
            case ConfigKeys.HISTORY:
                return Optional.of("where production's history is comes from the pipeline, never from the candidate's"
                        + " tree; give --prod-history, or production.history in " + elsewhere);
            case ConfigKeys.HISTORY_SCHEMA:
                return Optional.of("production's history schema comes from the pipeline, never from the candidate's"
                        + " tree; give --history-schema, or production.history-schema in " + elsewhere);
            case ConfigKeys.HISTORY_TABLE:
                return Optional.of("production's history table comes from the pipeline, never from the candidate's"
                        + " tree; give --history-table, or production.history-table in " + elsewhere);
            case ConfigKeys.PRODUCTION:
                return Optional.of("which version runs in production comes from the pipeline, never from the"
                        + " candidate's tree; give --prod, or production: in " + elsewhere);
            case ConfigKeys.CLASSPATH:
                return outside(config.classpath().stream().toList(), config)
                        .map(path -> "the candidate's artifact " + path + " lies outside the candidate's tree; give"
                                + " --classpath, or migrations.classpath in " + elsewhere);
            case ConfigKeys.PROD_CLASSPATH:
                return outside(config.prodClasspath().stream().toList(), config)
                        .map(path -> "production's artifact " + path + " lies outside the candidate's tree; give"
                                + " --prod-classpath, or migrations.prod-classpath in " + elsewhere);
            case ConfigKeys.MIGRATIONS_REPOSITORY:
                return outside(config.migrationsRepository().stream().toList(), config)
                        .map(path -> "the migrations' repository " + path + " lies outside the candidate's tree;"
                                + " give --repo, or migrations.repository in " + elsewhere);
            default:
                break;
        }
        for (ServiceConfig service : config.services()) {
            if (key.equals(ConfigKeys.serviceProduction(service.name()))) {
                return Optional.of("which version of " + service.name() + " runs in production comes from the"
                        + " pipeline, never from the candidate's tree; give it under services: in " + elsewhere);
            }
            if (key.equals(ConfigKeys.serviceRepository(service.name()))) {
                return outside(service.repository().stream().toList(), config)
                        .map(path -> "the repository of " + service.name() + ", " + path + ", lies outside the"
                                + " candidate's tree; name it under services: in " + elsewhere);
            }
            if (key.equals(ConfigKeys.serviceCapturedSql(service.name()))) {
                return outside(service.capturedSql(), config)
                        .map(path -> "the captured SQL " + path + " of " + service.name() + " lies outside the"
                                + " candidate's tree; give --captured-sql, or name it under services: in "
                                + elsewhere);
            }
        }
        return Optional.empty();
    }

    /** The first path that leads out of the tree the file belongs to. */
    private Optional<Path> outside(List<Path> paths, SwitchoverConfig config) {
        Path root = insideTree(config.file()) ? tree : real(config.file().getParent());
        return paths.stream().filter(path -> !real(path).startsWith(root)).findFirst();
    }

    /** The real path, or, for what does not exist yet, the real path of its nearest existing folder plus the rest. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute));
            } catch (IOException e) {
                existing = existing.getParent();
            }
        }
        return absolute;
    }
}
