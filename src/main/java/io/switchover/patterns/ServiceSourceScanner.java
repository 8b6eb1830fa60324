package io.switchover.patterns;

import io.switchover.SwitchoverException;
import io.switchover.patterns.capture.CapturedSqlReader;
import io.switchover.patterns.jpa.JpaExtractor;
import io.switchover.patterns.jpa.PhysicalNaming;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.FileText;
import io.switchover.snapshot.SkippedFile;
import io.switchover.snapshot.Snapshot;
import io.switchover.snapshot.SnapshotPaths;
import io.switchover.snapshot.UnreadableFile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Collects the access patterns of the old service from its snapshot. Migration folders are skipped: their SQL is what
 * changes the schema, not what the service sends.
 */
public final class ServiceSourceScanner {

    private final SqlExtractors extractors;
    private final CapturedSqlReader capturedSql;
    private final SqlStatementClassifier classifier;
    private final Map<FileKey, FileScan> scanned = new ConcurrentHashMap<>();
    private static final int MAX_SKIPPED_WARNINGS = 20;

    public ServiceSourceScanner() {
        this(PhysicalNaming.SPRING);
    }

    /** @param naming how the service's JPA entities name their tables and columns (Spring Boot's, or as written) */
    public ServiceSourceScanner(PhysicalNaming naming) {
        this(naming, new StatementReadings());
    }

    /** @param readings where the scan keeps what it read of each statement, for what reads the same ones after it */
    public ServiceSourceScanner(PhysicalNaming naming, StatementReadings readings) {
        this.classifier = new SqlStatementClassifier(readings);
        this.extractors = SqlExtractors.standard(classifier, naming);
        this.capturedSql = new CapturedSqlReader(classifier);
    }

    /**
     * From now on, SQL strings the predicate rejects are not parsed: they count as statements when they look like
     * SQL, and nothing is known of what they reference. Files read before keep what they gave.
     */
    public void parseOnly(Predicate<String> worthParsing) {
        classifier.parseOnly(worthParsing);
    }

    /**
     * From now on, SQL strings JSqlParser cannot read count as statements when they look like SQL (nothing is known
     * of what they reference but their words): for a check, whose replay database decides whether they run.
     */
    public void acceptUnparsed(boolean accept) {
        classifier.acceptUnparsed(accept);
    }

    /** Statements captured from production (pg_stat_statements exports, statement logs) given outside the snapshot. */
    public ExtractionResult captured(java.nio.file.Path file) {
        return capturedSql.read(file);
    }

    /**
     * @param sourceRoots     folders relative to the snapshot root to look in; empty means the whole snapshot but its
     *                        test sources ({@code src/test/}, {@code src/integrationTest/}...), whose SQL production never sends
     * @param excludedFolders the Flyway migration folders, and the Java migrations' source files, relative to the
     *                        snapshot root
     */
    public ExtractionResult scan(Snapshot snapshot, List<String> sourceRoots, Collection<String> excludedFolders) {
        List<String> files = scannedFiles(snapshot, sourceRoots, excludedFolders);
        BuildFiles build = BuildFiles.read(snapshot, sourceRoots);
        ServiceConfiguration configuration = ServiceConfiguration.read(snapshot,
                ownFiles(snapshot, sourceRoots, excludedFolders)).withHibernate(HibernateGeneration.of(build));
        // Each file alone on any core, read by every extractor that takes it from one parse.
        List<Supplier<FileScan>> jobs = new ArrayList<>();
        for (String path : files) {
            jobs.add(() -> scanFile(snapshot, path, configuration));
        }
        List<FileScan> scans = InParallel.map(jobs, Supplier::get);
        List<ExtractionResult> results = new ArrayList<>();
        for (FileScan scan : scans) {
            results.add(scan.result());
        }
        // The service-wide extractors' statements after the files', as they were read one by one.
        for (int i = 0; i < extractors.serviceWide().size(); i++) {
            results.add(combine(extractors.serviceWide().get(i), scans, i));
        }
        results.add(SpringBatchTables.of(snapshot, build, configuration));
        results.add(ExtractionResult.warnings(skippedWarnings(snapshot)));
        return JpaExtractor.withoutDuplicateLiterals(ExtractionResult.combine(results));
    }

    /** What one file gave: the per-file extractors' findings, and its part for each service-wide extractor. */
    private record FileScan(ExtractionResult result, List<Object> parts) {
        static final FileScan NOTHING = new FileScan(ExtractionResult.empty(), List.of());

