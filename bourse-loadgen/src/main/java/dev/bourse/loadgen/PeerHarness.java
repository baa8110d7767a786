package dev.bourse.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The peer harness (shared/bench/peer-exchange-core: exchange-core 0.5.3 driven through its own API, built with the
 * system {@code mvn} and run with JDK 17 by its {@code run.sh}) as a child process: run on W1 with 100,000 orders and on
 * W2 (the shared 200,000 commands), its {@code name value unit} lines read back. It runs from a copy of its folder in
 * the suite's temporary directory, since {@code run.sh} builds into its folder, which may be read-only or used by
 * others at the same time. Its progress goes to this process's standard error.
 */
final class PeerHarness
{
    /** What {@code run.sh} is asked for: W1 at 100,000 orders, W2 as shared (seed 42), 9 timed W2 repetitions. */
    static final List<String> ARGUMENTS =
        List.of("workloads=w1,w2", "w1.sizes=100000", "w2.ops=200000", "w2.rates=", "w2.reps=9");
    /** Its W2 throughput, median of its repetitions. */
    static final String W2_THROUGHPUT = "w2.throughput_median";
    /** Its time to cancel 100,000 orders one by one (it has no mass cancel), median. */
    static final String CANCEL_100K = "w1.n100000.cancel_all_time_median";

    private static final long TIMEOUT_MINUTES = 30;
    private static final List<Path> JDK17_CANDIDATES = List.of(
        Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java"), Path.of("/usr/lib/jvm/temurin-17-jdk-amd64/bin/java"),
        Path.of("/usr/lib/jvm/java-17-openjdk/bin/java"));

    private final Path directory;
    private final Path java;

    private PeerHarness(final Path directory, final Path java)
    {
        this.directory = directory;
        this.java = java;
    }

    /**
     * @param harness  the harness folder (with its {@code run.sh}).
     * @param java     the JDK 17 {@code java} to run it with, or null to look for one in the usual places.
     * @param scratch  where to copy the harness folder to.
     * @return the harness, ready to run.
     */
    static PeerHarness prepare(final Path harness, final Path java, final Path scratch) throws IOException
    {
        if (!Files.isRegularFile(harness.resolve("run.sh")))
        {
            throw new IOException("no run.sh in the peer harness folder " + harness);
        }
        final Path peerJava = java != null ? java : JDK17_CANDIDATES.stream().filter(Files::isExecutable).findFirst()
            .orElseThrow(() -> new IOException("no JDK 17 found for the peer harness (looked at " +
            JDK17_CANDIDATES + "); give one with --peer-java"));
        return new PeerHarness(copy(harness, scratch.resolve("peer-harness")), peerJava);
    }

    /** @return the folder the harness runs in: a copy of the one given. */
    Path directory()
    {
        return directory;
    }

    /**
     * Runs the harness once.
     *
     * @return its figures by name (values only).
     * @throws IOException when it cannot start, fails, or does not report both compared figures as verified.
     */
    Map<String, Double> run() throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(directory.resolve("run.sh").toString());
        command.addAll(ARGUMENTS);
        final ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("JAVA", java.toString());
        final Process process = builder.start();
        final String output;
        try (InputStream out = process.getInputStream())
        {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES))
        {
            process.destroyForcibly();
            throw new IOException("the peer harness did not end within " + TIMEOUT_MINUTES + " minutes");
        }
        if (process.exitValue() != 0)
        {
            throw new IOException("the peer harness exited with " + process.exitValue() + "; its output:\n" + output);
        }
        final Map<String, Double> figures = parse(output);
        if (!figures.containsKey(W2_THROUGHPUT) || !figures.containsKey(CANCEL_100K) ||
            figures.getOrDefault("w2.verified", 0.0) != 1.0 || figures.getOrDefault("w1.n100000.verified", 0.0) != 1.0)
        {
            throw new IOException("the peer harness did not report verified " + W2_THROUGHPUT + " and " + CANCEL_100K +
                "; its output:\n" + output);
        }
        return figures;
    }

    /** @return the figures among {@code name value unit} lines; other lines are skipped. */
    static Map<String, Double> parse(final String output)
    {
        final Map<String, Double> figures = new LinkedHashMap<>();
        for (final String line : output.split("\n"))
        {
            final String[] words = line.trim().split("\\s+");
            if (words.length == 3)
            {
                try
                {
                    figures.put(words[0], Double.parseDouble(words[1]));
                }
                catch (final NumberFormatException ignored)
                {
                    // not a figure line
                }
            }
        }
        return figures;
    }

    private static Path copy(final Path from, final Path to) throws IOException
    {
        Files.walkFileTree(from, new SimpleFileVisitor<>()
        {
            @Override
            public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attributes)
                throws IOException
            {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attributes) throws IOException
            {
                final Path target = to.resolve(from.relativize(file).toString());
                Files.copy(file, target);
                target.toFile().setWritable(true, true);
                target.toFile().setExecutable(Files.isExecutable(file), true);
                return FileVisitResult.CONTINUE;
            }
        });
        try (Stream<Path> directories = Files.walk(to))
        {
            directories.filter(Files::isDirectory).forEach(dir -> dir.toFile().setWritable(true, true));
        }
        return to;
    }
}
