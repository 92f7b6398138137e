package org.guitai.terminal.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * How the terminal writes what must survive a crash: a whole file is written beside, forced to
 * the disk and renamed into place (then its folder forced), so that after a crash it is there whole
 * or as it was; an appended line is forced before the call returns. What a write reports done is on
 * the disk.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Replaces {@code file} with {@code content} whole, or not at all. */
    public static void write(Path file, String content) {
        write(file, content, false);
    }

    /** The same, the file readable by its owner only (a key). */
    public static void writePrivately(Path file, String content) {
        write(file, content, true);
    }

    /** Appends {@code text} to {@code file} (made if missing) and forces it to the disk. */
    public static void append(Path file, String text) {
        append(file, text, true);
    }

    /**
     * Appends {@code text} to {@code file} (made if missing), forced to the disk or not: an append
     * not forced reaches the disk with the next forced one to the same file at the latest, or is lost
     * (the file's tail) in a crash before it.
     */
    public static void append(Path file, String text, boolean force) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            writeAll(channel, text);
            if (force) {
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** Forces a folder's entries (a rename, a deletion) to the disk, where the file system can. */
    public static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a folder for forcing; a rename there is still atomic
        }
    }

    private static void write(Path file, String content, boolean ownerOnly) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                writeAll(channel, content);
                channel.force(true);
            }
            if (ownerOnly) {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // a file system without POSIX permissions keeps its own
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void writeAll(FileChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
