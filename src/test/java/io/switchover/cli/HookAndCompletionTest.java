package io.switchover.cli;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where users start the gate: shell completion, and git's pre-push hook. */
class HookAndCompletionTest {

    private record Run(int exitCode, String output) {
    }

    private static Run shell(Path directory, String input, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("shell", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Process process = builder.start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void theCompletionScriptIsBashThatCompletesSwitchover(@TempDir Path dir) throws Exception {
        CommandLineRun run = CommandLineRun.of("generate-completion");
        assertEquals(0, run.exitCode(), run.err());
        Path script = dir.resolve("switchover-completion.bash");
        Files.writeString(script, run.out());

        assertEquals(0, shell(dir, "", "bash", "-n", script.toString()).exitCode());
        Run loaded = shell(dir, "", "bash", "-c", "source " + script + " && complete -p switchover");
        assertEquals(0, loaded.exitCode(), loaded.output());
        assertTrue(loaded.output().contains("switchover"), loaded.output());
        assertTrue(run.out().contains("--output-dir"), "the options of check are completed");
    }

    @Test
    void hookInstallWritesAPrePushHookThatChecksEachPushedCommitAndStopsAnUnsafePush(@TempDir Path dir)
            throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();

        CommandLineRun install = CommandLineRun.of("hook", "install", "--repo", dir.toString(), "--prod", "v1.4.0");

        assertEquals(0, install.exitCode(), install.err());
        Path hook = dir.resolve(".git/hooks/pre-push");
        assertTrue(Files.isExecutable(hook));
        assertEquals(0, shell(dir, "", "sh", "-n", hook.toString()).exitCode());
        // A stand-in for switchover that records its arguments and says the push is unsafe.
        Path stub = dir.resolve("stub.sh");
        Files.writeString(stub, "#!/bin/sh\necho \"$@\" >> \"" + dir.resolve("calls.txt") + "\"\nexit 1\n");
        stub.toFile().setExecutable(true);
        String sha = "1234567890123456789012345678901234567890";
        Run pushed = shell(dir, "refs/heads/main " + sha + " refs/heads/main 0000000000000000000000000000000000000000\n"
                + "(delete) 0000000000000000000000000000000000000000 refs/heads/old " + sha + "\n",
                "env", "SWITCHOVER=" + stub, "sh", hook.toString(), "origin", "git@example.invalid:people.git");

        assertEquals(1, pushed.exitCode(), pushed.output());
        assertTrue(pushed.output().contains("push stopped (exit 1)"), pushed.output());
        assertEquals(List.of("check --prod git:v1.4.0 --candidate git:" + sha + " --brief --width 100"),
                Files.readAllLines(dir.resolve("calls.txt")), "one check, none for the deleted ref");
    }

    @Test
    void hookInstallKeepsAHookItDidNotWriteUnlessForced(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();
        Path hook = dir.resolve(".git/hooks/pre-push");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho mine\n");

        CommandLineRun refused = CommandLineRun.of("hook", "install", "--repo", dir.toString(), "--prod", "main");
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("was not installed by switchover"), refused.err());
        assertEquals("#!/bin/sh\necho mine\n", Files.readString(hook));

        assertEquals(0, CommandLineRun.of("hook", "install", "--repo", dir.toString(), "--prod", "main", "--force")
                .exitCode());
        assertTrue(Files.readString(hook).contains(HookCommand.MARK));
    }

    @Test
    void hookInstallWantsToKnowWhatProductionRuns(@TempDir Path dir) throws Exception {
        Git.init().setDirectory(dir.toFile()).call().close();

        CommandLineRun run = CommandLineRun.of("hook", "install", "--repo", dir.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--prod <ref>"), run.err());
    }
}
