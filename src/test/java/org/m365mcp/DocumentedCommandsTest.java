package org.m365mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands the project documents run on a fresh machine: none of them is offline Maven, which
 * fails there because the profiles' plugins and dependencies (JMH, build-helper, exec) are not in an
 * empty local repository yet. CHANGELOG.md is history and is not read.
 */
class DocumentedCommandsTest {

    /** {@code mvn} followed on the same line (before a quote or backtick closes it) by {@code -o} or {@code --offline}. */
    private static final Path SELF = Path.of("src/test/java/org/m365mcp/DocumentedCommandsTest.java");

    static final Pattern OFFLINE_MAVEN = Pattern.compile("\\bmvn\\b[^\\n`\"]*?\\s(-o|--offline)(?=\\s|$|`|\")");

    @Test
    void documentedMavenCommands_inDocsPomAndCode_neverRunOffline() throws IOException {
        List<String> offline = new ArrayList<>();
        for (Path file : documented()) {
            if (file.endsWith(SELF)) {
                continue; // its own examples below
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (OFFLINE_MAVEN.matcher(lines.get(i)).find()) {
                    offline.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }

        assertThat(offline)
                .as("documented commands must fetch what a fresh machine lacks: drop -o")
                .isEmpty();
    }

    @Test
    void offlinePattern_findsOfflineMavenOnly() {
        assertThat(matches("mvn -o -B -Pbenchmarks test")).isTrue();
        assertThat(matches("run `mvn -B --offline verify` first")).isTrue();
        assertThat(matches("mvn -B test -Dtest=X -o")).isTrue();
        assertThat(matches("mvn -B -Pbenchmarks test -Djmh.args=\"-opi\"")).isFalse();
        assertThat(matches("mvn -B verify -Dit.test=SomeIT")).isFalse();
        assertThat(matches("tar -o file; mvn -B test")).isFalse();
    }

    private static boolean matches(String line) {
        Matcher matcher = OFFLINE_MAVEN.matcher(line);
        return matcher.find();
    }

    private static List<Path> documented() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("pom.xml")));
        for (String tree : List.of("docs", "src", ".ci", "config", "batch-jobs")) {
            if (Files.isDirectory(Path.of(tree))) {
                try (Stream<Path> walk = Files.walk(Path.of(tree))) {
                    walk.filter(Files::isRegularFile)
                            .filter(DocumentedCommandsTest::isText)
                            .forEach(files::add);
                }
            }
        }
        return files;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".md")
                || name.endsWith(".java")
                || name.endsWith(".xml")
                || name.endsWith(".txt")
                || name.endsWith(".properties")) {
            return true;
        }
        try {
            // The scripts under .ci have no extension; anything else binary (PNG, JSON data) is skipped.
            return !name.contains(".")
                    && Files.size(file) < 1_000_000
                    && new String(Files.readAllBytes(file), StandardCharsets.UTF_8).indexOf('\0') < 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
