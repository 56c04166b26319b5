package dev.jeeves.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The CLI talks to a server only through {@code jeeves-api}: no server or sandbox class in its code, so every
 * command but {@code serve} starts without their jars, and {@code serve} finds them as services.
 */
@AnalyzeClasses(packages = "dev.jeeves.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule usesNoServerOrSandboxClass = noClasses()
            .that()
            .resideInAPackage("dev.jeeves.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.jeeves.server..", "dev.jeeves.stubs..", "io.helidon..", "com.github.tomakehurst..")
            .because("serve finds the server and the sandbox as dev.jeeves.api.embedded services");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("dev.jeeves.(**)").should().beFreeOfCycles();
}
