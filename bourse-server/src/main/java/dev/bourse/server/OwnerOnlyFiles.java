package dev.bourse.server;

import dev.bourse.journal.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * The data directory and its small secret files (the secret key, the admin token), readable and writable by their
 * owner only ({@link OwnerOnly}).
 */
public final class OwnerOnlyFiles
{
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles()
    {
    }

    /**
     * Creates the data directory owner-only (rwx------) when it is missing. An existing one is left as it is, since it
     * may be shared with something else, but a WARN says so when others may read it: everything Bourse creates in it
     * is owner-only all the same.
     *
     * @param directory the data directory.
     * @throws IOException when it cannot be created.
     */
    public static void dataDirectory(final Path directory) throws IOException
    {
        if (!Files.isDirectory(directory))
        {
            OwnerOnly.directory(directory);
        }
        else if (!OwnerOnly.isOwnerOnly(directory))
        {
            LOG.warn("the data directory {} is {}: others may list it (the files Bourse creates in it are " +
                "owner-only); chmod 700 it", directory.toAbsolutePath(),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        }
    }

    /**
     * Reads the file, or creates it atomically with owner-only permissions and the supplied content.
     *
     * @param file    the file.
     * @param content the content of a new file (one line of text).
     * @return the content, trimmed.
     * @throws IOException when the file cannot be read or created.
     */
    public static String readOrCreate(final Path file, final Supplier<String> content) throws IOException
    {
        if (!Files.exists(file))
        {
            try
            {
                Files.createFile(file, OwnerOnly.fileAttributes(file));
                Files.writeString(file, content.get() + "\n", StandardCharsets.UTF_8);
            }
            catch (final FileAlreadyExistsException ignore)
            {
                // created meanwhile by another process: read it below
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
}
