package dev.bourse.systemtest.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Java example in docs/CLIENT.md is a piece of a sample that compiles and runs in {@link SamplesTest}. */
class DocSnippetsTest
{
    private static final Path DOC = Path.of("..", "docs", "CLIENT.md");
    private static final Path SAMPLES = Path.of("src", "test", "java", "dev", "bourse", "systemtest", "client",
        "samples");

    @Test
    void shouldQuoteEveryJavaExampleFromTheSamples() throws IOException
    {
        final String samples = normalised(samplesSource());
        final List<String> snippets = javaSnippets(Files.readString(DOC));

        assertThat(snippets).isNotEmpty();
        for (final String snippet : snippets)
        {
            assertThat(samples).as("docs/CLIENT.md example:%n%s", snippet).contains(normalised(snippet));
        }
    }

    private static String samplesSource() throws IOException
    {
        try (Stream<Path> files = Files.list(SAMPLES))
        {
            final StringBuilder all = new StringBuilder();
            for (final Path file : files.filter(file -> file.toString().endsWith(".java")).sorted().toList())
            {
                all.append(Files.readString(file)).append('\n');
            }
            return all.toString();
        }
    }

    private static List<String> javaSnippets(final String markdown)
    {
        final List<String> snippets = new ArrayList<>();
        StringBuilder current = null;
        for (final String line : markdown.split("\n"))
        {
            if (current == null && line.trim().equals("```java"))
            {
                current = new StringBuilder();
            }
            else if (current != null && line.trim().equals("```"))
            {
                snippets.add(current.toString());
                current = null;
            }
            else if (current != null)
            {
                current.append(line).append('\n');
            }
        }
        return snippets;
    }

    /** Each line trimmed, blank lines dropped: indentation differs between a method body and the page. */
    private static String normalised(final String code)
    {
        return code.lines().map(String::trim).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
}
