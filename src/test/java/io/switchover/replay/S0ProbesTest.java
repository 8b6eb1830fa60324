package io.switchover.replay;

import io.switchover.timeline.DatabaseError;
import io.switchover.timeline.FailureKind;
import io.switchover.timeline.ProbeOutcome;
import io.switchover.timeline.ProbeStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S0ProbesTest {
    private static final String DIGEST = "a".repeat(64);
    private static final ProbeStatement SELECT = new ProbeStatement("SELECT brian FROM person WHERE id = ?",
            List.of("person"), List.of("person.id"));

    @TempDir
    Path folder;

    private static String key(ProbeStatement statement, Object... values) {
        return S0Probes.key(statement, Arrays.asList(values)).orElseThrow();
    }

    @Test
    void anyChangeOfTheStatementOrItsValuesIsAnotherProbe() {
        String probe = key(SELECT, 1L);

        assertEquals(probe, key(SELECT, 1L));
        assertNotEquals(probe, key(SELECT, 2L));
        assertNotEquals(probe, key(SELECT, 1), "another type of the same number");
        assertNotEquals(probe, key(SELECT, "1"));
        assertNotEquals(probe, key(new ProbeStatement("SELECT brian FROM person WHERE id = ? ", List.of("person"),
                List.of("person.id")), 1L));
        assertNotEquals(probe, key(new ProbeStatement(SELECT.jdbcSql(), SELECT.tables(), SELECT.parameterColumns(),
                true), 1L), "a statement only the candidate sends");
        assertNotEquals(key(SELECT, (Object) new byte[] {1}), key(SELECT, (Object) new byte[] {2}));
        assertEquals(Optional.empty(), S0Probes.key(SELECT, List.of(new Object())), "a value its text may not say");
    }

    @Test
    void outcomesReadBackAsTheyWereWritten() throws IOException {
        S0Probes probes = S0Probes.of(DIGEST);
        List<ProbeOutcome> outcomes = List.of(ProbeOutcome.ok(), ProbeOutcome.returning(List.of()),
                ProbeOutcome.returning(List.of("")), ProbeOutcome.returning(List.of("id", "brian")),
                ProbeOutcome.failed(new DatabaseError("42703", 42122, "Column \"BRIAN\" not found;\tline\nnext \\n",
                        FailureKind.UNDEFINED_COLUMN)),
                ProbeOutcome.failed(new DatabaseError(null, 0, "-", FailureKind.DATA_CONFLICT)));
        for (int i = 0; i < outcomes.size(); i++) {
            probes.put(key(SELECT, (long) i), outcomes.get(i));
        }
        Path file = folder.resolve("s0-probes.tsv");
        probes.write(file);

        S0Probes read = S0Probes.read(file, DIGEST);

        assertEquals(outcomes.size(), read.size());
        for (int i = 0; i < outcomes.size(); i++) {
            assertEquals(Optional.of(outcomes.get(i)), read.find(key(SELECT, (long) i)));
        }
    }

    @Test
    void anOutcomeThatMayNotRepeatIsNotKept() {
        S0Probes probes = S0Probes.of(DIGEST);
        probes.put(key(SELECT, 1L), ProbeOutcome.failed(new DatabaseError("57014", 0, "canceling statement due to"
                + " statement timeout", FailureKind.OTHER)));

        assertEquals(Optional.empty(), probes.find(key(SELECT, 1L)));
    }

    @Test
    void aCutOffFileLosesItsLastLineNotPartOfIt() throws IOException {
        S0Probes probes = S0Probes.of(DIGEST);
        probes.put(key(SELECT, 1L), ProbeOutcome.returning(List.of("id", "brian")));
        Path file = folder.resolve("s0-probes.tsv");
        probes.write(file);
        String text = Files.readString(file);
        List<String> read = new ArrayList<>();
        for (int cut = text.indexOf('\n') + 1; cut < text.length() - 1; cut++) {
            Files.writeString(file, text.substring(0, cut));
            S0Probes part = S0Probes.read(file, DIGEST);
            part.find(key(SELECT, 1L)).ifPresent(outcome -> read.add(outcome.toString()));
        }

        assertEquals(List.of(), read, "every cut of the line leaves it out");
    }

    @Test
    void theOutcomesOfAnotherBaselineAreNotRead() throws IOException {
        S0Probes probes = S0Probes.of(DIGEST);
        probes.put(key(SELECT, 1L), ProbeOutcome.ok());
        Path file = folder.resolve("s0-probes.tsv");
        probes.write(file);

        assertEquals(0, S0Probes.read(file, "b".repeat(64)).size());
        assertTrue(S0Probes.read(file, DIGEST).find(key(SELECT, 1L)).isPresent());
    }
}
