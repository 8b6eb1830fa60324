package io.switchover.patterns;

import io.switchover.SwitchoverException;
import io.switchover.patterns.capture.CapturedSqlReader;
import io.switchover.patterns.javaapi.JavaApiSqlExtractor;
import io.switchover.patterns.kotlin.KotlinStringExtractor;
import io.switchover.patterns.mybatis.MyBatisXmlExtractor;
import io.switchover.patterns.jpa.JpaExtractor;
import io.switchover.patterns.jpa.PhysicalNaming;
import io.switchover.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Collects the access patterns of the old service from its snapshot. Migration folders are skipped: their SQL is what
 * changes the schema, not what the service sends.
 */
public final class ServiceSourceScanner {

    private final SqlFileExtractor sqlFiles;
    private final JavaStringExtractor javaSources;
    private final MyBatisXmlExtractor myBatisMappers;
    private final JavaApiSqlExtractor javaApis;
    private final KotlinStringExtractor kotlinSources;
    private final CapturedSqlReader capturedSql;
    private final JpaExtractor jpaSources;
    private final SqlStatementClassifier classifier;
    private final Map<FileKey, ExtractionResult> extracted = new ConcurrentHashMap<>();

    public ServiceSourceScanner() {
        this(PhysicalNaming.SPRING);
    }

    /** @param naming how the service's JPA entities name their tables and columns (Spring Boot's, or as written) */
    public ServiceSourceScanner(PhysicalNaming naming) {
        this.classifier = new SqlStatementClassifier();
        this.sqlFiles = new SqlFileExtractor(classifier);
        this.javaSources = new JavaStringExtractor(classifier);
        this.myBatisMappers = new MyBatisXmlExtractor(classifier);
        this.javaApis = new JavaApiSqlExtractor(classifier);
        this.kotlinSources = new KotlinStringExtractor(classifier);
        this.capturedSql = new CapturedSqlReader(classifier);
        this.jpaSources = new JpaExtractor(classifier, naming);
    }

    /**
     * From now on, SQL strings the predicate rejects are not parsed: they count as statements when they look like
     * SQL, and nothing is known of what they reference. Files read before keep what they gave.
     */
    public void parseOnly(Predicate<String> worthParsing) {
        classifier.parseOnly(worthParsing);
    }

    /** Statements captured from production (pg_stat_statements exports, statement logs) given outside the snapshot. */
    public ExtractionResult captured(java.nio.file.Path file) {
        return capturedSql.read(file);
    }

    /**
     * @param sourceRoots     folders relative to the snapshot root to look in; empty means the whole snapshot but its
     *                        test sources ({@code src/test/}), whose SQL production never sends
     * @param excludedFolders the Flyway migration folders, and the Java migrations' source files, relative to the
     *                        snapshot root
     */
    public ExtractionResult scan(Snapshot snapshot, List<String> sourceRoots, Collection<String> excludedFolders) {
        List<String> files = filesToScan(snapshot, sourceRoots).stream()
                .filter(path -> !excluded(path, excludedFolders)).toList();
        List<String> withSql = files.stream().filter(path -> extractorFor(path) != null).toList();
        // Each file alone on any core; the JPA mappings span files, so the JPA reader is one more job of its own.
        List<Supplier<ExtractionResult>> jobs = new ArrayList<>();
        jobs.add(() -> jpaSources.extract(snapshot, files));
        for (String path : withSql) {
            jobs.add(() -> read(snapshot, path).map(text -> extract(path, text)));
        }
        List<ExtractionResult> results = new ArrayList<>(InParallel.map(jobs, Supplier::get));
        results.add(results.remove(0)); // JPA's after the files', as they were read one by one
        return JpaExtractor.withoutDuplicateLiterals(ExtractionResult.combine(results));
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
        files.removeIf(path -> isTestSource(path) || excluded(path, excludedFolders) || isMigrationScript(path));
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
     * What a file holds, read once per check. Not {@code computeIfAbsent}: it would hold a lock on the map while a file
     * is read, and other files' readers would wait for it.
     */
    private ExtractionResult extract(String path, String text) {
        FileKey key = new FileKey(path, text);
        ExtractionResult known = extracted.get(key);
        if (known != null) {
            return known;
        }
        ExtractionResult result = extractorFor(path).apply(text);
        extracted.putIfAbsent(key, result);
        return result;
    }

    /** The reader for a file, or null for a file that holds no SQL of the service. */
    private Function<String, ExtractionResult> extractorFor(String path) {
        if (path.endsWith(".sql") && !isInitializationScript(path)) {
            return text -> sqlFiles.extract(path, text);
        } else if (path.endsWith(".java")) {
            // MyBatis/jDBI/jOOQ readers replace the generic literals they consume: one report per statement.
            return text -> javaApis.preferredOver(javaSources.extract(path, text), path, text);
        } else if (path.endsWith(".kt")) {
            return text -> kotlinSources.extract(path, text);
        } else if (path.endsWith(".xml")) {
            return text -> myBatisMappers.extract(path, text);
        } else if (CapturedSqlReader.isCaptureFile(path)) {
            return text -> capturedSql.read(path, text);
        }
        return null;
    }

    /**
     * A file as read: the candidate's unchanged files are not read twice within one check, which is most of them.
     */
    private record FileKey(String path, String text) {
    }

    private static TreeSet<String> filesToScan(Snapshot snapshot, List<String> sourceRoots) {
        if (sourceRoots.isEmpty()) {
            TreeSet<String> files = new TreeSet<>(snapshot.files());
            files.removeIf(ServiceSourceScanner::isTestSource);
            return files;
        }
        TreeSet<String> files = new TreeSet<>();
        for (String root : sourceRoots) {
            List<String> under = snapshot.filesUnder(stripDotSlash(root));
            if (under.isEmpty()) {
                // A misspelt source root would otherwise make the gate pass with nothing checked.
                throw SwitchoverException.badInput("source folder '" + root + "' has no files in " + snapshot.name()
                        + "; --sources takes a folder relative to the snapshot root");
            }
            files.addAll(under);
        }
        return files;
    }

    /**
     * Spring Boot's {@code schema.sql}/{@code data.sql} (and {@code -<platform>} variants) run once when an instance
     * starts, not while it serves traffic: their seed INSERTs are not access patterns of the running version.
     */
    static boolean isInitializationScript(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.matches("(schema|data)(-[\\w.]+)?\\.sql");
    }

    private static boolean isTestSource(String path) {
        return path.startsWith("src/test/") || path.contains("/src/test/");
    }

    private static FileText read(Snapshot snapshot, String path) {
        try {
            return new FileText(snapshot.read(path), null);
        } catch (SwitchoverException e) {
            // One unreadable file (bad encoding, say) should not hide the SQL of all the others.
            return new FileText(null, path + ": cannot read (" + e.getMessage() + "); its SQL is not checked");
        }
    }

    private record FileText(String text, String problem) {
        ExtractionResult map(Function<String, ExtractionResult> extractor) {
            return text == null ? ExtractionResult.warning(problem) : extractor.apply(text);
        }
    }

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
