package dev.jeeves.server;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a test measured, written where the docs include it ({@code target/evidence/}, see "Scaling out"), and
 * printed: the numbers on the site come from the build that checked them.
 */
final class Evidence {
    static final Path DIRECTORY = Path.of("target", "evidence");

    private Evidence() {}

    @FormatMethod
    static void write(String file, @FormatString String format, Object... values) {
        String line = String.format(Locale.ROOT, format, values);
        System.out.println(line);
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(file), line + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
