package org.m365mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps each main class small enough to hold one job (issue 15): a file past the limit is split by job. */
class SourceSizeTest {

    static final int MAX_LINES = 300;

    @Test
    void everyMainSourceFile_isAtMost300Lines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".java")))
                    .allSatisfy(file -> assertThat(lines(file))
                            .as("%s: split it by job", file)
                            .isLessThanOrEqualTo(MAX_LINES));
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
