package io.switchover.cli;

import io.switchover.SwitchoverException;
import io.switchover.check.CheckOptions;
import io.switchover.check.ServicePatterns;
import io.switchover.report.PatternListWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code switchover patterns}: lists the statements of a service version that {@code check} would probe. */
@Command(name = "patterns",
        mixinStandardHelpOptions = true,
        description = "Lists every SQL statement a service version issues, with its origin and extractor, a count per"
                + " extractor, and the SQL-looking places that could not be resolved.")
final class PatternsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "<name>", description = "A service of switchover.yml (default: the only one).")
    String service;

    @Option(names = "--at", paramLabel = "<snapshot>",
            description = "A directory or git:<ref>. Default: the service's production version from switchover.yml,"
                    + " else the working tree.")
    String at;

    @Option(names = "--repo", paramLabel = "<path>", description = "The git repository of git:<ref>.")
    Path repository;

    @Option(names = "--sources", paramLabel = "<path>", description = "Source roots (repeatable).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--captured-sql", paramLabel = "<file>", description = "Captured production SQL (repeatable).")
    List<Path> capturedSql = new ArrayList<>();

    @Option(names = "--config", paramLabel = "<file>", description = "The switchover.yml to use.")
    Path config;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw SwitchoverException.badInput("unknown --format '" + format + "'; use text or json");
        }
        CheckOptions options = CheckOptions.builder().repository(repository).sources(sources).config(config)
                .capturedSql(capturedSql).environment(System.getenv()).build();
        ServicePatterns listed = ServicePatterns.of(options, Optional.ofNullable(service), Optional.ofNullable(at));
        PatternListWriter writer = new PatternListWriter();
        spec.commandLine().getOut().print(format.equals("json")
                ? writer.json(listed.service(), listed.version(), listed.result())
                : writer.text(listed.service(), listed.version(), listed.result()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
