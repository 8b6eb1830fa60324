package io.switchover.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The symbolic links tests make, removed before JUnit cleans its temporary folder and warns about each. */
public final class TestLinks {
    private TestLinks() {
    }

    public static void removeUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> links;
        try (Stream<Path> paths = Files.walk(folder)) {
            links = paths.filter(Files::isSymbolicLink).toList();
        }
        for (Path link : links) {
            Files.deleteIfExists(link);
        }
    }
}
