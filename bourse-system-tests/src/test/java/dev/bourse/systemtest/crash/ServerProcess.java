package dev.bourse.systemtest.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bourse serve} as a child process on ephemeral ports, with its output drained on a thread of its own; ready
 * once it logs the ports it serves on.
 */
final class ServerProcess
{
    private static final Pattern SERVING =
        Pattern.compile("Bourse serves the public API on \\S+:(\\d+) and the admin API on \\S+:(\\d+)");
    private static final long START_TIMEOUT_MS = 60_000;
    private static final int OUTPUT_LINES_KEPT = 200;

    private final Process process;
    private final ArrayDeque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<int[]> ports = new CompletableFuture<>();

    /** Servers a failed test left running die with the test JVM, not hours later. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static
    {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
            "server-processes-reaper"));
    }

    private ServerProcess(final Process process)
    {
        this.process = process;
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
        final Thread drainer = new Thread(this::drain, "server-output-" + process.pid());
        drainer.setDaemon(true);
        drainer.start();
    }

    /**
     * Starts the server on the data directory with the configuration file and waits until it serves.
     *
     * @param dataDir the data directory.
     * @param config  a properties file for {@code --config}.
     * @return the running process.
     */
    static ServerProcess start(final Path dataDir, final Path config) throws Exception
    {
        return start(dataDir, config, List.of());
    }

    /**
     * Starts the server with more arguments of {@code serve} and waits until it serves.
     *
     * @param dataDir   the data directory.
     * @param config    a properties file for {@code --config}.
     * @param arguments more arguments, such as a node's {@code --cluster-config}.
     * @return the running process.
     */
    static ServerProcess start(final Path dataDir, final Path config, final List<String> arguments) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("--add-exports");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.bourse.cli.BourseCommand");
        command.add("serve");
        command.add("--port=0");
        command.add("--admin-port=0");
        command.add("--data-dir=" + dataDir);
        command.add("--config=" + config);
        command.add("--no-simulated-market"); // only the test's traders, whose every acknowledgement it checks
        command.addAll(arguments);
        final ServerProcess server = new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        try
        {
            server.ports.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final Exception ex)
        {
            server.process.destroyForcibly().waitFor();
            throw new IllegalStateException("the server did not start:\n" + server.output(), ex);
        }
        return server;
    }

    int publicPort()
    {
        return ports.join()[0];
    }

    int adminPort()
    {
        return ports.join()[1];
    }

    /** SIGKILL: no shutdown hook, no snapshot, no flush. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: a clean shutdown; @return the exit code. */
    int stop() throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(START_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the server did not stop on SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** Waits for the process to exit by itself; @return its exit code. */
    int awaitExit() throws InterruptedException
    {
        if (!process.waitFor(START_TIMEOUT_MS, TimeUnit.MILLISECONDS))
        {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the server did not exit by itself:\n" + output());
        }
        return process.exitValue();
    }

    /** @return the last lines the server printed. */
    synchronized String output()
    {
        return String.join("\n", lastLines);
    }

    private void drain()
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                keep(line);
                final Matcher serving = SERVING.matcher(line);
                if (serving.find())
                {
                    ports.complete(new int[] {Integer.parseInt(serving.group(1)), Integer.parseInt(serving.group(2))});
                }
            }
        }
        catch (final IOException ex)
        {
            keep("(output closed: " + ex.getMessage() + ")");
        }
        ports.completeExceptionally(new IllegalStateException("the server exited"));
    }

    private synchronized void keep(final String line)
    {
        lastLines.addLast(line);
        while (lastLines.size() > OUTPUT_LINES_KEPT)
        {
            lastLines.removeFirst();
        }
    }
}
