package io.switchover.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.switchover.rules.RuleId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout of the README's "How it works", enforced: each package is one stage of the pipeline and sees only the
 * stages before it, in this order:
 * <pre>
 * sql, snapshot, config        the SQL lexer and SQLSTATEs; files of a git revision; the tool's settings
 * patterns (model, extractors) the SQL each service version issues
 * migrations                   the migrations, production's history, the batch and what each migration changes
 * production                   where production's history comes from
 * timeline                     what the replay saw: states, catalogs, probe outcomes, classified database errors
 * replay                       the throwaway databases and the step-by-step replay that makes the timeline
 * mentions                     the changed names found in code that was not resolved to statements
 * rules                        the findings, read from the timeline and the migrations' model
 * plan                         how to promote safely instead
 * report                       one model, many writers
 * check                        the whole check, as a library
 * cli                          commands and argument converters only
 * </pre>
 */
class PipelineArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.switchover");
    }

    private static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("sql").definedBy("io.switchover.sql..")
                .layer("snapshot").definedBy("io.switchover.snapshot..")
                .layer("config").definedBy("io.switchover.config..")
                .layer("patterns").definedBy("io.switchover.patterns..")
                .layer("migrations").definedBy("io.switchover.migrations..")
                .layer("production").definedBy("io.switchover.production..")
                .layer("timeline").definedBy("io.switchover.timeline..")
                .layer("replay").definedBy("io.switchover.replay..")
                .layer("mentions").definedBy("io.switchover.mentions..")
                .layer("rules").definedBy("io.switchover.rules..")
                .layer("plan").definedBy("io.switchover.plan..")
                .layer("report").definedBy("io.switchover.report..")
                .layer("check").definedBy("io.switchover.check..")
                .layer("cli").definedBy("io.switchover.cli..");
    }

    @Test
    void eachStageSeesOnlyTheStagesBeforeIt() {
        layers()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("check").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("check", "cli")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("report", "check", "cli")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("plan", "report", "check", "cli")
                .whereLayer("mentions").mayOnlyBeAccessedByLayers("rules", "check")
                .whereLayer("replay").mayOnlyBeAccessedByLayers("check", "cli")
                .whereLayer("timeline").mayOnlyBeAccessedByLayers("replay", "mentions", "rules", "plan", "report", "check",
                        "cli")
                .whereLayer("production").mayOnlyBeAccessedByLayers("check", "cli")
                .whereLayer("migrations").mayOnlyBeAccessedByLayers("production", "timeline", "replay", "mentions",
                        "rules", "plan", "report", "check", "cli")
                .whereLayer("patterns").mayOnlyBeAccessedByLayers("migrations", "mentions", "rules", "plan",
                        "report", "check", "cli")
                .whereLayer("config").mayOnlyBeAccessedByLayers("patterns", "migrations", "production", "check",
                        "cli")
                .whereLayer("snapshot").mayOnlyBeAccessedByLayers("patterns", "migrations", "production", "mentions",
                        "check", "cli")
                .check(classes);
    }

    @Test
    void rulesSeeTheTimelineNotTheReplayNorJdbc() {
        noClasses().that().resideInAPackage("io.switchover.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.switchover.replay..", "java.sql..",
                        "org.flywaydb..", "org.h2..", "org.postgresql..", "org.mariadb..")
                .check(classes);
    }

    /** Plain data the replay fills in: JDBC's type codes become {@code ColumnKind}s here, and nothing else of JDBC. */
    /** A rule's helpers are its own or shared ones (BatchDdl, StatementWords, ColumnTypes...), never another rule. */
    @Test
    void noRuleCallsAnother() {
        noClasses().that().areAnnotatedWith(RuleId.class)
                .should().dependOnClassesThat().areAnnotatedWith(RuleId.class)
                .check(classes);
    }

    @Test
    void theTimelineIsPlainData() {
        noClasses().that().resideInAPackage("io.switchover.timeline..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.flywaydb..", "org.h2..")
                .check(classes);
    }

    @Test
    void reportsSeeThePatternsModelNotTheExtractors() {
        noClasses().that().resideInAPackage("io.switchover.report..")
                .should().dependOnClassesThat(resideInAPackage("io.switchover.patterns..")
                        .and(resideOutsideOfPackage("io.switchover.patterns.model..")))
                .check(classes);
    }

    @Test
    void extractorsDoNotTouchADatabase() {
        noClasses().that().resideInAnyPackage("io.switchover.patterns..", "io.switchover.mentions..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.switchover.(*)..").should().beFreeOfCycles().check(classes);
    }
}
