package io.switchover.samples;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The built artifact of a story's deployment, as its pipeline would have it: every Java source under
 * {@code src/main/java} compiled (against the test class path, which has Flyway) into a jar. Kotlin cannot be compiled
 * here; a story's Kotlin migrations are replayed from the SQL of their source either way. Built once per deployment.
 */
final class BuiltArtifacts {
    private static final Map<Path, Path> JARS = new ConcurrentHashMap<>();

    private BuiltArtifacts() {
    }

    static Path jarOf(Path deploy) {
        return JARS.computeIfAbsent(deploy.toAbsolutePath().normalize(), BuiltArtifacts::build);
    }

    private static Path build(Path deploy) {
        try {
            Path classes = Files.createTempDirectory("switchover-story-classes-");
            List<String> sources = new ArrayList<>();
            Path root = deploy.resolve("src/main/java");
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
                }
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
            arguments.addAll(sources);
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            if (!sources.isEmpty() && compiler.run(null, errors, errors, arguments.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("cannot compile " + deploy + ":\n" + errors);
            }
            Path jar = Files.createTempFile("switchover-story-", ".jar");
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            jar.toFile().deleteOnExit();
            try (Stream<Path> files = Files.walk(classes)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
