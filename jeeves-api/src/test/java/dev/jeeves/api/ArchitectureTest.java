package dev.jeeves.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What the CLI compiles against stays small: no cycles, no server, no Helidon. */
@AnalyzeClasses(packages = "dev.jeeves.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("dev.jeeves.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule dependsOnNoServerNorHelidon = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.helidon..", "dev.jeeves.server..", "dev.jeeves.cli..", "dev.jeeves.stubs..")
            .because("the CLI compiles against jeeves-api alone");

    @ArchTest
    static final ArchRule wireTypesUseNoneOfTheirClients = noClasses()
            .that()
            .resideInAPackage("dev.jeeves.api")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.jeeves.api.client..", "dev.jeeves.api.embedded..")
            .because("the records and limits are what everything else is built on");
}
