package io.switchover.cli;

import io.switchover.snapshot.GitFixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Snapshots sprinkled with symbolic links (out of the snapshot, to the environment, to folders, in loops, to nothing,
 * to each other) never break the exit-code contract, and nothing outside the snapshot ever reaches the report.
 */
class SymlinkedTreeFuzzTest {
    private static final Path STORY = Path.of("sample-migrations/alice-to-brian");
    private static final String SECRET = "secret_marker_7f3a";
    private static final List<String> PLACES = List.of("db/migration/V9__linked.sql", "db/migration/V3__copy_alice_to_brian.sql",
            "src/main/java/com/example/people/Linked.java", "src/main/resources/queries.sql", "linked", "db/linked",
            "src/main/java/com/example", "node_modules/x", "src/main/resources/mapper/Linked.xml");

    /** Where a link points; {@code %outside%} and {@code %root%} are replaced by the folders of the try. */
    private static final List<String> TARGETS = List.of("/proc/self/environ", "%outside%/Secret.java",
            "%outside%/secret.sql", "%outside%", "/etc", "/", "..", "../..", ".", "%root%/db/migration",
            "%root%/db/migration/V1__create_person.sql", "V1__create_person.sql", "PersonRepository.java", "nothing",
            "%self%", "linked", "db", "/dev/zero", "/proc/self/fd/0");

    private Path folder;

    record Link(String place, String target) {
    }

    @Property(tries = 40)
    void anyTreeOfLinksEndsInAnExitCodeOfTheContractAndLeaksNothing(@ForAll("links") List<Link> links,
                                                                     @ForAll boolean inProduction) throws IOException {
        folder = Files.createTempDirectory("switchover-links");
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Files.writeString(outside.resolve("Secret.java"), "class Secret { String q = \"SELECT " + SECRET
                + " FROM person\"; }");
        Files.writeString(outside.resolve("secret.sql"), "SELECT " + SECRET + " FROM person;");
        Path root = folder.resolve("snapshot");
        GitFixtures.copy(STORY.resolve(inProduction ? "deploy-1" : "deploy-5"), root);
        for (Link link : links) {
            link(root.resolve(link.place()), Path.of(link.target().replace("%outside%", outside.toString())
                    .replace("%root%", root.toString()).replace("%self%", root.resolve(link.place()).toString())));
        }

        CommandLineRun run = inProduction
                ? CommandLineRun.of("check", "--prod", root.toString(), "--candidate", STORY.resolve("deploy-5").toString(),
                "--engine", "h2")
                : CommandLineRun.of("check", "--prod", STORY.resolve("deploy-1").toString(), "--candidate", root.toString(),
                "--engine", "h2");

        ExitCodeContract.assertKept(run);
        assertFalse((run.out() + run.err()).contains(SECRET), "read outside the snapshot:\n" + run.out());
        assertFalse((run.out() + run.err()).contains(System.getenv("PATH")), "the environment leaked:\n" + run.out());
    }

    /** A link in place of what is there, unless a folder is: an earlier link of the try may have made it one. */
    private static void link(Path place, Path target) {
        try {
            if (Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Files.createDirectories(place.getParent());
            Files.deleteIfExists(place);
            Files.createSymbolicLink(place, target);
        } catch (IOException e) {
            // the parent is itself a link of this try: this link is left out
        }
    }

    @AfterTry
    void deleteTheTree() throws IOException {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Provide
    Arbitrary<List<Link>> links() {
        Arbitrary<Link> link = Combinators.combine(Arbitraries.of(PLACES), Arbitraries.of(TARGETS)).as(Link::new);
        return link.list().ofMinSize(1).ofMaxSize(4);
    }
}
