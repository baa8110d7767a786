package dev.bourse.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Everything the server creates in its data directory is owner-only: directories rwx------, files rw-------. */
class OwnerOnlyFilesTest
{
    @Test
    void shouldCreateTheDataDirectoryAndEverythingInItOwnerOnly() throws Exception
    {
        try (TestExchange exchange = new TestExchange(context -> context.dataDir(context.dataDir().resolve("data"))))
        {
            final Path dataDir = exchange.dataDir.resolve("data");
            assumeTrue(Files.getFileStore(dataDir).supportsFileAttributeView("posix"), "no POSIX permissions here");
            exchange.createPair("BCH.ETH");
            exchange.fundedTrader("10", "BCH", "ETH");
            exchange.restart();

            final List<Path> all;
            try (Stream<Path> files = Files.walk(dataDir))
            {
                all = files.toList();
            }
            assertThat(all).extracting(path -> dataDir.relativize(path).toString())
                .contains("", "admin.token", "secret.key", "journal", "journal/writer.lock", "snapshots")
                .anyMatch(name -> name.startsWith("journal/journal-"))
                .anyMatch(name -> name.startsWith("snapshots/snapshot-"));
            for (final Path path : all)
            {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).as(path.toString())
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void shouldMakeItsOwnSubdirectoriesOwnerOnlyWhenTheyWereNot() throws Exception
    {
        try (TestExchange exchange = new TestExchange())
        {
            assumeTrue(Files.getFileStore(exchange.dataDir).supportsFileAttributeView("posix"), "no POSIX here");
            exchange.restart(() ->
            {
                try
                {
                    Files.setPosixFilePermissions(exchange.dataDir.resolve("journal"),
                        PosixFilePermissions.fromString("rwxr-xr-x"));
                    Files.setPosixFilePermissions(exchange.dataDir.resolve("snapshots"),
                        PosixFilePermissions.fromString("rwxrwxrwx"));
                }
                catch (final java.io.IOException ex)
                {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
            for (final String directory : new String[] {"journal", "snapshots"})
            {
                assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(exchange.dataDir.resolve(directory)))).isEqualTo("rwx------");
            }
        }
    }
}
