package dev.weft.nn.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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
        Path tmp = createTemp(dir, abs.getFileName().toString());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                body.writeTo(wrap.apply(ch));
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        }
        syncDirectory(dir);
    }

    /** A new empty file ".NAME.RANDOM.tmp" next to the target (created with the default permissions). */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 16) throw taken;
            }
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