        Object part(int extractor) {
            return extractor < parts.size() ? parts.get(extractor) : null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> ExtractionResult combine(ServiceWideExtractor<T> extractor, List<FileScan> scans, int index) {
        List<T> parts = new ArrayList<>();
        for (FileScan scan : scans) {
            Object part = scan.part(index);
            if (part != null) {
                parts.add((T) part);
            }
        }
        try {
            return extractor.combine(parts);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return ExtractionResult.warning(extractor.getClass().getSimpleName() + " could not combine what the files"
                    + " hold (" + e.getClass().getSimpleName() + "); what it reads is not checked");
        }
    }

    /** The files a {@link #scan} with these arguments looks at, in the order it reads them. */
    public static List<String> scannedFiles(Snapshot snapshot, List<String> sourceRoots,
                                            Collection<String> excludedFolders) {
        // Another vendor's or location's migrations are not what the service sends either.
        return filesToScan(snapshot, sourceRoots).stream()
                .filter(path -> !excluded(path, excludedFolders) && !isMigrationScript(path)).toList();
    }

    /**
     * The files that are the service's own at this version, where the safety net looks for names: those the scan
     * reads, and, beside each source root under {@code src/main/}, that module's {@code src/main/resources} (its
     * configuration, templates and mapper files); never its migrations or tests.
     */
    public static List<String> ownFiles(Snapshot snapshot, List<String> sourceRoots, Collection<String> excludedFolders) {
        TreeSet<String> files = filesToScan(snapshot, sourceRoots);
        for (String root : sourceRoots) {
            String folder = asFolderPrefix(root);
            int main = folder.startsWith("src/main/") ? 0 : folder.indexOf("/src/main/") + 1;
            if (main > 0 || folder.startsWith("src/main/")) {
                String resources = folder.substring(0, main) + "src/main/resources";
                files.addAll(snapshot.filesUnder(resources));
            }
        }
        files.removeIf(path -> SnapshotPaths.isTestSource(path) || excluded(path, excludedFolders) || isMigrationScript(path));
        return List.copyOf(files);
    }

    /**
     * A script named as Flyway names migrations ({@code V1_2__x.sql}, {@code R__x.sql}, undo and baseline ones): another
     * vendor's or an older location's migrations, which change the schema rather than use it.
     */
    static boolean isMigrationScript(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.matches("(?i)([VUB]\\d[\\w.]*|R)__.*\\.sql");
    }

    /**
     * One file, whatever it holds: a file that cannot be read, or that an extractor cannot get through, is a place
     * not checked, so that it reaches the report instead of vanishing; the other files are read all the same.
     */
    private FileScan scanFile(Snapshot snapshot, String path, ServiceConfiguration configuration) {
        if (!extractors.anyReads(path)) {
            return FileScan.NOTHING;
        }
        FileText file;
        try {
            file = snapshot.readFile(path);
        } catch (UnreadableFile e) {
            return new FileScan(notChecked(path, "cannot be read: " + e.reason()), List.of());
        }
        FileScan scan = scanned(path, file.text(), configuration);
        return file.note().map(note -> new FileScan(scan.result().withWarning(note), scan.parts())).orElse(scan);
    }

    /**
     * The last line of defence: the parsers are given bounded input (see {@link JavaSources}), so an overflow here
     * means a bound is missing, and costs this file only.
     */
    static ExtractionResult guarded(String path, Supplier<ExtractionResult> extraction) {
        try {
            return extraction.get();
        } catch (StackOverflowError e) {
            return notChecked(path, "not checked: reading it overflowed the stack (nested too deep)");
        } catch (OutOfMemoryError e) {
            return notChecked(path, "not checked: reading it ran out of memory (the JVM may use "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
        } catch (SwitchoverException e) {
            throw e;
        } catch (RuntimeException e) {
            return notChecked(path, "not checked: reading it failed (" + e.getClass().getSimpleName()
                    + ", a bug of switchover)");
        }
    }

    private static ExtractionResult notChecked(String path, String reason) {
        return new ExtractionResult(List.of(), List.of(UnresolvedSql.wholeFile(path, 1, reason)), List.of());
    }

    /** What the snapshot did not list, for the report; a few dozen at most, then how many more. */
    static List<String> skippedWarnings(Snapshot snapshot) {
        List<SkippedFile> skipped = snapshot.skipped();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < Math.min(skipped.size(), MAX_SKIPPED_WARNINGS); i++) {
            warnings.add(skipped.get(i).warning(snapshot.name()));
        }
        if (skipped.size() > MAX_SKIPPED_WARNINGS) {
            warnings.add(snapshot.name() + ": " + (skipped.size() - MAX_SKIPPED_WARNINGS)
                    + " more entries are skipped (links out of the snapshot or to folders, pipes, submodules)");
        }
        return warnings;
    }

    /**
     * What a file holds, read once per check, and parsed once whatever the number of extractors that read it. Not
     * {@code computeIfAbsent}: it would hold a lock on the map while a file is read, and other files' readers would
     * wait for it.
     */
    private FileScan scanned(String path, String text, ServiceConfiguration configuration) {
        FileKey key = new FileKey(path, text, configuration);
        FileScan known = scanned.get(key);
        if (known != null) {
            return known;
        }
        SourceFile file = new SourceFile(path, text, configuration);
        List<ExtractionResult> results = new ArrayList<>();
        for (SqlExtractor extractor : extractors.perFile()) {
            if (extractor.reads(path)) {
                results.add(guarded(path, () -> extractor.extract(file)));
            }
        }
        List<Object> parts = new ArrayList<>();
        for (ServiceWideExtractor<?> extractor : extractors.serviceWide()) {
            parts.add(extractor.reads(path) ? collected(extractor, file) : null);
        }
        FileScan scan = new FileScan(results.size() == 1 ? results.get(0) : ExtractionResult.combine(results),
                java.util.Collections.unmodifiableList(parts));
        scanned.putIfAbsent(key, scan);
        return scan;
    }

    // A part that cannot be made costs that file's part only.
    private static Object collected(ServiceWideExtractor<?> extractor, SourceFile file) {
        try {
            return extractor.collect(file);
        } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
            if (e instanceof SwitchoverException switchover) {
                throw switchover;
            }
            return null;
        }
    }

