package dev.bourse.loadgen;

import dev.bourse.bench.Figure;
import dev.bourse.bench.Figures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

/** The peer harness as a child process and the side-by-side rounds, with a stand-in for exchange-core's run.sh. */
class PeerHarnessTest
{
    private static final String PEER_LINES = """
        env.java_version 17 -
        w1.n100000.cancel_all_time_median 95.5 ms
        w1.n100000.verified 1 bool
        w2.throughput_median 1110000 ops/s
        w2.verified 1 bool
        """;

    @TempDir
    Path directory;

    @Test
    void shouldRunTheHarnessWithItsJavaAndArgumentsAndReadItsFigures() throws Exception
    {
        final Path harness = fakeHarness("harness", PEER_LINES);
        final Path java = Path.of("/opt/jdk17/bin/java");

        final PeerHarness peer = PeerHarness.prepare(harness, java, directory.resolve("scratch"));
        final Map<String, Double> figures = peer.run();

        assertThat(figures).containsEntry(PeerHarness.W2_THROUGHPUT, 1_110_000.0)
            .containsEntry(PeerHarness.CANCEL_100K, 95.5);
        assertThat(Files.readString(peer.directory().resolve("called")).trim())
            .isEqualTo("JAVA=" + java + " " + String.join(" ", PeerHarness.ARGUMENTS));
    }

    @Test
    void shouldRunTheHarnessFromACopyOfItsFolderReadOnlyOrNot() throws Exception
    {
        final Path harness = fakeHarness("shared", PEER_LINES);
        harness.toFile().setWritable(false);
        try
        {
            final PeerHarness peer = PeerHarness.prepare(harness, Path.of("java"), directory.resolve("scratch"));

            assertThat(peer.directory()).isNotEqualTo(harness).startsWith(directory.resolve("scratch"));
            assertThat(peer.run()).containsKey(PeerHarness.W2_THROUGHPUT);
            assertThat(peer.directory().resolve("called")).exists();
            assertThat(harness.resolve("called")).doesNotExist();
        }
        finally
        {
            harness.toFile().setWritable(true);
        }
    }

    @Test
    void shouldFailWhenTheHarnessFailsOrDoesNotVerifyItsRun() throws Exception
    {
        final Path unverified = fakeHarness("unverified", PEER_LINES.replace("w2.verified 1", "w2.verified 0"));
        assertThatThrownBy(() -> PeerHarness.prepare(unverified, Path.of("java"), directory.resolve("copy")).run())
            .isInstanceOf(IOException.class).hasMessageContaining("verified");
        final Path failing = fakeHarness("failing", PEER_LINES + "EXIT");
        assertThatThrownBy(() -> PeerHarness.prepare(failing, Path.of("java"), directory.resolve("again")).run())
            .isInstanceOf(IOException.class).hasMessageContaining("exited with 3");
        assertThatThrownBy(() -> PeerHarness.prepare(directory, Path.of("java"), directory))
            .isInstanceOf(IOException.class).hasMessageContaining("run.sh");
    }

    @Test
    void shouldPrintEveryRoundAndBothSidesMediansRangesAndRatios() throws Exception
    {
        final PeerHarness peer =
            PeerHarness.prepare(fakeHarness("rounds", PEER_LINES), Path.of("java"), directory.resolve("copy"));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new SideBySide(peer, 1, true).run(new Figures(new PrintStream(bytes, true, StandardCharsets.UTF_8)));

        final List<String> lines = Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(Figure.LINE));
        assertThat(lines).contains("sidebyside.round1.peer.w2 1.11 Mcmd/s",
            "sidebyside.round1.peer.cancel_100k_singles 95.5 ms", "sidebyside.w2.peer.median 1.11 Mcmd/s",
            "sidebyside.cancel_all_100k.peer.max 95.5 ms", "sidebyside.rounds 1 rounds");
        final Map<String, Double> figures = PeerHarness.parse(String.join("\n", lines));
        assertThat(figures.get("sidebyside.w2.ratio"))
            .isCloseTo(figures.get("sidebyside.w2.bourse.median") / 1.11, withPercentage(1));
        assertThat(figures.get("sidebyside.cancel_all_100k.ratio"))
            .isCloseTo(95.5 / figures.get("sidebyside.cancel_all_100k.bourse.median"), withPercentage(1));
    }

    /** A run.sh that records how it was called and prints the lines (a last line EXIT makes it exit with 3). */
    private Path fakeHarness(final String name, final String lines) throws IOException
    {
        final Path harness = Files.createDirectories(directory.resolve(name));
        final boolean fail = lines.endsWith("EXIT");
        final Path script = harness.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\ncd \"$(dirname \"$0\")\"\necho \"JAVA=$JAVA $*\" > called\ncat <<'END'\n" +
            lines.replace("EXIT", "") + "END\n" + (fail ? "exit 3\n" : ""));
        script.toFile().setExecutable(true);
        return harness;
    }
}
