package dev.weft.nn.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Replaces a file all at once: the content goes to a hidden temporary file in the same directory,
 * which is flushed to disk (fsync) and then renamed over the target (atomically where the file
 * system can, else a plain replace). If anything fails before the rename, the temporary file is
 * deleted and the target is untouched, so a reader never sees a half-written file at the target.
 * A writer holds a lock on its temporary file until the rename; the temporary files of writers that
 * died (a killed JVM) are deleted by the next write of the same target.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the content to a channel. */
    @FunctionalInterface
    interface Body {
        void writeTo(WritableByteChannel out) throws IOException;
    }

    static void write(Path target, Body body) throws IOException {
        write(target, body, UnaryOperator.identity());
    }

    /** As {@link #write(Path, Body)}; {@code wrap} decorates the channel (tests inject failures with it). */
    static void write(Path target, Body body, UnaryOperator<WritableByteChannel> wrap) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) throw new IOException("atomic write: " + target + " has no parent directory");
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, Files.exists(dir)
                    ? "cannot write: " + dir + " is not a directory" : "cannot write: directory " + dir + " does not exist");
        }
        String name = abs.getFileName().toString();
        removeStaleTemps(dir, name);
        Path tmp = null;
        try {
            FileChannel ch = null;
            for (int attempt = 0; ch == null; attempt++) {
                tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
                try {
                    ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    tmp = null;
                    if (attempt == 16) throw taken;
                }
            }
            // the lock marks the temporary file as in use until it is renamed: removeStaleTemps skips it
            try (FileChannel out = ch; FileLock held = out.lock()) {
                body.writeTo(wrap.apply(out));
                out.force(true);
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (Throwable t) {
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        }
        syncDirectory(dir);
    }

    /**
     * Deletes the temporary files an earlier write of the same target left behind when its process died
     * before the rename (".NAME.HEX.tmp" next to the target that no writer holds locked). A temporary file
     * that a live writer (this process or another) holds is left alone.
     */
    static void removeStaleTemps(Path dir, String name) {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, p -> {
            String f = p.getFileName().toString();
            return f.startsWith(prefix) && f.endsWith(".tmp") && f.length() > prefix.length() + 4
                    && f.substring(prefix.length(), f.length() - 4).matches("[0-9a-f]{1,16}");
        })) {
            for (Path stale : all) {
                try (FileChannel c = FileChannel.open(stale, StandardOpenOption.WRITE); FileLock free = c.tryLock()) {
                    if (free != null) Files.deleteIfExists(stale);
                } catch (OverlappingFileLockException inUseHere) {
                    // NOTE: a write in this JVM holds it: not stale
                } catch (IOException gone) {
                    // NOTE: removed meanwhile, or not ours to remove (permissions): leave it, the write goes on
                }
            }
        } catch (IOException unreadable) {
            // NOTE: an unlistable directory fails the write itself right after, with the file system's reason
        }
    }

    /** Makes the rename durable where the platform allows fsync on a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException unsupported) {
            // NOTE: some platforms (Windows) cannot open or fsync a directory; the rename itself already
            // happened, so the file is complete either way, only its durability across a crash is weaker.
        }
    }
}