    /**
     * A file as read: the candidate's unchanged files are not read twice within one check, which is most of them.
     */
    private record FileKey(String path, String text, ServiceConfiguration configuration) {
    }

    private static TreeSet<String> filesToScan(Snapshot snapshot, List<String> sourceRoots) {
        if (sourceRoots.isEmpty()) {
            TreeSet<String> files = new TreeSet<>(snapshot.files());
            files.removeIf(SnapshotPaths::isTestSource);
            return files;
        }
        TreeSet<String> files = new TreeSet<>();
        for (String root : sourceRoots) {
            if (SnapshotPaths.leavesSnapshot(stripDotSlash(root))) {
                throw SwitchoverException.badInput("source folder '" + root + "' leaves the snapshot; --sources takes"
                        + " a folder inside it, relative to its root");
            }
            List<String> under = snapshot.filesUnder(stripDotSlash(root));
            if (under.isEmpty()) {
                // A misspelt source root would otherwise make the gate pass with nothing checked.
                throw SwitchoverException.badInput("source folder '" + root + "' has no files in " + snapshot.name()
                        + "; --sources takes a folder relative to the snapshot root");
            }
            files.addAll(under);
            files.addAll(templateGroupsBeside(snapshot, stripDotSlash(root)));
        }
        return files;
    }

    /**
     * The StringTemplate groups ({@code .sql.stg}) in the resources beside a {@code src/main/java} or
     * {@code src/main/kotlin} root: jDBI finds a DAO's statements there, on the classpath next to its class.
     */
    private static List<String> templateGroupsBeside(Snapshot snapshot, String root) {
        String folder = asFolderPrefix(root);
        java.util.regex.Matcher code = SOURCE_ROOT.matcher(folder);
        if (!code.matches()) {
            return List.of();
        }
        return snapshot.filesUnder(code.group(1) + "src/main/resources").stream()
                .filter(path -> path.endsWith(".sql.stg")).toList();
    }

    private static final java.util.regex.Pattern SOURCE_ROOT =
            java.util.regex.Pattern.compile("(|.*/)src/main/(?:java|kotlin)/");

    /** Under one of the folders, or one of the files (a Java migration's source). */
    private static boolean excluded(String path, Collection<String> excluded) {
        for (String folderOrFile : excluded) {
            if (path.startsWith(asFolderPrefix(folderOrFile)) || path.equals(stripDotSlash(folderOrFile))) {
                return true;
            }
        }
        return false;
    }

    private static String asFolderPrefix(String folder) {
        String prefix = stripDotSlash(folder);
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }

    private static String stripDotSlash(String folder) {
        String path = folder.replace('\\', '/');
        return path.startsWith("./") ? path.substring(2) : path;
    }
}
