package dev.bourse.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded {@code bourse-cli.jar} as a real process: {@code java -jar bourse-cli.jar ARGS} with an
 * environment of the test's choosing (no {@code BOURSE_*} variable leaks in from the build's environment) and a
 * private {@code user.home}, so the user's own {@code ~/.bourse/config.properties} is never read.
 */
final class CliProcess
{
    /** A bound on one run of the tool, so a hung process fails the test instead of hanging the build. */
    private static final long RUN_LIMIT_SECONDS = 120;

    /** What a run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr)
    {
        JsonNode json()
        {
            try
            {
                return Output.JSON.readTree(stdout);
            }
            catch (final IOException ex)
            {
                throw new AssertionError("stdout is not JSON: " + stdout + "\nstderr: " + stderr, ex);
            }
        }

        @Override
        public String toString()
        {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final Path jar;
    private final Path home;
    private final Path outputDir;
    private final Map<String, String> environment = new HashMap<>();

    /**
     * @param home the {@code user.home} of the tool, and where its output files go.
     */
    CliProcess(final Path home) throws IOException
    {
        this.jar = Path.of(System.getProperty("bourse.cli.jar", "target/bourse-cli.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar))
        {
            throw new IllegalStateException("the shaded jar is missing (run mvn package first): " + jar);
        }
        this.home = home;
        this.outputDir = Files.createDirectories(home.resolve("runs"));
    }

    /**
     * @param name  an environment variable for every later run.
     * @param value its value.
     * @return this.
     */
    CliProcess env(final String name, final String value)
    {
        environment.put(name, value);
        return this;
    }

    /**
     * @param args the command line after {@code bourse}.
     * @return how it ended.
     */
    Result run(final String... args) throws IOException, InterruptedException
    {
        return run(Map.of(), args);
    }

    /**
     * @param extraEnvironment variables for this run only.
     * @param args             the command line after {@code bourse}.
     * @return how it ended.
     */
    Result run(final Map<String, String> extraEnvironment, final String... args)
        throws IOException, InterruptedException
    {
        return start(extraEnvironment, args).await();
    }

    /**
     * Starts the tool without waiting for it, for a command that runs until stopped ({@code simulate}).
     *
     * @param args the command line after {@code bourse}.
     * @return the running tool.
     */
    Running start(final String... args) throws IOException
    {
        return start(Map.of(), args);
    }

    /**
     * Starts the tool without waiting for it.
     *
     * @param extraEnvironment variables for this run only.
     * @param args             the command line after {@code bourse}.
     * @return the running tool.
     */
    Running start(final Map<String, String> extraEnvironment, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--add-exports");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-Duser.home=" + home);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        final Path stdout = Files.createTempFile(outputDir, "stdout", ".txt");
        final Path stderr = Files.createTempFile(outputDir, "stderr", ".txt");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("BOURSE_"));
        builder.environment().putAll(environment);
        builder.environment().putAll(extraEnvironment);
        return new Running(builder.start(), stdout, stderr, String.join(" ", args));
    }

    /** The tool while it runs. */
    record Running(Process process, Path stdout, Path stderr, String commandLine)
    {
        /** Waits until stderr holds the text (the process must not end first). */
        void awaitStderr(final String text) throws IOException, InterruptedException
        {
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_LIMIT_SECONDS);
            while (!Files.readString(stderr, StandardCharsets.UTF_8).contains(text))
            {
                if (!process.isAlive() || System.nanoTime() > deadlineNs)
                {
                    throw new AssertionError("bourse " + commandLine + " did not print " + text + ": " + await());
                }
                process.waitFor(10, TimeUnit.MILLISECONDS);
            }
        }

        /** @return what it printed on stdout so far. */
        String stdoutSoFar() throws IOException
        {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        }

        /** @return how it ended, waiting for it. */
        Result await() throws IOException, InterruptedException
        {
            if (!process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError("bourse " + commandLine + " did not end within " + RUN_LIMIT_SECONDS + " s");
            }
            return result();
        }

        /** Stops it as Ctrl-C does (SIGTERM) and waits for it to end. */
        Result stop() throws IOException, InterruptedException
        {
            process.destroy();
            if (!process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new AssertionError("bourse " + commandLine + " did not stop within " + RUN_LIMIT_SECONDS +
                    " s of SIGTERM");
            }
            return result();
        }

        private Result result() throws IOException
        {
            return new Result(process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }
}
