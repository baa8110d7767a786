package dev.bourse.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/** Small secret files (the secret key, the admin token) readable and writable by their owner only. */
public final class OwnerOnlyFiles
{
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles()
    {
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
                final boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
                if (posix)
                {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                }
                else
                {
                    Files.createFile(file);
                }
                Files.writeString(file, content.get() + "\n", StandardCharsets.UTF_8);
            }
            catch (final FileAlreadyExistsException ignore)
            {
                // created meanwhile by another process: read it below
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    /** @return whether the file's group and others have no permission (always true off POSIX file systems). */
    public static boolean isOwnerOnly(final Path file) throws IOException
    {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix"))
        {
            return true;
        }
        return OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file));
    }
}
