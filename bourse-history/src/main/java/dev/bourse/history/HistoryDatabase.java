package dev.bourse.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bourse.server.ServerContext;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The history's PostgreSQL: the embedded one under {@code postgres/} in the data directory, or the external one the
 * configuration names ({@code databaseUrl}, {@code databaseUser}, {@code databasePassword}), behind a small HikariCP
 * pool shared by the history thread (writes) and the query workers (reads). The pool does not need the database at
 * start: an external database that is down delays only the history. The schema is migrated by Flyway
 * ({@code db/history}) the first time the history thread reaches the database.
 */
final class HistoryDatabase implements AutoCloseable
{
    /** Worker threads answering history queries. */
    static final int READERS = 4;
    /** Queries that may wait for a worker. */
    static final int READ_QUEUE = 256;
    /** The embedded database's directory in the data directory. */
    static final String DIRECTORY = "postgres";
    private static final long CONNECTION_TIMEOUT_MS = 5_000;

    private final HikariDataSource pool;
    private final Path embeddedDirectory;
    private volatile EmbeddedDatabase embedded;
    private boolean migrated;

    private HistoryDatabase(final EmbeddedDatabase embedded, final Path embeddedDirectory, final HikariDataSource pool)
    {
        this.embedded = embedded;
        this.embeddedDirectory = embeddedDirectory;
        this.pool = pool;
    }

    /**
     * @param context the server's configuration: {@code databaseUrl} set means an external database.
     * @return the database, the embedded one started.
     * @throws IOException when the embedded database cannot be started.
     */
    static HistoryDatabase open(final ServerContext context) throws IOException
    {
        final HikariConfig config = new HikariConfig();
        EmbeddedDatabase embedded = null;
        final Path directory = context.databaseUrl() == null ? context.dataDir().resolve(DIRECTORY) : null;
        if (directory != null)
        {
            embedded = EmbeddedDatabase.start(directory);
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(EmbeddedDatabase.USER);
        }
        else
        {
            config.setJdbcUrl(context.databaseUrl());
            config.setUsername(context.databaseUser());
            config.setPassword(context.databasePassword());
        }
        config.setPoolName("bourse-history");
        config.setMaximumPoolSize(READERS + 2);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setInitializationFailTimeout(-1);
        try
        {
            return new HistoryDatabase(embedded, directory, new HikariDataSource(config));
        }
        catch (final RuntimeException ex)
        {
            if (embedded != null)
            {
                embedded.close();
            }
            throw ex;
        }
    }

    /** @return the pool. */
    DataSource dataSource()
    {
        return pool;
    }

    /** Brings the schema up to date, once; on the history thread. */
    synchronized void migrate()
    {
        if (!migrated)
        {
            Flyway.configure().dataSource(pool).locations("classpath:db/history").load().migrate();
            migrated = true;
        }
    }

    /**
     * Starts the embedded database again, on the same port, when its postmaster is gone (killed, crashed): the history
     * thread calls it when the database cannot be reached. An external database is the operator's to restart.
     *
     * @throws IOException when it cannot be started.
     */
    void reviveEmbedded() throws IOException
    {
        final EmbeddedDatabase current = embedded;
        if (current == null || current.postmaster().isPresent())
        {
            return;
        }
        current.close();
        embedded = EmbeddedDatabase.start(embeddedDirectory, current.port());
    }

    /** @return the embedded database, when it is the one in use. */
    Optional<EmbeddedDatabase> embedded()
    {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close()
    {
        pool.close();
        if (embedded != null)
        {
            embedded.close();
        }
    }
}
