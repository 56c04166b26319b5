package dev.jeeves.server.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.jeeves.server.slack.SlackClient;
import dev.jeeves.server.storage.WrongWayFixture;
import org.junit.jupiter.api.Test;

/**
 * The server's dependencies point one way: adapters (the HTTP API, the Slack endpoint, auth) call the actions;
 * actions call ports (storage, weather, replies); ports and the domain depend on nothing of ours but the domain; web
 * plumbing ({@code support}) depends on nothing of ours at all. The root package only wires. A wrong-way import fails
 * the build with a sentence naming both classes.
 */
@AnalyzeClasses(packages = "dev.jeeves.server", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {
    // tag::layers[]
    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Wiring")
            .definedBy("dev.jeeves.server")
            .layer("Adapters")
            .definedBy("dev.jeeves.server.http..", "dev.jeeves.server.slack..", "dev.jeeves.server.auth..")
            .layer("Application")
            .definedBy("dev.jeeves.server.actions..", "dev.jeeves.server.alerts..")
            .layer("Ports")
            .definedBy(
                    "dev.jeeves.server.storage..",
                    "dev.jeeves.server.weather..",
                    "dev.jeeves.server.replies..",
                    "dev.jeeves.server.work..")
            .layer("Upstream")
            .definedBy("dev.jeeves.server.upstream..")
            .layer("Domain")
            .definedBy("dev.jeeves.server.domain..")
            .layer("Support")
            .definedBy("dev.jeeves.server.support..")
            .whereLayer("Wiring")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Adapters")
            .mayOnlyBeAccessedByLayers("Wiring")
            .whereLayer("Application")
            .mayOnlyBeAccessedByLayers("Adapters", "Wiring")
            .whereLayer("Ports")
            .mayOnlyBeAccessedByLayers("Application", "Adapters", "Wiring")
            .whereLayer("Upstream")
            .mayOnlyBeAccessedByLayers("Ports", "Adapters", "Wiring")
            .whereLayer("Domain")
            .mayOnlyBeAccessedByLayers("Ports", "Application", "Adapters", "Wiring")
            .whereLayer("Support")
            .mayOnlyBeAccessedByLayers("Adapters", "Wiring");
    // end::layers[]

    @ArchTest
    static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES =
            slices().matching("dev.jeeves.server.(*)..").should().beFreeOfCycles();

    @Test
    void aWrongWayImportFailsNamingBothClasses() {
        JavaClasses wrongWay = new ClassFileImporter().importClasses(WrongWayFixture.class, SlackClient.class);
        EvaluationResult result = LAYERS.evaluate(wrongWay);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("WrongWayFixture", "SlackClient", "Adapters");
    }
}
