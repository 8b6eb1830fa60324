package io.switchover.check;

import io.switchover.SwitchoverException;
import io.switchover.patterns.builders.MicronautDataEntities;
import io.switchover.patterns.builders.SpringDataJdbcAggregates;
import io.switchover.patterns.jpa.JpaExtractor;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.rules.CheckedStatement;
import io.switchover.rules.Finding;
import io.switchover.rules.Severity;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mapping no code of the running version uses: an entity or aggregate and its repository that nothing else in the
 * service names (familie-tilbake's V18 dropped two tables whose Spring Data JDBC repositories no class injects;
 * familie-ba-sak's V312 one whose JPA entity only tests touched). The framework issues their statements only when code
 * saves or loads them, and no code path does: a reviewer with {@code git grep} calls the drop safe. Their breaks are
 * warnings, saying so, instead of errors. Kept errors: where another file names one of the types (an association, a
 * constructor call, an import), where Spring Data REST may export the repository without any caller, and where
 * Hibernate validates the schema at start-up ({@code ddl-auto: validate}): a restart of the old version would fail.
 */
final class UnusedMappings {
    private static final Set<String> MAPPING_READERS = Set.of(JpaExtractor.ENTITY, JpaExtractor.COLUMN,
            JpaExtractor.NATIVE, JpaExtractor.JPQL, JpaExtractor.DERIVED, JpaExtractor.NAMED,
            SpringDataJdbcAggregates.ID, MicronautDataEntities.ID);
    private static final Set<String> RULES = Set.of("dropped-table-still-used", "dropped-column-still-used",
            "renamed-table-still-used", "renamed-column-still-used");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|object|record|enum)\\s+([A-Z]\\w*)");
    private static final Pattern REPOSITORY_OF = Pattern.compile("Repository\\s*<\\s*([A-Z]\\w*)");
    private static final int ROUNDS = 3;
    private static final Pattern VALIDATES = Pattern.compile("ddl-auto\\s*[:=]\\s*[\"']?validate\\b");

    private final Map<String, RunningVersion> versions = new HashMap<>();
    private final Map<String, Optional<Set<String>>> unused = new HashMap<>();
    private final Map<String, SourceIndex> indexes = new HashMap<>();

    private UnusedMappings(List<RunningVersion> running) {
        running.forEach(version -> versions.put(version.issuer().service(), version)); // as a finding names it
    }

    /** The findings, each break only of statements of mappings nothing uses a warning that says so. */
    static List<Finding> weighed(List<Finding> findings, List<CheckedStatement> statements,
                                 List<RunningVersion> running) {
        if (findings.stream().noneMatch(UnusedMappings::mayBeOfAMapping)) {
            return findings;
        }
        UnusedMappings mappings = new UnusedMappings(running);
        return findings.stream().map(finding -> mappings.weigh(finding, statements)).toList();
    }

    private static boolean mayBeOfAMapping(Finding finding) {
        return finding.severity() == Severity.ERROR && RULES.contains(finding.rule()) && finding.pattern() != null
                && MAPPING_READERS.contains(finding.pattern().extractor());
    }

    private Finding weigh(Finding finding, List<CheckedStatement> statements) {
        RunningVersion version = versions.get(finding.service());
        if (!mayBeOfAMapping(finding) || version == null) {
            return finding;
        }
        List<AccessPattern> issuedFrom = statements.stream().filter(s -> s.patterns().contains(finding.pattern()))
                .findFirst().map(CheckedStatement::patterns).orElse(List.of(finding.pattern()));
        Set<String> types = new LinkedHashSet<>();
        for (AccessPattern pattern : issuedFrom) {
            if (!MAPPING_READERS.contains(pattern.extractor())) {
                return finding; // written code issues it too
            }
            Optional<Set<String>> group = unusedGroup(version, pattern.origin().path());
            if (group.isEmpty()) {
                return finding;
            }
            types.addAll(group.get());
        }
        return new Finding(finding.rule(), Severity.WARNING, finding.title(), finding.migration(), finding.step(),
                finding.line(), finding.service(), finding.pattern(), finding.message() + "; but nothing of "
                + finding.service() + " outside their own files names " + String.join(", ", types)
                + ", so no code path reaches this statement (a warning, not an error)", "confirm that nothing"
                + " uses " + String.join(", ", types) + " (reflection, another service's copy of the code), then"
                + " promote; better, remove the unused mapping in a deployment before the drop", finding.error());
    }

    /** The types of the mapping the file belongs to, when no other file of the version names any of them. */
    private Optional<Set<String>> unusedGroup(RunningVersion version, String path) {
        return unused.computeIfAbsent(version.issuer().service() + "\n" + path, key -> findUnused(version, path));
    }

    /**
     * What a version's Java and Kotlin files say, read once however many mappings are weighed: the type each file is
     * named for, the types it is a repository of, and the files each identifier appears in.
     */
    private record SourceIndex(Map<String, Set<String>> primary, Map<String, Set<String>> repositoryOf,
                               Map<String, Set<String>> filesByWord, boolean exportedOrValidated) {
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");

    private SourceIndex index(RunningVersion version) {
        return indexes.computeIfAbsent(version.issuer().service(), key -> {
            Map<String, Set<String>> primary = new HashMap<>();
            Map<String, Set<String>> repositoryOf = new HashMap<>();
            Map<String, Set<String>> filesByWord = new HashMap<>();
            boolean exported = false;
            for (String file : version.files()) {
                if (!file.endsWith(".java") && !file.endsWith(".kt")) {
                    continue;
                }
                Optional<String> text = text(version, file);
                if (text.isEmpty()) {
                    continue;
                }
                exported |= text.get().contains("RepositoryRestResource");
                primary.put(file, primary(file, text.get()));
                repositoryOf.put(file, repositoryTypes(text.get()));
                Matcher word = WORD.matcher(text.get());
                while (word.find()) {
                    filesByWord.computeIfAbsent(word.group(), w -> new LinkedHashSet<>()).add(file);
                }
            }
            return new SourceIndex(primary, repositoryOf, filesByWord, exported || mayBeExportedOrValidated(version));
        });
    }

    private Optional<Set<String>> findUnused(RunningVersion version, String path) {
        SourceIndex index = index(version);
        if (!index.primary().containsKey(path) || index.exportedOrValidated()) {
            return Optional.empty();
        }
        Set<String> group = new LinkedHashSet<>(Set.of(path));
        Set<String> names = new LinkedHashSet<>(index.primary().get(path));
        for (int round = 0; round < ROUNDS; round++) {
            Set<String> joining = new LinkedHashSet<>();
            for (String name : names) {
                for (String file : index.filesByWord().getOrDefault(name, Set.of())) {
                    if (!group.contains(file) && index.repositoryOf().get(file).contains(name)) {
                        joining.add(file); // a repository of one of the types
                    }
                }
            }
            for (String member : group) { // the types the group's repositories hold
                for (String held : index.repositoryOf().get(member)) {
                    index.primary().forEach((file, declared) -> {
                        if (!group.contains(file) && declared.contains(held)) {
                            joining.add(file);
                        }
                    });
                }
            }
            if (joining.isEmpty()) {
                break;
            }
            group.addAll(joining);
            joining.forEach(file -> names.addAll(index.primary().get(file)));
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        for (String name : names) {
            if (!group.containsAll(index.filesByWord().getOrDefault(name, Set.of()))) {
                return Optional.empty(); // another file names it
            }
        }
        return Optional.of(names);
    }

    /**
     * Whether the build has Spring Data REST, which exports a repository without a caller, or the configuration has
     * Hibernate validate every mapped table at start-up ({@code @RepositoryRestResource} is looked for while indexing).
     */
    private static boolean mayBeExportedOrValidated(RunningVersion version) {
        for (String file : version.snapshot().files()) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            boolean build = name.equals("pom.xml") || name.startsWith("build.gradle");
            boolean config = name.startsWith("application") && (name.endsWith(".yml") || name.endsWith(".yaml")
                    || name.endsWith(".properties"));
            if (build || config) {
                String text = text(version, file).orElse("");
                if (build && text.contains("data-rest") || config && VALIDATES.matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The type a file is named for ({@code Aksjonspunkt} of {@code Aksjonspunkt.kt}), or all it declares: an enum
     * declared beside an aggregate and used elsewhere does not use the aggregate.
     */
    private static Set<String> primary(String path, String text) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        String name = file.substring(0, file.lastIndexOf('.'));
        Set<String> declared = declared(text);
        return declared.contains(name) ? Set.of(name) : declared;
    }

    private static Set<String> declared(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher declared = DECLARED.matcher(text);
        while (declared.find()) {
            names.add(declared.group(1));
        }
        return names;
    }

    private static Set<String> repositoryTypes(String text) {
        Set<String> types = new LinkedHashSet<>();
        Matcher repository = REPOSITORY_OF.matcher(text);
        while (repository.find()) {
            types.add(repository.group(1));
        }
        return types;
    }

    private static Optional<String> text(RunningVersion version, String path) {
        try {
            return Optional.of(version.snapshot().read(path));
        } catch (SwitchoverException e) {
            return Optional.empty();
        }
    }
}
