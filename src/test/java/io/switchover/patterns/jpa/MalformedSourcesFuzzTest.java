package io.switchover.patterns.jpa;

import io.switchover.patterns.SqlStatementClassifier;
import io.switchover.patterns.model.ExtractionResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Truncated and mutated versions of the fixtures' Java and Kotlin files: the extractor never throws, and every
 * warning names a file. The other files stay intact, so the model is still built across files.
 */
class MalformedSourcesFuzzTest {
    private static final Path SHOP = Path.of("src/test/resources/jpa/shop");
    private static final List<String> NOISE = List.of("{", "}", "(", ")", "\"", "\"\"\"", "@", "@Entity", ",", "<",
            ">", "=", ";", "`", "'", "/*", "*/", "//", "\n", "$", "${", "class ", "val ", "fun ", "import ", ".",
            "\\", "@Query(\"", "@Column(name = ", "extends ", ": ", "?");

    private final SqlStatementClassifier classifier = new SqlStatementClassifier();
    private final Map<String, String> fixtures = load();

    @Property(tries = 60)
    void truncatedSourcesYieldWarningsNeverExceptions(@ForAll("truncations") Mutation mutation) {
        check(mutation.apply(fixtures));
    }

    @Property(tries = 60)
    void mutatedSourcesYieldWarningsNeverExceptions(@ForAll("mutations") Mutation mutation) {
        check(mutation.apply(fixtures));
    }

    private void check(Map<String, String> sources) {
        // Naming only changes names; one strategy per try keeps the property fast.
        PhysicalNaming naming = PhysicalNaming.values()[Math.floorMod(sources.hashCode(), 2)];
        ExtractionResult result = new JpaExtractor(classifier, naming).extract(sources);
        for (String warning : result.warnings()) {
            assertTrue(sources.keySet().stream().anyMatch(warning::contains)
                    || warning.startsWith("JPA mapping could not be read"), warning);
        }
    }

    /** One file of the fixture changed: cut at {@code at}, or with {@code insert} put in and {@code remove} chars taken out. */
    record Mutation(String path, int at, int remove, String insert, boolean truncate) {
        Map<String, String> apply(Map<String, String> fixtures) {
            Map<String, String> sources = new LinkedHashMap<>(fixtures);
            String text = sources.get(path);
            int cut = Math.min(at, text.length());
            String changed = truncate ? text.substring(0, cut)
                    : text.substring(0, cut) + insert + text.substring(Math.min(text.length(), cut + remove));
            sources.put(path, changed);
            return sources;
        }
    }

    @Provide
    Arbitrary<Mutation> truncations() {
        return Combinators.combine(Arbitraries.of(List.copyOf(fixtures.keySet())), Arbitraries.integers().between(0, 2500))
                .as((path, at) -> new Mutation(path, at, 0, "", true));
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(NOISE),
                Arbitraries.strings().withChars("{}()[]<>@\"'`$;:,.=?/*\\\n ab").ofMaxLength(12));
        return Combinators.combine(Arbitraries.of(List.copyOf(fixtures.keySet())),
                        Arbitraries.integers().between(0, 2500), Arbitraries.integers().between(0, 40), insert)
                .as((path, at, remove, text) -> new Mutation(path, at, remove, text, false));
    }

    private static Map<String, String> load() {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(SHOP)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                sources.put(SHOP.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
