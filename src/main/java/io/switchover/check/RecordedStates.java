package io.switchover.check;

import io.switchover.SwitchoverException;
import io.switchover.snapshot.DirectorySnapshot;
import io.switchover.snapshot.GitRepository;
import io.switchover.snapshot.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versions recorded between production's and the candidate (what went to a test environment, one deployment at a
 * time), as {@code --states} names them: {@code commits} (the first-parent history between the two that changes
 * migrations or sources), {@code tags:<glob>}, {@code log:<file>} (a deployment log, one ref or folder a line, in the
 * order deployed) or {@code dirs:<glob>} (folders such as a sample's {@code deploy-*}).
 */
final class RecordedStates {
    /** More versions than a plan can use are the history of a long-lived branch: the newest are kept. */
    static final int LIMIT = 30;
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Path workingDirectory;
    private final Function<String, Snapshot> snapshotOf;
    private final java.util.function.Supplier<GitRepository> repository;

    /**
     * @param snapshotOf turns a ref or folder of a deployment log into a snapshot, as {@code --prod} takes it
     */
    RecordedStates(Path workingDirectory, Function<String, Snapshot> snapshotOf,
                   java.util.function.Supplier<GitRepository> repository) {
        this.workingDirectory = workingDirectory;
        this.snapshotOf = snapshotOf;
        this.repository = repository;
    }

    List<Snapshot> between(String spec, Snapshot production, Snapshot candidate, List<String> folders) {
        List<Snapshot> recorded;
        if (spec.equals("commits")) {
            recorded = commits(production, candidate, folders);
        } else if (spec.startsWith("tags:")) {
            String glob = spec.substring("tags:".length());
            GitRepository git = repository.get();
            recorded = git.tagsBetween(glob, commitOf(production, "tags:"), commitOf(candidate, "tags:")).stream()
                    .map(git::at).toList();
        } else if (spec.startsWith("log:")) {
            recorded = log(workingDirectory.resolve(spec.substring("log:".length())));
        } else if (spec.startsWith("dirs:")) {
            recorded = dirs(spec.substring("dirs:".length()));
        } else {
            throw SwitchoverException.badInput("--states '" + spec + "': use commits, tags:<glob>, log:<file> or"
                    + " dirs:<glob>");
        }
        // The recorded order may name versions before production's or after the candidate: only those between count.
        int first = indexOf(recorded, production);
        int last = indexOf(recorded, candidate);
        List<Snapshot> between = recorded.subList(first + 1, last > first ? last : recorded.size()).stream()
                .filter(s -> !same(s, production) && !same(s, candidate)).toList();
        if (between.isEmpty() && !spec.equals("commits")) {
            // Commits may well have nothing between them; a glob, tag pattern or log that names nothing is a mistake.
            throw SwitchoverException.badInput("--states " + spec + " names no version between " + production.name()
                    + " and " + candidate.name() + ": give the folders, tags or log entries recorded between the two");
        }
        return between.size() > LIMIT ? List.copyOf(between.subList(between.size() - LIMIT, between.size()))
                : List.copyOf(between);
    }

    private List<Snapshot> commits(Snapshot production, Snapshot candidate, List<String> folders) {
        GitRepository git = repository.get();
        return git.firstParentCommits(commitOf(production, "commits"), commitOf(candidate, "commits"), folders, LIMIT)
                .stream().map(git::at).toList();
    }

    private static String commitOf(Snapshot snapshot, String spec) {
        return snapshot.commit().orElseThrow(() -> SwitchoverException.badInput("--states " + spec + " reads git"
                + " history: give --prod and --candidate as git:<ref>, or use dirs:<glob> or log:<file>"));
    }

    private List<Snapshot> log(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SwitchoverException.badInput("--states log: cannot read " + file + " (" + e.getClass().getSimpleName()
                    + ")");
        }
        List<Snapshot> snapshots = new ArrayList<>();
        for (String line : lines) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                snapshots.add(snapshotOf.apply(entry));
            }
        }
        return snapshots;
    }

    /** Folders matching the glob (relative to the working directory), in natural order: deploy-2 before deploy-10. */
    private List<Snapshot> dirs(String glob) {
        String fixed = glob.contains("*") || glob.contains("?") || glob.contains("[")
                ? glob.substring(0, Math.max(0, glob.substring(0, firstWildcard(glob)).lastIndexOf('/'))) : glob;
        Path base = workingDirectory.resolve(fixed.isEmpty() ? "." : fixed).normalize();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        boolean absolute = Path.of(fixed.isEmpty() ? "." : fixed).isAbsolute();
        if (!Files.isDirectory(base)) {
            throw SwitchoverException.badInput("--states dirs:" + glob + ": " + base + " is not a folder");
        }
        int depth = (int) glob.substring(fixed.length()).chars().filter(c -> c == '/').count() + 1;
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(Files::isDirectory)
                    .filter(p -> matcher.matches(absolute ? p.toAbsolutePath().normalize()
                            : workingDirectory.relativize(p.toAbsolutePath().normalize())))
                    .sorted(Comparator.comparing(p -> naturalKey(p.getFileName().toString())))
                    .map(p -> (Snapshot) DirectorySnapshot.of(p)).toList();
        } catch (IOException e) {
            throw SwitchoverException.badInput("--states dirs:" + glob + ": cannot list " + base);
        }
    }

    private static int firstWildcard(String glob) {
        int at = glob.length();
        for (char c : new char[] {'*', '?', '['}) {
            int i = glob.indexOf(c);
            if (i >= 0) {
                at = Math.min(at, i);
            }
        }
        return at;
    }

    /** deploy-2 -> deploy-0000000002: numbers compare as numbers. */
    private static String naturalKey(String name) {
        Matcher number = NUMBER.matcher(name);
        StringBuilder key = new StringBuilder();
        while (number.find()) {
            number.appendReplacement(key, String.format("%010d", Long.parseLong(number.group().length() > 18
                    ? number.group().substring(0, 18) : number.group())));
        }
        number.appendTail(key);
        return key.toString();
    }

    private static int indexOf(List<Snapshot> snapshots, Snapshot wanted) {
        for (int i = 0; i < snapshots.size(); i++) {
            if (same(snapshots.get(i), wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(Snapshot a, Snapshot b) {
        if (a.commit().isPresent() || b.commit().isPresent()) {
            return a.commit().equals(b.commit());
        }
        return a instanceof DirectorySnapshot da && b instanceof DirectorySnapshot db && da.root().equals(db.root());
    }
}
