package nl.afsprakenwiki;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No main class over 300 lines (docs/ARCHITECTURE.md): a class that grows past it holds more than one
 * responsibility, and the next feature deepens that. Counts the lines of every source file of the
 * application, as {@code wc -l} does.
 */
class ClassSizeTest {

    static final int MAX_LINES = 300;

    @Test
    void noMainClassIsOver300Lines() throws IOException {
        Path sources = Path.of("src", "main", "java");
        assertThat(sources).isDirectory();
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(sources)) {
            tooLong = files.filter(file -> file.toString().endsWith(".java")).map(ClassSizeTest::overLimit)
                    .filter(line -> !line.isEmpty()).sorted().toList();
        }
        assertThat(tooLong).as("classes over " + MAX_LINES + " lines: split them by responsibility").isEmpty();
    }

    private static String overLimit(Path file) {
        try {
            long lines = Files.readString(file).chars().filter(c -> c == '\n').count();
            return lines > MAX_LINES ? file + ": " + lines + " lines" : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
