package io.switchover.migrations;

import io.switchover.SwitchoverException;
import io.switchover.patterns.JavaMigrationSources;
import io.switchover.patterns.MigrationClassSource;
import io.switchover.patterns.MigrationSourceSql;
import io.switchover.patterns.kotlin.KotlinMigrationSources;
import io.switchover.snapshot.Snapshot;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.internal.resolver.MigrationInfoHelper;
import org.flywaydb.core.internal.util.Pair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a snapshot's Java-based Flyway migrations in its source, as Flyway finds their classes on the class path: a
 * location ({@code db/migration}, {@code classpath:db/migration}, {@code src/main/resources/db/migration}) is also the
 * package {@code db.migration}, whose classes (and its sub-packages') are looked for in every {@code src/main/java}
 * and {@code src/main/kotlin} root of the snapshot; tests are not. A class there is a migration when Flyway would
 * instantiate it: concrete, named {@code V<version>__<description>} or {@code R__<description>} (or overriding
 * {@code getVersion()} with a literal), and implementing {@code JavaMigration} as far as the sources tell. A class
 * outside the locations is taken too when it clearly is one (named so, implementing {@code JavaMigration}), lies in
 * the module of a location, is not in another database vendor's package, and clashes with no version: teams register
 * such packages in code ({@code Flyway.configure().locations(...)}), which the gate cannot read; the report says so.
 */
final class JavaMigrationFinder {
    private static final Pattern MAIN_ROOT = Pattern.compile("^((?:.*/)?)src/main/(?:java|kotlin)/(.*)$");
    private static final Pattern LOCATION_ROOT = Pattern.compile("^((?:.*/)?)src/main/(?:resources|java|kotlin)/(.*)$");
    private static final Pattern NAMED = Pattern.compile("(V[^_].*__.*|R__.+)");
    private static final Pattern OUTSIDE_NAME = Pattern.compile("^(V\\d.*|R__.*)\\.(java|kt)$");
    private static final Set<String> VENDORS = Set.of("mysql", "mariadb", "oracle", "sqlserver", "mssql", "db2",
            "h2", "hsqldb", "hsql", "derby", "sqlite", "postgres", "postgresql", "pgsql", "cockroachdb", "redshift",
            "snowflake", "sybase", "informix", "firebird", "saphana", "hana", "spanner", "tidb", "yugabytedb",
            "sybasease", "ignite", "bigquery", "mongodb", "singlestore", "clickhouse", "databricks");

    /**
     * What was found: the migrations, and what the report should say about how.
     *
     * @param otherSources source files of classes that look like Flyway migrations but are not the check's (another
     *                     vendor's, another module's, an abstract base that migrations extend): they change a
     *                     schema, they are no service's SQL
     */
    record Found(List<JavaMigrationClass> classes, List<String> notes, List<String> warnings,
                 List<String> otherSources) {
    }

    private final Snapshot snapshot;
    /** Every main Java source of the snapshot by the qualified name its path gives. */
    private final Map<String, String> javaByName = new HashMap<>();
    private final JavaMigrationSources java;
    private final KotlinMigrationSources kotlin = new KotlinMigrationSources();

    JavaMigrationFinder(Snapshot snapshot) {
        this.snapshot = snapshot;
        for (String path : snapshot.files()) {
            Matcher root = MAIN_ROOT.matcher(path);
            if (root.matches() && path.endsWith(".java")) {
                String relative = root.group(2);
                javaByName.putIfAbsent(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'),
                        path);
            }
        }
        this.java = new JavaMigrationSources(name -> Optional.ofNullable(javaByName.get(name))
                .flatMap(path -> text(path).map(text -> new JavaMigrationSources.SourceFile(path, text))));
    }

    /** @param locations the migration folders, relative to the snapshot root (a folder need not exist) */
    Found find(List<String> locations) {
        Set<String> packages = new LinkedHashSet<>();
        Set<String> modules = new LinkedHashSet<>();
        for (String location : locations) {
            packageOf(location).ifPresent(packages::add);
            modules.add(moduleOf(location));
        }
        List<String> warnings = new ArrayList<>();
        Map<String, JavaMigrationClass> inside = new LinkedHashMap<>();
        List<Candidate> outside = new ArrayList<>();
        Set<String> others = new LinkedHashSet<>();
        // the abstract bases in the snapshot that migrations extend: their SQL is the migrations'
        Set<String> bases = new LinkedHashSet<>();
        for (String path : snapshot.files()) {
            Matcher root = MAIN_ROOT.matcher(path);
            if (!root.matches() || !(path.endsWith(".java") || path.endsWith(".kt"))) {
                continue;
            }
            String folder = root.group(2).contains("/") ? root.group(2).substring(0, root.group(2).lastIndexOf('/')) : "";
            String name = path.substring(path.lastIndexOf('/') + 1);
            boolean underLocation = packages.stream().anyMatch(p -> folder.equals(p) || folder.startsWith(p + "/"));
            if (!underLocation && !OUTSIDE_NAME.matcher(name).matches()) {
                continue;
            }
            Optional<String> text = text(path);
            if (text.isEmpty()) {
                continue;
            }
            List<MigrationClassSource> declared = path.endsWith(".kt") ? kotlin.declaredIn(path, text.get())
                    : java.declaredIn(path, text.get());
            for (MigrationClassSource source : declared) {
                String pkg = source.packageName().replace('.', '/');
                boolean inLocation = packages.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "/"));
                JavaMigrationSources.Reach reach = path.endsWith(".kt") ? kotlin.reachesFlyway(source)
                        : java.reachesFlyway(source);
                boolean named = NAMED.matcher(source.simpleName()).matches() || source.version().isPresent();
                if (!source.concrete() || !named || reach == JavaMigrationSources.Reach.NO) {
                    continue;
                }
                if (path.endsWith(".java")) {
                    bases.addAll(java.migrationBasesOf(source));
                }
                if (source.versionComputed() && !NAMED.matcher(source.simpleName()).matches()) {
                    warnings.add(path + ": " + source.qualifiedName() + " computes its version at run time, which the"
                            + " gate cannot read; it is left out of the check");
                    continue;
                }
                Optional<Naming> naming = naming(source);
                if (naming.isEmpty()) {
                    if (inLocation && reach == JavaMigrationSources.Reach.YES) {
                        warnings.add(path + ": " + source.qualifiedName() + " is named like a Java migration but Flyway"
                                + " cannot read a version from its name (V<version>__<description>); it is left out");
                    }
                    continue;
                }
                if (inLocation) {
                    JavaMigrationClass found = migration(source, naming.get(), true);
                    JavaMigrationClass clash = inside.values().stream()
                            .filter(c -> c.identity().equals(found.identity())).findFirst().orElse(null);
                    if (clash != null) {
                        throw SwitchoverException.badInput(snapshot.name() + ": " + source.qualifiedName() + " and "
                                + clash.className() + " are both migration " + describe(found) + "; Flyway refuses"
                                + " two migrations with one version");
                    }
                    inside.put(found.className(), found);
                } else if (reach == JavaMigrationSources.Reach.YES && modules.contains(moduleOf(path))
                        && vendorFree(pkg)) {
                    outside.add(new Candidate(source, naming.get()));
                } else if (reach == JavaMigrationSources.Reach.YES) {
                    others.add(path);
                }
            }
        }
        others.addAll(bases);
        return result(inside, outside, others, warnings);
    }

    /**
     * What was found: the migrations of the locations, else those outside them that the module's code may register
     * (with a note that names their packages), and the other classes that reach Flyway, less those taken.
     */
    private Found result(Map<String, JavaMigrationClass> inside, List<Candidate> outside, Set<String> others,
                         List<String> warnings) {
        List<String> notes = new ArrayList<>();
        List<JavaMigrationClass> classes = new ArrayList<>(inside.values());
        Map<String, List<String>> takenOutside = new TreeMap<>();
        Set<String> identities = new java.util.HashSet<>();
        classes.forEach(c -> identities.add(c.identity()));
        for (Candidate candidate : outside) {
            if (!inside.isEmpty()) {
                // Locations that hold Java migrations name the project's Java packages: another package of the module
                // is another database's (airbyte's jobs beside its configs)
                others.add(candidate.source().path());
                continue;
            }
            JavaMigrationClass found = migration(candidate.source(), candidate.naming(), false);
            if (!identities.add(found.identity())) {
                others.add(candidate.source().path());
                continue; // another copy of a migration the locations have
            }
            classes.add(found);
            takenOutside.computeIfAbsent(candidate.source().packageName(), p -> new ArrayList<>())
                    .add(candidate.source().simpleName());
        }
        takenOutside.forEach((pkg, names) -> notes.add("Java migrations of package " + pkg + " (" + shortList(names)
                + ") are taken though no location names it: they implement Flyway's JavaMigration, and the project"
                + " may register the package in code; if Flyway does not run them, give the locations with"
                + " --migrations"));
        classes.forEach(c -> others.remove(c.path()));
        return new Found(List.copyOf(classes), List.copyOf(notes), List.copyOf(warnings), List.copyOf(others));
    }

    /** A few names, and how many more. */
    static String shortList(List<String> names) {
        return io.switchover.ShortList.of(names, 5);
    }

    private record Candidate(MigrationClassSource source, Naming naming) {
    }

    private record Naming(String version, String description) {
    }

    private JavaMigrationClass migration(MigrationClassSource source, Naming naming, boolean inside) {
        MigrationSourceSql sql;
        try {
            sql = source.path().endsWith(".kt") ? kotlin.sqlOf(source) : java.sqlOf(source);
        } catch (RuntimeException | StackOverflowError e) {
            sql = MigrationSourceSql.unknown("its source could not be read (" + e.getClass().getSimpleName() + ")");
        }
        return new JavaMigrationClass(source.qualifiedName(), source.path(), naming.version(), naming.description(),
                source.checksum().orElse(null), inside, sql);
    }

    /**
     * Version and description as Flyway gives them: from {@code getVersion()}/{@code getDescription()} when the class
     * overrides them with literals, else from the class name as {@code BaseJavaMigration} reads it.
     */
    static Optional<Naming> naming(MigrationClassSource source) {
        Optional<Pair<MigrationVersion, String>> fromName = fromName(source.simpleName());
        String version;
        if (source.version().isPresent()) {
            try {
                version = MigrationVersion.fromVersion(source.version().get()).getVersion();
            } catch (FlywayException | IllegalArgumentException e) {
                return Optional.empty();
            }
        } else if (fromName.isPresent()) {
            version = fromName.get().getLeft() == null ? null : fromName.get().getLeft().getVersion();
        } else {
            return Optional.empty();
        }
        String description = source.description()
                .orElseGet(() -> fromName.map(Pair::getRight).orElse(source.simpleName()));
        return Optional.of(new Naming(version, description));
    }

    private static Optional<Pair<MigrationVersion, String>> fromName(String simpleName) {
        boolean repeatable = simpleName.startsWith("R");
        if (!repeatable && !simpleName.startsWith("V")) {
            return Optional.empty();
        }
        try {
            return Optional.of(MigrationInfoHelper.extractVersionAndDescription(simpleName,
                    simpleName.substring(0, 1), "__", new String[] {""}, repeatable));
        } catch (FlywayException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String describe(JavaMigrationClass migration) {
        return migration.version() == null ? "R__" + migration.description() : "version " + migration.version();
    }

    /**
     * The package a location stands for, as a path ({@code db/migration}): the folder's part after
     * {@code src/main/resources/} (or {@code java}, {@code kotlin}), or the folder itself when it names no source root
     * ({@code db/migration}, read as {@code classpath:db/migration}).
     */
    static Optional<String> packageOf(String location) {
        Matcher root = LOCATION_ROOT.matcher(location + "/");
        String pkg = root.matches() ? root.group(2) : location;
        while (pkg.endsWith("/")) {
            pkg = pkg.substring(0, pkg.length() - 1);
        }
        return pkg.isEmpty() || pkg.startsWith(".") ? Optional.empty() : Optional.of(pkg);
    }

    /** The module folder ({@code api/}) a path of the snapshot belongs to; empty for the root module. */
    private static String moduleOf(String path) {
        Matcher root = LOCATION_ROOT.matcher(path + "/");
        return root.matches() ? root.group(1) : "";
    }

    private static boolean vendorFree(String pkg) {
        for (String segment : pkg.split("/")) {
            if (VENDORS.contains(segment.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the snapshot has Java or Kotlin classes in the package a location stands for. */
    static boolean hasClassesFor(Snapshot snapshot, String location) {
        Optional<String> pkg = packageOf(location);
        if (pkg.isEmpty()) {
            return false;
        }
        for (String path : snapshot.files()) {
            Matcher root = MAIN_ROOT.matcher(path);
            if (root.matches() && (path.endsWith(".java") || path.endsWith(".kt"))
                    && root.group(2).startsWith(pkg.get() + "/")) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> text(String path) {
        try {
            return Optional.of(snapshot.read(path));
        } catch (SwitchoverException e) {
            return Optional.empty();
        }
    }
}
