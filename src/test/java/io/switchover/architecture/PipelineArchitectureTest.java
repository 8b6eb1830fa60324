package io.switchover.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the arrows of DESIGN.md's pipeline pointing one way. */
class PipelineArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.switchover");
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("io.switchover.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.switchover.cli..")
                .check(classes);
    }

    @Test
    void rulesSeeTheModelNotJdbc() {
        noClasses().that().resideInAPackage("io.switchover.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.flywaydb..", "org.h2..")
                .check(classes);
    }

    @Test
    void earlierStagesDoNotKnowLaterOnes() {
        noClasses().that().resideInAnyPackage("io.switchover.snapshot..", "io.switchover.migrations..",
                        "io.switchover.patterns..")
                .should().dependOnClassesThat().resideInAnyPackage("io.switchover.replay..", "io.switchover.rules..",
                        "io.switchover.report..", "io.switchover.check..")
                .check(classes);
        noClasses().that().resideInAPackage("io.switchover.replay..")
                .should().dependOnClassesThat().resideInAnyPackage("io.switchover.rules..", "io.switchover.report..",
                        "io.switchover.check..")
                .check(classes);
        noClasses().that().resideInAPackage("io.switchover.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.switchover.report..", "io.switchover.check..")
                .check(classes);
        noClasses().that().resideInAPackage("io.switchover.report..")
                .should().dependOnClassesThat().resideInAPackage("io.switchover.check..")
                .check(classes);
    }

    @Test
    void extractorsDoNotTouchADatabase() {
        noClasses().that().resideInAPackage("io.switchover.patterns..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.flywaydb..")
                .check(classes);
    }
}
