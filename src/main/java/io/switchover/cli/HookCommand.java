package io.switchover.cli;

import io.switchover.SwitchoverException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchover hook install}: the gate as git's pre-push hook, so that a push that would break production stops. */
@Command(name = "hook",
        mixinStandardHelpOptions = true,
        description = "Git hooks that run the gate.",
        subcommands = HookCommand.Install.class)
final class HookCommand implements Runnable {
    static final String MARK = "# installed by 'switchover hook install'";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "install",
            mixinStandardHelpOptions = true,
            description = {"Writes a pre-push hook into the repository: each pushed commit is checked as the candidate"
                    + " against production (--prod, or the repository's switchover.yml), and a push that is unsafe"
                    + " stops (git push --no-verify skips it). Delete the hook file to uninstall."})
    static final class Install implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--repo", paramLabel = "<path>", defaultValue = ".",
                description = "The repository (its working tree or git directory). Default: the current directory.")
        Path repository;

        @Option(names = "--prod", paramLabel = "<ref>",
                description = "What production runs, as a git ref (a tag, or a branch such as origin/production)."
                        + " Default: as the repository's switchover.yml says.")
        String production;

        @Option(names = "--prod-history", paramLabel = "<file>",
                description = "Production's Flyway history exported to a file (switchover snapshot-prod, flyway info"
                        + " -outputType=json): the hook runs offline on every push, so never a database URL.")
        Path history;

        @Option(names = "--prod-schema", paramLabel = "<file>",
                description = "Production's schema exported by 'switchover snapshot-prod --schema', for every check.")
        Path schema;

        @Option(names = "--config", paramLabel = "<file>",
                description = "A switchover.yml to pass to every check the hook runs.")
        Path config;

        @Option(names = "--force", description = "Replace a pre-push hook that switchover did not install.")
        boolean force;

        @Override
        public Integer call() {
            Path hooks;
            Path workTree;
            try (Repository repo = new FileRepositoryBuilder().setMustExist(true).readEnvironment()
                    .findGitDir(repository.toAbsolutePath().toFile()).build()) {
                String configured = repo.getConfig().getString("core", null, "hooksPath");
                workTree = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
                hooks = configured != null ? workTree.resolve(configured) : repo.getDirectory().toPath().resolve("hooks");
            } catch (IOException | IllegalArgumentException e) {
                throw SwitchoverException.badInput(repository + " is not a git repository: " + e.getMessage());
            }
            if (production == null && config == null && history == null
                    && !Files.exists(workTree.resolve("switchover.yml"))) {
                throw SwitchoverException.badInput("say what production runs: --prod <ref> (a tag or a branch such as"
                        + " origin/production), --prod-history <exported file>, or a switchover.yml at the"
                        + " repository's root");
            }
            requireFile("--prod-history", history);
            requireFile("--prod-schema", schema);
            Path hook = hooks.resolve("pre-push");
            try {
                if (Files.exists(hook) && !force && !Files.readString(hook, StandardCharsets.UTF_8).contains(MARK)) {
                    throw SwitchoverException.badInput(hook + " exists and was not installed by switchover: keep it, or"
                            + " replace it with --force");
                }
                Files.createDirectories(hooks);
                Files.writeString(hook, script(), StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    hook.toFile().setExecutable(true);
                }
            } catch (IOException e) {
                throw SwitchoverException.badInput("cannot write " + hook + ": " + e.getMessage());
            }
            spec.commandLine().getOut().println("installed " + hook + ": each push is checked against "
                    + (production != null ? "git:" + production : "production as switchover.yml says")
                    + " (git push --no-verify skips it)");
            return 0;
        }

        /** The hook: git passes each pushed ref as "local-ref local-sha remote-ref remote-sha" on standard input. */
        String script() {
            List<String> options = new ArrayList<>();
            if (production != null) {
                options.add("--prod " + quoted("git:" + production));
            }
            if (config != null) {
                options.add("--config " + quoted(config.toAbsolutePath().normalize().toString()));
            }
            if (history != null) {
                options.add("--prod-history " + quoted(history.toAbsolutePath().normalize().toString()));
            }
            if (schema != null) {
                options.add("--prod-schema " + quoted(schema.toAbsolutePath().normalize().toString()));
            }
            String launcher = System.getenv("SWITCHOVER_LAUNCHER");
            return "#!/bin/sh\n"
                    + MARK + "; delete this file to uninstall\n"
                    + "# Checks each pushed commit as the candidate while production keeps running; an unsafe push stops.\n"
                    + "switchover=\"${SWITCHOVER:-" + (launcher == null || launcher.isBlank() ? "switchover"
                    : launcher.replace("\"", "\\\"")) + "}\"\n"
                    + "status=0\n"
                    + "while read -r local_ref local_sha remote_ref remote_sha; do\n"
                    + "  case \"$local_sha\" in *[!0]*) ;; *) continue ;; esac  # a deleted ref: nothing to check\n"
                    + "  echo \"switchover: checking $local_ref ($local_sha) before the push\" >&2\n"
                    + "  \"$switchover\" check " + String.join(" ", options) + (options.isEmpty() ? "" : " ")
                    + "--candidate \"git:$local_sha\" --brief --width 100 || status=$?\n"
                    + "done\n"
                    + "if [ \"$status\" -ne 0 ]; then\n"
                    + "  echo \"switchover: push stopped (exit $status); 'git push --no-verify' skips the check\" >&2\n"
                    + "fi\n"
                    + "exit \"$status\"\n";
        }

        /** An offline input: a file that exists now, named by its absolute path in the hook. */
        private static void requireFile(String option, Path file) {
            if (file == null) {
                return;
            }
            if (file.toString().startsWith("jdbc:") || !Files.isRegularFile(file)) {
                throw SwitchoverException.badInput(option + " " + file + " is not a file; the hook runs offline on every"
                        + " push, without production's credentials: export it once (switchover snapshot-prod) and name"
                        + " the file");
            }
        }

        private static String quoted(String value) {
            return "'" + value.replace("'", "'\\''") + "'";
        }
    }
}
