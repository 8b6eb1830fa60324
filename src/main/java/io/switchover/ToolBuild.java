package io.switchover;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The build of switchover that runs: its version and a fingerprint of its code (the jar's size and time, or the
 * newest class file of a classes directory), so that a cached baseline or extraction made by another build, even of
 * the same version number (a snapshot rebuilt), is not reused: the replay's H2 rewriting or the extractors may have
 * changed.
 */
public final class ToolBuild {
    private static volatile String current;

    private ToolBuild() {
    }

    public static String current() {
        String known = current;
        if (known == null) {
            known = version() + " " + fingerprint();
            current = known;
        }
        return known;
    }

    private static String version() {
        try (InputStream in = ToolBuild.class.getResourceAsStream("/io/switchover/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String fingerprint() {
        try {
            Path code = Path.of(ToolBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                BasicFileAttributes attributes = Files.readAttributes(code, BasicFileAttributes.class);
                return "jar:" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
            }
            try (Stream<Path> files = Files.walk(code)) {
                return "classes:" + files.filter(Files::isRegularFile).mapToLong(ToolBuild::modified).max().orElse(0);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown code: a fingerprint no other run shares, so that nothing cached is trusted.
            return "unknown:" + System.nanoTime();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return System.nanoTime();
        }
    }
}
