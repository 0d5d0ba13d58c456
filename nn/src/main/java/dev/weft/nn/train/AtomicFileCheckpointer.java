package dev.weft.nn.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes each checkpoint to {@code dir/String.format(pattern, step)} atomically: the {@link Writer}
 * fills a temporary file in the same directory, which is flushed to disk and then renamed over the
 * target in one atomic move, so a crash leaves either the old file or the complete new one, never a
 * partial file. If the writer fails the temporary file is deleted and the target left as it was. A
 * file system without atomic moves is an error, not a silent non-atomic copy.
 */
public final class AtomicFileCheckpointer implements Checkpointer {
    /** Writes one checkpoint into {@code file} (a fresh, empty temporary file). */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes one checkpoint.
         *
         * @param checkpoint what to write
         * @param file the temporary file to fill
         * @throws IOException if writing fails (the temporary file is then deleted)
         */
        void write(Checkpoint checkpoint, Path file) throws IOException;
    }

    private final Path dir;
    private final String pattern;
    private final Writer writer;
    private Path last;

    /**
     * A checkpointer writing into {@code dir}.
     *
     * @param dir the directory the checkpoints go to
     * @param pattern file name with one %d for the step, e.g. "step-%08d.safetensors"; without %d every
     *                checkpoint replaces the same file
     * @param writer fills each checkpoint's temporary file
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if pattern holds a path separator
     */
    public AtomicFileCheckpointer(Path dir, String pattern, Writer writer) {
        this.dir = java.util.Objects.requireNonNull(dir, "dir");
        this.pattern = java.util.Objects.requireNonNull(pattern, "pattern");
        this.writer = java.util.Objects.requireNonNull(writer, "writer");
        if (pattern.contains("/") || pattern.contains(java.io.File.separator)) {
            throw new IllegalArgumentException("AtomicFileCheckpointer: pattern must be a file name, got '" + pattern + "'");
        }
    }

    @Override
    public void save(Checkpoint checkpoint) throws IOException {
        Files.createDirectories(dir);
        String name = pattern.contains("%") ? String.format(Locale.ROOT, pattern, checkpoint.step()) : pattern;
        Path target = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
        boolean moved = false;
        try {
            writer.write(checkpoint, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            last = target;
        } finally {
            if (!moved) Files.deleteIfExists(tmp);
        }
    }

    /** {@return the file the last successful save wrote, or null} */
    public Path lastPath() {
        return last;
    }
}
