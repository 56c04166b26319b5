package dev.jeeves.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Writes the "evidence" page's tables from what this build left in the other modules' {@code target/}: the JUnit
 * results (Surefire and Failsafe XML), the pact files, the JaCoCo and Gatling reports (copied next to the site by
 * the docs POM), and the PIT mutation scores. Built alone ({@code -Pdocs}), the page says there is nothing to show
 * rather than show stale runs.
 */
@Tag("docs")
class BuildEvidenceTest {
    private static final Path ROOT =
            Path.of(System.getProperty("docs.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void summarisesTheTestResults() throws Exception {
        StringBuilder table = new StringBuilder(
                "[cols=\"2,1,4,1,1,1\"]\n|===\n| Module | Runner | Class | Tests" + " | Failed | Skipped\n\n");
        int total = 0;
        // The docs module's own tests write the site, they are not evidence of it. The functional suite's second run,
        // on PostgreSQL, shows as the runner "failsafe-postgresql".
        for (Path xml :
                files("*/target/{surefire-reports,failsafe-reports,failsafe-reports-postgresql}/TEST-*.xml").stream()
                        .filter(xml -> !ROOT.relativize(xml).startsWith("docs"))
                        .toList()) {
            Element suite = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(xml.toFile())
                    .getDocumentElement();
            int tests = Integer.parseInt(suite.getAttribute("tests"));
            int failed =
                    Integer.parseInt(suite.getAttribute("failures")) + Integer.parseInt(suite.getAttribute("errors"));
            total += tests;
            String name = suite.getAttribute("name");
            table.append("| %s | %s | `%s` | %d | %d | %s%n"
                    .formatted(
                            ROOT.relativize(xml).getName(0),
                            xml.getParent().getFileName().toString().replace("-reports", ""),
                            name.substring(name.lastIndexOf('.') + 1),
                            tests,
                            failed,
                            suite.getAttribute("skipped")));
        }
        table.append("|===\n");
        Snippets.write("evidence-tests.adoc", total == 0 ? nothing("test results") : table.toString());
        assertThat(Files.exists(Path.of(System.getProperty("docs.snippets"), "evidence-tests.adoc")))
                .isTrue();
    }

    @Test
    void rendersThePacts() throws IOException {
        StringBuilder page = new StringBuilder();
        for (Path file : files("contract-tests/target/pacts/*.json")) {
            JsonNode pact = JSON.readTree(file.toFile());
            page.append("=== %s expects of %s%n%n"
                    .formatted(
                            pact.path("consumer").path("name").asText(),
                            pact.path("provider").path("name").asText()));
            for (JsonNode interaction : pact.path("interactions")) {
                JsonNode request = interaction.path("request");
                JsonNode response = interaction.path("response");
                page.append("*%s*".formatted(interaction.path("description").asText()));
                for (JsonNode state : interaction.path("providerStates")) {
                    page.append(", given _%s_".formatted(state.path("name").asText()));
                }
                page.append(": `%s %s` answered `%s`%n%n"
                        .formatted(
                                request.path("method").asText(),
                                request.path("path").asText(),
                                response.path("status")));
                body(page, "Request body", request.path("body"));
                body(page, "Response body", response.path("body"));
            }
        }
        Snippets.write("evidence-pacts.adoc", page.isEmpty() ? nothing("pact files") : page.toString());
        assertThat(page.toString()).doesNotContain("null");
    }

    @Test
    void linksTheCoverageAndLoadReports() throws IOException {
        StringBuilder coverage = new StringBuilder("[cols=\"2,1,3\"]\n|===\n| Module | Lines covered | Report\n\n");
        List<Path> csvs = files("*/target/site/jacoco/jacoco.csv");
        for (Path csv : csvs) {
            long missed = 0;
            long covered = 0;
            List<String> rows = Files.readAllLines(csv);
            for (String line : rows.subList(1, rows.size())) {
                String[] columns = line.split(",", -1);
                missed += Long.parseLong(columns[7]);
                covered += Long.parseLong(columns[8]);
            }
            String module = ROOT.relativize(csv).getName(0).toString();
            coverage.append("| %s | %.0f %% | link:reports/%s/target/site/jacoco/index.html[JaCoCo report]%n"
                    .formatted(module, 100.0 * covered / Math.max(1, missed + covered), module));
        }
        coverage.append("|===\n");
        Snippets.write("evidence-coverage.adoc", csvs.isEmpty() ? nothing("coverage reports") : coverage.toString());

        StringBuilder load = new StringBuilder();
        List<Path> reports = files("load-tests/target/gatling/*/index.html");
        for (Path report : reports) {
            String run = report.getParent().getFileName().toString();
            load.append("* link:reports/load-tests/target/gatling/%s/index.html[%s]%n"
                    .formatted(run, run.replaceAll("-\\d+$", "").toLowerCase(Locale.ROOT)));
        }
        Snippets.write("evidence-load.adoc", reports.isEmpty() ? nothing("Gatling reports") : load.toString());
        assertThat(load.toString()).doesNotContain("null");
    }

    @Test
    void summarisesTheMutationScores() throws Exception {
        StringBuilder modules = new StringBuilder(
                "[cols=\"2,1,1,1,1,3\"]\n|===\n| Module | Mutants | Killed | Survived | No coverage | Score and report\n\n");
        StringBuilder packages = new StringBuilder(
                "[cols=\"3,1,1,1,1,1\"]\n|===\n| Package | Mutants | Killed | Survived | No coverage | Score\n\n");
        List<Path> reports = files("*/target/pit-reports/mutations.xml");
        boolean serverReported = false;
        for (Path xml : reports) {
            String module = ROOT.relativize(xml).getName(0).toString();
            Map<String, MutationCounts> byPackage = new TreeMap<>();
            var mutations = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(xml.toFile())
                    .getElementsByTagName("mutation");
            for (int i = 0; i < mutations.getLength(); i++) {
                Element mutation = (Element) mutations.item(i);
                String mutatedClass =
                        mutation.getElementsByTagName("mutatedClass").item(0).getTextContent();
                byPackage
                        .computeIfAbsent(
                                mutatedClass.substring(0, mutatedClass.lastIndexOf('.')), name -> new MutationCounts())
                        .add(mutation.getAttribute("detected"), mutation.getAttribute("status"));
            }
            MutationCounts total = new MutationCounts();
            byPackage.values().forEach(total::add);
            modules.append("| %s %s | link:reports/%s/target/pit-reports/index.html[%s PIT report]%n"
                    .formatted(module, total.row(), module, total.score()));
            if (module.equals("jeeves-server")) {
                serverReported = true;
                byPackage.forEach((name, counts) -> packages.append("| `%s` %s | %s%n"
                        .formatted(name.replace("dev.jeeves.server", "server"), counts.row(), counts.score())));
            }
        }
        modules.append("|===\n");
        packages.append("|===\n");
        Snippets.write("evidence-mutation.adoc", reports.isEmpty() ? nothing("mutation reports") : modules.toString());
        Snippets.write(
                "evidence-mutation-packages.adoc",
                serverReported ? packages.toString() : nothing("server mutation report"));
        assertThat(modules.toString()).doesNotContain("NaN");
    }

    /** One module's or package's mutants, by what the tests did to them. */
    private static final class MutationCounts {
        private int mutants;
        private int killed;
        private int noCoverage;

        void add(String detected, String status) {
            mutants++;
            killed += Boolean.parseBoolean(detected) ? 1 : 0;
            noCoverage += status.equals("NO_COVERAGE") ? 1 : 0;
        }

        void add(MutationCounts other) {
            mutants += other.mutants;
            killed += other.killed;
            noCoverage += other.noCoverage;
        }

        String row() {
            return "| %d | %d | %d | %d".formatted(mutants, killed, mutants - killed - noCoverage, noCoverage);
        }

        String score() {
            return "%.0f %%".formatted(100.0 * killed / Math.max(1, mutants));
        }
    }

    private static void body(StringBuilder page, String title, JsonNode body) throws IOException {
        if (body.has("content")) {
            page.append(".%s%n[source,json]%n----%n%s%n----%n%n"
                    .formatted(title, JSON.writeValueAsString(body.path("content"))));
        }
    }

    private static String nothing(String what) {
        return "No %s in this build: the docs were built without that level's run.%n".formatted(what);
    }

    private static List<Path> files(String glob) throws IOException {
        var matcher = ROOT.getFileSystem()
                .getPathMatcher("glob:" + ROOT.toAbsolutePath().normalize() + "/" + glob);
        try (Stream<Path> walk = Files.walk(ROOT, 6)) {
            return walk.filter(matcher::matches).sorted().toList();
        }
    }
}
