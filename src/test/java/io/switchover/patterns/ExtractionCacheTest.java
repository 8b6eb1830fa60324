package io.switchover.patterns;

import io.switchover.patterns.model.ExtractionResult;
import io.switchover.snapshot.DirectorySnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractionCacheTest {
    private static final String REPOSITORY = """
            package com.example.people;

            import org.springframework.jdbc.core.JdbcTemplate;

            class PersonRepository {
                private final JdbcTemplate jdbc;

                PersonRepository(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                void rename(long id, String alice) {
                    jdbc.update("UPDATE person SET alice = ? WHERE id = ?", alice, id);
                }

                String alice(long id) {
                    return jdbc.queryForObject("SELECT alice FROM person WHERE id = ?", String.class, id);
                }

                void archive(String table) {
                    jdbc.update("DELETE FROM " + table + " WHERE created_at < now()");
                }
            }
            """;

    @TempDir
    Path service;
    @TempDir
    Path cacheDir;

    private void write(String path, String text) throws IOException {
        Path file = service.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private ExtractionCache.Scan scan(ExtractionCache cache, String settings) {
        return cache.scan(new ServiceSourceScanner(), DirectorySnapshot.of(service), List.of(), List.of("db/migration"),
                settings);
    }

    /** A scan, kept with what its statements reference as a check finds it. */
    private ExtractionCache.Scan scanAndKeep(ExtractionCache cache, String settings) {
        ExtractionCache.Scan scan = scan(cache, settings);
        Map<String, Optional<SqlReferences>> references = new java.util.TreeMap<>();
        scan.result().patterns().forEach(p -> references.put(p.sql(), SqlReferences.of(p.sql())));
        scan.keep(references);
        return scan;
    }

    @Test
    void anUnchangedVersionIsReadFromTheCacheAsItWasFound() throws IOException {
        write("src/main/java/com/example/people/PersonRepository.java", REPOSITORY);
        write("src/main/resources/application.yml", "spring:\n  datasource:\n    url: jdbc:postgresql://db/people\n");
        ExtractionCache cache = ExtractionCache.at(cacheDir, 1L << 20);

        ExtractionCache.Scan first = scanAndKeep(cache, "parse everything");
        ExtractionCache.Scan second = scan(cache, "parse everything");

        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertEquals(2, first.result().patterns().size(), first.result().toString());
        assertFalse(first.result().notChecked().isEmpty(), "the DELETE built of a parameter is not checked");
        assertEquals(first.result(), second.result());
        assertEquals(SqlReferences.of("UPDATE person SET alice = ? WHERE id = ?"),
                second.references().get("UPDATE person SET alice = ? WHERE id = ?"));
        assertEquals(2, second.references().size());
    }

    @Test
    void aChangedFileMissesTheCacheAndIsReadAgain() throws IOException {
        write("src/main/java/com/example/people/PersonRepository.java", REPOSITORY);
        ExtractionCache cache = ExtractionCache.at(cacheDir, 1L << 20);
        scanAndKeep(cache, "parse everything");

        write("src/main/java/com/example/people/PersonRepository.java", REPOSITORY.replace("SELECT alice", "SELECT brian"));
        ExtractionCache.Scan changed = scanAndKeep(cache, "parse everything");

        assertFalse(changed.fromCache());
        assertTrue(changed.result().patterns().stream().anyMatch(p -> p.sql().equals("SELECT brian FROM person WHERE id = ?")));
        assertTrue(scan(cache, "parse everything").fromCache(), "the entry is made again for the new text");
    }

    @Test
    void aFileAddedToTheSourcesOrAChangedConfigurationMissesTheCache() throws IOException {
        write("src/main/java/com/example/people/PersonRepository.java", REPOSITORY);
        ExtractionCache cache = ExtractionCache.at(cacheDir, 1L << 20);
        scanAndKeep(cache, "parse everything");

        write("src/main/java/com/example/people/Audit.java", "package com.example.people;\nclass Audit {\n"
                + "    static final String LOG = \"INSERT INTO audit (what) VALUES (?)\";\n}\n");
        ExtractionCache.Scan added = scanAndKeep(cache, "parse everything");
        assertFalse(added.fromCache());
        assertEquals(3, added.result().patterns().size());

        write("src/main/resources/application.properties", "spring.jpa.hibernate.naming.physical-strategy=x\n");
        assertFalse(scan(cache, "parse everything").fromCache(), "the configuration is read by the scan");
    }

    @Test
    void otherSettingsOrAnotherBuildOfTheToolMissTheCache() throws IOException {
        write("src/main/java/com/example/people/PersonRepository.java", REPOSITORY);
        ExtractionCache cache = ExtractionCache.at(cacheDir, 1L << 20);
        scanAndKeep(cache, "parse statements naming person");

        assertFalse(scan(cache, "parse statements naming person, audit").fromCache());
        assertFalse(scan(cache.asTool("0.9.0 jar:1:2"), "parse statements naming person").fromCache());
        assertTrue(scan(cache, "parse statements naming person").fromCache());
    }

    @Test
    void aTruncatedOrDamagedEntryIsMadeAgain() throws IOException {
        write("src/main/java/com/example/people/PersonRepository.java", REPOSITORY);
        ExtractionCache cache = ExtractionCache.at(cacheDir, 1L << 20);
        ExtractionResult found = scanAndKeep(cache, "parse everything").result();
        Path entry = onlyEntry();

        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ExtractionCache.Scan afterTruncation = scanAndKeep(cache, "parse everything");
        assertFalse(afterTruncation.fromCache());
        assertEquals(found, afterTruncation.result());

        bytes = Files.readAllBytes(onlyEntry());
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(onlyEntry(), bytes);
        assertFalse(scanAndKeep(cache, "parse everything").fromCache(), "a flipped bit fails the checksum");
        assertTrue(scan(cache, "parse everything").fromCache());
        assertEquals(found, scan(cache, "parse everything").result());
    }

    @Test
    void theLeastRecentlyUsedEntriesGoWhenTheBoundIsReached() throws IOException {
        write("src/main/java/com/example/people/PersonRepository.java", REPOSITORY);
        scanAndKeep(ExtractionCache.at(cacheDir, 1L << 20), "first");
        long entry = Files.size(onlyEntry());
        ExtractionCache small = ExtractionCache.at(cacheDir, entry + entry / 2);

        scanAndKeep(small, "second");

        assertEquals(1, entries().size(), "room for one entry only");
        assertTrue(scan(small, "second").fromCache());
        assertFalse(scan(small, "first").fromCache());
    }

    @Test
    void withoutACacheNothingIsKept() throws IOException {
        write("src/main/java/com/example/people/PersonRepository.java", REPOSITORY);
        ExtractionCache none = ExtractionCache.none();
        scanAndKeep(none, "parse everything");
        assertFalse(scan(none, "parse everything").fromCache());
        assertTrue(entries().isEmpty());
    }

    private Path onlyEntry() throws IOException {
        List<Path> entries = entries();
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    private List<Path> entries() throws IOException {
        Path folder = cacheDir.resolve("extraction");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".scan")).toList();
        }
    }
}
