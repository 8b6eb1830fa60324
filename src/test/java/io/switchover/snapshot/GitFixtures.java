package io.switchover.snapshot;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Git repositories built in tests: the deploys of a sample story committed one after the other, each tagged with its
 * folder name, as a team's history would hold them.
 */
public final class GitFixtures {
    private GitFixtures() {
    }

    /** A checkout whose commits are the given deploy folders in order; returns the commit of each tag. */
    public static Map<String, RevCommit> commitDeploys(Path checkout, Path story, String... deploys) {
        Map<String, RevCommit> commits = new LinkedHashMap<>();
        try (Git git = Git.init().setDirectory(checkout.toFile()).setInitialBranch("main").call()) {
            long time = Instant.parse("2026-01-01T10:00:00Z").getEpochSecond();
            for (String deploy : deploys) {
                replaceWorkTree(checkout, story.resolve(deploy));
                git.add().addFilepattern(".").call();
                git.add().addFilepattern(".").setUpdate(true).call();
                PersonIdent who = new PersonIdent("Dev", "dev@example.com", Instant.ofEpochSecond(time), java.time.ZoneOffset.UTC);
                time += 3600;
                RevCommit commit = git.commit().setMessage(deploy).setAuthor(who).setCommitter(who).call();
                git.tag().setName(deploy).setObjectId(commit).setAnnotated(false).call();
                commits.put(deploy, commit);
            }
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return commits;
    }

    public static Path bareClone(Path source, Path target) {
        try {
            Git.cloneRepository().setURI(source.toUri().toString()).setDirectory(target.toFile()).setBare(true).call()
                    .close();
            return target;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the work tree hold exactly the files of {@code source} (the .git folder aside). */
    public static void replaceWorkTree(Path checkout, Path source) {
        try {
            Files.createDirectories(checkout);
            try (Stream<Path> old = Files.walk(checkout)) {
                old.sorted(Comparator.reverseOrder())
                        .filter(p -> !p.equals(checkout) && !checkout.relativize(p).startsWith(".git"))
                        .forEach(GitFixtures::delete);
            }
            copy(source, checkout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
