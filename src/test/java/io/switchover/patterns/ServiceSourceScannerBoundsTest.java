package io.switchover.patterns;

import io.switchover.SwitchoverException;
import io.switchover.patterns.model.AccessPattern;
import io.switchover.patterns.model.ExtractionResult;
import io.switchover.patterns.model.UnresolvedSql;
import io.switchover.snapshot.InMemorySnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file of the running version that cannot be read, or that is beyond what its parser is given, is a place not
 * checked with the reason, never a mere warning (which would let the gate pass) and never a crash.
 */
class ServiceSourceScannerBoundsTest {
    private static final String DAO = "src/main/java/com/example/Dao.java";
    private final ServiceSourceScanner scanner = new ServiceSourceScanner();

    @Test
    void aFileThatCannotBeReadIsNotCheckedWithTheReason() {
        InMemorySnapshot snapshot = new InMemorySnapshot("prod")
                .with("src/main/java/com/example/Ok.java", "class Ok { String q = \"SELECT id FROM person\"; }")
                .unreadable(DAO, "permission denied");

        ExtractionResult result = scanner.scan(snapshot, List.of(), List.of());

        assertEquals(List.of(UnresolvedSql.wholeFile(DAO, 1, "cannot be read: permission denied")),
                result.notChecked());
        assertEquals(1, result.patterns().size());
    }

    @Test
    void whatTheSnapshotSkippedIsInTheWarnings() {
        InMemorySnapshot snapshot = new InMemorySnapshot("prod")
                .with("src/main/java/com/example/Ok.java", "class Ok {}")
                .skipping("src/main/java/com/example/Env.java", "a symbolic link that points outside the snapshot");

        assertEquals(List.of("prod: src/main/java/com/example/Env.java is skipped: a symbolic link that points outside"
                + " the snapshot"), scanner.scan(snapshot, List.of(), List.of()).warnings());
    }

    @Test
    void hundredsOfSkippedEntriesAreSummedUp() {
        InMemorySnapshot snapshot = new InMemorySnapshot("prod").with("src/Ok.java", "class Ok {}");
        for (int i = 0; i < 250; i++) {
            snapshot.skipping("links/l" + i, "a symbolic link to a folder, which is not followed");
        }

        List<String> warnings = scanner.scan(snapshot, List.of(), List.of()).warnings();

        assertEquals(21, warnings.size());
        assertEquals("prod: 230 more entries are skipped (links out of the snapshot or to folders, pipes, submodules)",
                warnings.get(20));
    }

    @Test
    void aConcatenationOfFiftyThousandTermsIsNotCheckedWithoutOverflowingTheStack() {
        String terms = String.join(" + ", java.util.Collections.nCopies(50_000, "\"x \""));
        String source = "class Dao {\n  static final String SQL = \"SELECT a FROM t WHERE \" + " + terms + ";\n}\n";

        ExtractionResult result = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> scanner.scan(new InMemorySnapshot("prod").with(DAO, source), List.of(), List.of()));

        assertEquals(1, result.notChecked().size(), result.toString());
        assertTrue(result.notChecked().get(0).reason().startsWith("not parsed: an expression in it is 50005 levels"
                + " deep (a long + chain?), more than the 2000 switchover follows"), result.notChecked().toString());
    }

    @Test
    void aConcatenationOfAThousandTermsIsEvaluated() {
        String terms = String.join(" + ", java.util.Collections.nCopies(1_000, "\" \""));
        String source = "class Dao {\n  static final String SQL = \"SELECT a FROM t\" + " + terms + ";\n}\n";

        ExtractionResult result = scanner.scan(new InMemorySnapshot("prod").with(DAO, source), List.of(), List.of());

        assertEquals(List.of("SELECT a FROM t"), result.patterns().stream().map(AccessPattern::sql).toList());
    }

    @Test
    void javaNestedThousandsDeepIsNotParsed() {
        String source = "class Dao {\n  int x = " + "(".repeat(5_000) + "1" + ")".repeat(5_000) + ";\n}\n";

        ExtractionResult result = scanner.scan(new InMemorySnapshot("prod").with(DAO, source), List.of(), List.of());

        assertEquals(List.of(UnresolvedSql.wholeFile(DAO, 1, "not parsed: its brackets are nested 5001 deep, more"
                + " than the 200 switchover gives JavaParser")), result.notChecked());
    }

    @Test
    void aJavaFileTooLargeForJavaParserIsNotCheckedSayingSo() {
        StringBuilder source = new StringBuilder("class Big {\n");
        while (source.length() < JavaSources.MAX_CHARS) {
            source.append("  String q").append(source.length()).append(" = \"SELECT id FROM person\";\n");
        }
        source.append("}\n");

        ExtractionResult result = scanner.scan(new InMemorySnapshot("prod").with(DAO, source.toString()), List.of(),
                List.of());

        assertEquals(1, result.notChecked().size());
        assertTrue(result.notChecked().get(0).reason().startsWith("not parsed: it is 2048 KB of Java, more than the"
                + " 2048 KB switchover gives JavaParser"), result.notChecked().get(0).reason());
    }

    @Test
    void aSqlStatementNestedTooDeepInASqlFileIsNotCheckedSayingHowDeep() {
        String sql = "SELECT a FROM t WHERE x = " + "(".repeat(3_000) + "1" + ")".repeat(3_000) + ";\n";

        ExtractionResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scanner.scan(
                new InMemorySnapshot("prod").with("src/main/resources/queries.sql", sql), List.of(), List.of()));

        assertEquals("not parsed: nested 3000 deep, deeper than the 100 levels JSqlParser is given",
                result.notChecked().get(0).reason());
    }

    @Test
    void aSourceFolderThatLeavesTheSnapshotIsBadInput() {
        SwitchoverException e = assertThrows(SwitchoverException.class, () -> scanner.scan(
                new InMemorySnapshot("prod").with(DAO, "class Dao {}"), List.of("../x"), List.of()));

        assertEquals("source folder '../x' leaves the snapshot; --sources takes a folder inside it, relative to its"
                + " root", e.getMessage());
    }
}
