package dev.jeeves.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The built site, as a reader opening it offline gets it: nothing loaded from another host, no link to a page or
 * file that is not there, and every page of the walk linked to the next.
 */
@Tag("docs")
class SiteIT {
    private static final Path SITE = Path.of(System.getProperty("docs.site", "target/site"));
    /** Anything a browser fetches by itself: stylesheets, scripts, images, fonts, frames. */
    private static final Pattern LOADED = Pattern.compile(
            "<(?:link|script|img|iframe|source|embed)\\b[^>]*?\\b(?:href|src)=\"([^\"]+)\"|url\\(['\"]?([^'\")]+)");

    private static final Pattern LINKED = Pattern.compile("<a\\b[^>]*?\\bhref=\"([^\"#][^\"]*)\"");

    @Test
    void loadsNothingFromAnotherHost() throws IOException {
        List<String> remote = new ArrayList<>();
        for (Path file : files(".html", ".css")) {
            Matcher loaded = LOADED.matcher(Files.readString(file));
            while (loaded.find()) {
                String target = loaded.group(1) != null ? loaded.group(1) : loaded.group(2);
                if (target.matches("(?i)(https?:)?//.*")) {
                    remote.add(SITE.relativize(file) + " loads " + target);
                }
            }
        }
        assertThat(remote).isEmpty();
    }

    @Test
    void linksOnlyToPagesAndFilesThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : files(".html")) {
            Matcher linked = LINKED.matcher(Files.readString(page));
            while (linked.find()) {
                String target = linked.group(1).replaceAll("[#?].*$", "");
                if (!target.matches("(?i)[a-z]+:.*") && !Files.exists(page.resolveSibling(target))) {
                    broken.add(SITE.relativize(page) + " links to " + linked.group(1));
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void walksFromTheFirstPageToTheLastByItsNextLinks() throws IOException {
        List<String> walked = new ArrayList<>();
        Path page = SITE.resolve("index.html");
        Pattern next = Pattern.compile("<div class=\"paragraph next\">\\s*<p><a href=\"([^\"]+)\"");
        while (page != null && walked.size() < 100) {
            walked.add(SITE.relativize(page).toString());
            Matcher found = next.matcher(Files.readString(page));
            page = found.find() ? page.resolveSibling(found.group(1)).normalize() : null;
        }
        assertThat(walked)
                .startsWith("index.html", "getting-started.html", "how-it-works.html", "labs/index.html")
                .contains(
                        "labs/08-package-and-release.html",
                        "labs/09-coverage-is-not-enough.html",
                        "virtuous-cycle.html",
                        "reference.html")
                .endsWith("evidence.html")
                .doesNotHaveDuplicates();
        try (Stream<Path> pages = Files.walk(SITE, 2)) {
            assertThat(pages.filter(p -> p.toString().endsWith(".html"))
                            .filter(p -> !SITE.relativize(p).startsWith("man")
                                    && !SITE.relativize(p).startsWith("reports"))
                            .map(p -> SITE.relativize(p).toString()))
                    .as("every page of the site is on the walk")
                    .allMatch(walked::contains);
        }
    }

    private static List<Path> files(String... suffixes) throws IOException {
        try (Stream<Path> walk = Files.walk(SITE)) {
            return walk.filter(file -> Stream.of(suffixes).anyMatch(file.toString()::endsWith))
                    .toList();
        }
    }
}
