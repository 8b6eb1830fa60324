package io.switchover.cli;

import io.switchover.ExitCode;
import io.switchover.FileProblem;
import io.switchover.SwitchoverException;
import io.switchover.check.CheckOptions;
import io.switchover.check.CheckRequest;
import io.switchover.migrations.ProductionSchema;
import io.switchover.check.RequestResolver;
import io.switchover.config.SwitchoverConfig;
import io.switchover.check.SwitchoverCheck;
import io.switchover.report.Report;
import io.switchover.report.ReportFormat;
import io.switchover.report.Verdict;
import io.switchover.rules.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code switchover check}: the gate. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
                "Replays the candidate's batch of migrations one at a time on a throwaway database and runs the"
                        + " production version's SQL against every intermediate schema. With a switchover.yml, no option"
                        + " is needed: the candidate is the working tree, production is as configured.",
                "",
                "Exit codes: 0 safe to promote, 1 unsafe, 2 bad input or usage, 3 infrastructure failure."})
class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--prod", paramLabel = "<snapshot>",
            description = "What runs in production: a directory or git:<ref> of --repo (its migrations count as"
                    + " applied unless --prod-history says otherwise; its code serves traffic).")
    String production;

    @Option(names = "--candidate", paramLabel = "<snapshot>",
            description = "What is about to be promoted: a directory or git:<ref>. Default: the working tree of --repo.")
    String candidate;

    @Option(names = "--repo", paramLabel = "<path>",
            description = "The git repository git:<ref> snapshots are read from (a checkout or a bare repository)."
                    + " Default: the current directory.")
    Path repository;

    @Mixin
    HistoryOptions history;

    @Option(names = "--config", paramLabel = "<file>",
            description = "The pipeline's switchover.yml: outside the candidate's tree it may say where production is,"
                    + " and it wins over the repository's switchover.yml (in --repo or the current directory), which"
                    + " may carry only the project's facts. Inside the candidate's tree it counts as the repository's.")
    Path config;

    @Option(names = "--trust-repo-config",
            description = "Let the repository's switchover.yml say where production is and which version runs there"
                    + " (production:, services' production:, paths out of the tree). Only for trusted branches: the"
                    + " file comes from the candidate, i.e. from the merge request.")
    boolean trustRepoConfig;

    @Option(names = "--order", paramLabel = "<order>",
            description = "migrate-first (migrations run while the old version serves, then the new one starts) or"
                    + " code-first (the new version rolls out first). Default: migrate-first.")
    String order;

    @Option(names = "--migrations", paramLabel = "<path>",
            description = "Flyway location relative to the snapshot root (repeatable). Default: the project's Flyway"
                    + " configuration, else db/migration or src/main/resources/db/migration.")
    List<String> migrations = new ArrayList<>();

    @Option(names = "--sources", paramLabel = "<path>",
            description = "The service's source root relative to the snapshot root (repeatable). Default: the whole"
                    + " snapshot outside the migration folders.")
    List<String> sources = new ArrayList<>();

    @Option(names = "--captured-sql", paramLabel = "<file>",
            description = "Statements captured from production for the service (repeatable): a pg_stat_statements"
                    + " export (CSV or JSON) or a PostgreSQL statement log. See docs/capturing-sql.md.")
    List<Path> capturedSql = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "<jar|dir>",
            description = "The candidate's built artifact: a jar, a Spring Boot fat jar or a folder of classes. Its"
                    + " Java migrations run on the replay database as Flyway runs them; without it, the SQL their"
                    + " source executes is replayed.")
    Path classpath;

    @Option(names = "--prod-classpath", paramLabel = "<jar|dir>",
            description = "Production's built artifact, for production's Java migrations (as --classpath).")
    Path prodClasspath;

    @Option(names = "--prod-schema", paramLabel = "<file>",
            description = "Production's schema as 'switchover snapshot-prod --schema' exported it from the catalog: the"
                    + " replay starts from it instead of replaying production's migrations (exact despite Java"
                    + " migrations, hot-fixes and drift), and lists where the two differ.")
    Path prodSchema;

    @Mixin
    EngineOptions engine;

    @Mixin
    CacheOptions cache;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "Report format: text, json, markdown, html, junit, sarif or gitlab (Code Quality)."
                    + " Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--output", paramLabel = "<file>",
            description = "Write the report to this file; standard output then gets the verdict line only.")
    Path output;

    @Option(names = "--output-dir", paramLabel = "<dir>",
            description = "Also write every format from this one check into the folder: report.txt, report.json,"
                    + " report.md, report.html, report.junit.xml, report.sarif, gl-code-quality-report.json.")
    Path outputDir;

    @Option(names = "--width", paramLabel = "<columns>",
            description = "Wrap the text report at this many columns (0: never). Default: the terminal's COLUMNS,"
                    + " 100 in a CI system's log, else no wrapping.")
    Integer width;

    @Option(names = "--color", paramLabel = "<when>", defaultValue = "auto",
            description = "Colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never."
                    + " Default: ${DEFAULT-VALUE}.")
    String color;

    @Option(names = "--fail-on", paramLabel = "<severity>", defaultValue = "error",
            description = "Lowest severity that fails the promotion: error or warning. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--brief", description = "Text on standard output: the verdict and the findings only (what the"
            + " pre-push hook prints).")
    boolean brief;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

    @Option(names = "--states", paramLabel = "<states>",
            description = "The versions recorded between production's and the candidate, for a promotion plan:"
                    + " commits (the first-parent history between them), tags:<glob>, log:<file> (a deployment log,"
                    + " one ref or folder a line) or dirs:<glob> (folders such as deploy-*).")
    String states;

    @Override
    public Integer call() {
        ReportFormat reportFormat = ReportFormat.parse(format);
        ReportOutput.colour(color, false, Map.of());
        ReportOutput.width(width, false, Map.of());
        Report report = report(states);
        Map<String, String> environment = System.getenv();
        boolean terminal = System.console() != null;
        new ReportOutput(reportFormat, output, outputDir, ReportOutput.width(width, terminal, environment),
                ReportOutput.colour(color, terminal, environment), environment, brief)
                .write(report, spec.commandLine().getOut(), spec.commandLine().getErr());
        return (report.verdict() == Verdict.FAIL ? ExitCode.UNSAFE : ExitCode.SAFE).code();
    }

    /** The check as the options say, with the versions {@code statesSpec} records, when given, for a plan. */
    Report report(String statesSpec) {
        Severity threshold = parseSeverity(failOn);
        CheckOptions options = history.applyTo(CheckOptions.builder()).production(production).candidate(candidate)
                .repository(repository).migrations(migrations).sources(sources).config(config).order(order)
                .capturedSql(capturedSql).environment(System.getenv()).trustRepoConfig(trustRepoConfig)
                .classpath(classpath).prodClasspath(prodClasspath).build();
        try (RequestResolver resolver = new RequestResolver(options)) {
            Optional<SwitchoverConfig> config = resolver.config();
            CheckRequest request = resolver.resolve(engine.open(config.flatMap(SwitchoverConfig::engine).orElse(null),
                    config.flatMap(SwitchoverConfig::dialect).orElse(null)), threshold);
            if (statesSpec != null) {
                request = resolver.withRecordedStates(request, statesSpec);
            }
            if (prodSchema != null) {
                ProductionSchema schema = ProductionSchema.read(prodSchema);
                request = request.withProductionSchema(schema, "production: schema from --prod-schema " + prodSchema
                        + " (" + schema.source() + ")");
            }
            CacheOptions.Caches caches = cache.open();
            return new SwitchoverCheck(caches.baselines(), caches.extractions()).run(request);
        }
    }

    private static Severity parseSeverity(String value) {
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw SwitchoverException.badInput("--fail-on: " + e.getMessage());
        }
    }
}
