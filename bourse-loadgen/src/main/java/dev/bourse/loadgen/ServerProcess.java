package dev.bourse.loadgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server in its own JVM, so that the generator does not share a JVM (heap, GC, JIT) with it: started with
 * {@link #JVM_FLAGS}, its output in a log file, ready once {@code GET /v1/public/time} answers 200; stopped with
 * SIGTERM (then SIGKILL after a grace period).
 */
public final class ServerProcess implements AutoCloseable
{
    /**
     * The flags of every server JVM the suite starts, Bourse and the ceiling alike: those {@code ./bourse serve} runs
     * with by default (a 4 GiB heap, exit on OutOfMemoryError, ZGC).
     */
    public static final List<String> JVM_FLAGS = List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
        "-Xmx4g", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseZGC");

    /** Environment variable of extra server JVM flags, for both servers. */
    public static final String EXTRA_FLAGS_VARIABLE = "BOURSE_BENCH_SERVER_JAVA_OPTS";

    private static final long READY_TIMEOUT_MS = 90_000;
    private static final long POLL_INTERVAL_MS = 100;
    private static final long STOP_TIMEOUT_MS = 20_000;

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(final String name, final Process process, final Path log, final int port)
    {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts a JVM and waits until it serves.
     *
     * @param name        what it is, for messages.
     * @param arguments   what follows {@code java <JVM_FLAGS>}: a {@code -jar} or {@code -cp} and the arguments.
     * @param environment variables added to the child's environment.
     * @param port        the public port the server will listen on (from {@link #freePort()}).
     * @param log         where its standard output and error go.
     * @return the server, ready.
     */
    public static ServerProcess start(final String name, final List<String> arguments,
        final Map<String, String> environment, final int port, final Path log) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_FLAGS);
        command.addAll(extraFlags());
        command.addAll(arguments);
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        final ServerProcess server = new ServerProcess(name, builder.start(), log, port);
        try
        {
            server.awaitReady();
            return server;
        }
        catch (final IOException | RuntimeException ex)
        {
            server.close();
            throw ex;
        }
    }

    /** @return flags from {@code BOURSE_BENCH_SERVER_JAVA_OPTS} (e.g. a profiler), added to both servers. */
    private static List<String> extraFlags()
    {
        final String flags = System.getenv(EXTRA_FLAGS_VARIABLE);
        return flags == null || flags.isBlank() ? List.of() : List.of(flags.trim().split("\\s+"));
    }

    /** @return the java binary of this JVM, so children run on the same JDK. */
    public static String javaBinary()
    {
        return ProcessHandle.current().info().command().orElse(
            Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** @return a port that was free a moment ago on the loopback address. */
    public static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void awaitReady() throws IOException
    {
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/public/time"))
            .timeout(Duration.ofSeconds(2)).build();
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS);
        while (System.nanoTime() < deadlineNs)
        {
            if (!process.isAlive())
            {
                throw new IOException(name + " exited with " + process.exitValue() + " before serving:\n" + logTail());
            }
            try
            {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                {
                    return;
                }
            }
            catch (final IOException ignored)
            {
                // not listening yet
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + name, ex);
            }
            process.onExit().completeOnTimeout(process, POLL_INTERVAL_MS, TimeUnit.MILLISECONDS).join();
        }
        throw new IOException(name + " did not serve within " + READY_TIMEOUT_MS + " ms:\n" + logTail());
    }

    private String logTail() throws IOException
    {
        final List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** @return the public port. */
    public int port()
    {
        return port;
    }

    /** @return the child's pid. */
    public long pid()
    {
        return process.pid();
    }

    /** SIGKILL: the process dies at once, as in a crash. */
    public void kill() throws InterruptedException
    {
        process.destroyForcibly().waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close()
    {
        process.destroy();
        try
        {
            if (!process.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly().waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
