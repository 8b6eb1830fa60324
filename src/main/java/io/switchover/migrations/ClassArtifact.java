package io.switchover.migrations;

import io.switchover.SwitchoverException;
import org.flywaydb.core.api.migration.JavaMigration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The built artifact of a service version ({@code --classpath}, {@code --prod-classpath}): a plain jar, a Spring Boot
 * fat jar ({@code BOOT-INF/classes} and {@code BOOT-INF/lib/*.jar}, extracted to a temporary folder that is deleted on
 * close), a war's {@code WEB-INF}, or a folder of classes. Its classes load in a class loader of their own whose
 * parent serves only the JDK and the gate's Flyway and JDBC drivers, so that a migration class implements the gate's
 * {@code JavaMigration} and sees the replay's connection as the driver's own, while the service's libraries (Spring,
 * jDBI, its own Flyway jar) come from the artifact.
 */
public final class ClassArtifact implements AutoCloseable {
    /** Packages the artifact's classes get from the gate, whatever copies the artifact carries. */
    private static final List<String> SHARED = List.of("org.flywaydb.", "org.postgresql.", "org.h2.", "org.mariadb.jdbc.");
    private static final long MAX_EXTRACTED_BYTES = 2L << 30;

    private final String name;
    private final URLClassLoader loader;
    private final Path extracted;
    private final Thread cleanup;

    private ClassArtifact(String name, List<URL> urls, Path extracted) {
        this.name = name;
        this.loader = new URLClassLoader("switchover-artifact", urls.toArray(URL[]::new), new GateFirst());
        this.extracted = extracted;
        this.cleanup = extracted == null ? null : new Thread(() -> delete(extracted), "switchover-classpath-cleanup");
        if (cleanup != null) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
    }

    /**
     * Opens an artifact.
     *
     * @param option the option or key that named it, for messages
     */
    public static ClassArtifact open(Path path, String option) {
        if (!Files.exists(path)) {
            throw SwitchoverException.badInput(option + " " + path + " does not exist; give the service's jar, its"
                    + " Spring Boot fat jar, or a folder of its classes");
        }
        try {
            if (Files.isDirectory(path)) {
                return new ClassArtifact(path.toString(), List.of(path.toUri().toURL()), null);
            }
            try (ZipFile zip = new ZipFile(path.toFile())) {
                String classes = zip.getEntry("BOOT-INF/classes/") != null || hasPrefix(zip, "BOOT-INF/classes/")
                        ? "BOOT-INF/" : hasPrefix(zip, "WEB-INF/classes/") ? "WEB-INF/" : null;
                if (classes == null) {
                    return new ClassArtifact(path.toString(), List.of(path.toUri().toURL()), null);
                }
                return extract(path, zip, classes);
            }
        } catch (ZipException e) {
            throw SwitchoverException.badInput(option + " " + path + " is neither a jar nor a folder of classes ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw SwitchoverException.badInput("cannot read " + option + " " + path + ": " + e.getMessage());
        }
    }

    /** A fat jar's classes and libraries, copied out: a class loader cannot read jars inside a jar. */
    private static ClassArtifact extract(Path path, ZipFile zip, String root) throws IOException {
        Path folder = Files.createTempDirectory("switchover-classpath-");
        try {
            Path classes = folder.resolve("classes");
            Path libraries = folder.resolve("lib");
            Files.createDirectories(classes);
            Files.createDirectories(libraries);
            List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String entryName = entry.getName();
                Path target;
                if (entryName.startsWith(root + "classes/") && !entry.isDirectory()) {
                    target = classes.resolve(entryName.substring((root + "classes/").length())).normalize();
                    if (!target.startsWith(classes)) {
                        continue; // a name leading out of the folder
                    }
                } else if (entryName.startsWith(root + "lib/") && entryName.endsWith(".jar") && !entry.isDirectory()
                        && entryName.indexOf('/', (root + "lib/").length()) < 0) {
                    target = libraries.resolve(entryName.substring((root + "lib/").length())).normalize();
                    if (!target.startsWith(libraries)) {
                        continue;
                    }
                    urls.add(target.toUri().toURL());
                } else {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    total += Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (total > MAX_EXTRACTED_BYTES) {
                    throw SwitchoverException.badInput(path + " holds more than 2 GB of classes and libraries; give a"
                            + " folder of its classes instead");
                }
            }
            return new ClassArtifact(path.toString(), urls, folder);
        } catch (IOException | RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    private static boolean hasPrefix(ZipFile zip, String prefix) {
        return zip.stream().anyMatch(e -> e.getName().startsWith(prefix));
    }

    /** The artifact as the report names it: the path it was given as. */
    public String name() {
        return name;
    }

    /** Where a fat jar was extracted to, while the artifact is open. */
    java.util.Optional<Path> extractedTo() {
        return java.util.Optional.ofNullable(extracted);
    }

    /** Whether the artifact holds the class. */
    public boolean has(String className) {
        return loader.findResource(className.replace('.', '/') + ".class") != null;
    }

    /**
     * Why the artifact's class cannot run as a migration of the gate's Flyway (it does not load, or implements an
     * older Flyway's interface), or empty when it can.
     */
    public Optional<String> problemWith(String className) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            return JavaMigration.class.isAssignableFrom(type) ? Optional.empty()
                    : Optional.of("it does not implement Flyway's JavaMigration");
        } catch (ClassNotFoundException e) {
            return Optional.of("it is not in " + name);
        } catch (LinkageError e) {
            return Optional.of("it does not load (" + e.getMessage() + " is missing: an older Flyway's API, or a"
                    + " library the artifact does not carry)");
        }
    }

    /** A fresh instance of a migration class, as Flyway makes one; the class implements the gate's JavaMigration. */
    public JavaMigration instantiate(String className) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> type = Class.forName(className, true, loader);
            if (!JavaMigration.class.isAssignableFrom(type)) {
                throw new IllegalStateException(className + " in " + name + " does not implement Flyway's"
                        + " JavaMigration (it was built against an older Flyway, or is not a migration)");
            }
            return (JavaMigration) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not in " + name, e);
        } catch (LinkageError e) {
            throw new IllegalStateException(className + " from " + name + " needs " + e.getMessage()
                    + ", which the artifact does not carry; give the fat jar, or a folder with its libraries", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("Flyway cannot instantiate " + className + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(className + "'s constructor failed: " + e.getCause(), e.getCause());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Runs code with the artifact's class loader as the thread's context class loader, as the service would. */
    <T> T within(java.util.concurrent.Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            // the files go anyway
        }
        if (extracted != null) {
            delete(extracted);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs, or has run
            }
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    /** The JDK, plus the gate's own Flyway and JDBC drivers; nothing of the gate's other libraries. */
    private static final class GateFirst extends ClassLoader {
        private static final ClassLoader GATE = ClassArtifact.class.getClassLoader();

        GateFirst() {
            super("switchover-gate", ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (shared(name)) {
                return GATE.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            if (shared(name.replace('/', '.'))) {
                return GATE.getResource(name);
            }
            return super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (shared(name.replace('/', '.'))) {
                return GATE.getResources(name);
            }
            return super.getResources(name);
        }

        private static boolean shared(String name) {
            for (String prefix : SHARED) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
