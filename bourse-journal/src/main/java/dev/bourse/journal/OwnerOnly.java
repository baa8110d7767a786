package dev.bourse.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Files and directories of a data directory readable by their owner only: directories {@code rwx------} (0700), files
 * {@code rw-------} (0600), set when they are created (the process's umask can only take permissions away). On a
 * file system without POSIX permissions they are created with its defaults.
 */
public final class OwnerOnly
{
    /** Owner-only permissions of a file. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** Owner-only permissions of a directory. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private static final Logger LOGGER = LoggerFactory.getLogger(OwnerOnly.class);
    private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];

    private OwnerOnly()
    {
    }

    /** @return whether the file system of {@code path} has POSIX permissions. */
    public static boolean isPosix(final Path path)
    {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** @return the attributes that create a file under {@code path}'s file system owner-only. */
    public static FileAttribute<?>[] fileAttributes(final Path path)
    {
        return isPosix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : NONE;
    }

    /**
     * Opens a file as {@link FileChannel#open(Path, OpenOption...)} does; a file it creates is owner-only.
     *
     * @param path    the file.
     * @param options how to open it.
     * @return the channel.
     * @throws IOException when it cannot be opened.
     */
    public static FileChannel open(final Path path, final OpenOption... options) throws IOException
    {
        return FileChannel.open(path, new HashSet<>(Arrays.asList(options)), fileAttributes(path));
    }

    /**
     * Creates a directory of the exchange's own (with its missing parents, each owner-only), or makes an existing one
     * owner-only: a directory that only Bourse writes, such as {@code journal/} or {@code snapshots/}.
     *
     * @param directory the directory.
     * @throws IOException when it cannot be created or its permissions cannot be set.
     */
    public static void directory(final Path directory) throws IOException
    {
        if (!isPosix(directory))
        {
            Files.createDirectories(directory);
            return;
        }
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
        final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        if (!DIRECTORY.containsAll(permissions))
        {
            Files.setPosixFilePermissions(directory, DIRECTORY);
            LOGGER.info("{} was {}; it is owner-only (rwx------) now", directory,
                PosixFilePermissions.toString(permissions));
        }
    }

    /** @return whether group and others have no permission on the file or directory (true off POSIX). */
    public static boolean isOwnerOnly(final Path path) throws IOException
    {
        if (!isPosix(path))
        {
            return true;
        }
        final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return DIRECTORY.containsAll(permissions);
    }
}
