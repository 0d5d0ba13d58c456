package dev.weft.nn.data;

import java.io.IOException;

/**
 * A data file is malformed: names the file, where (a byte offset for binary formats, a line for text;
 * -1 when not applicable) and the reason. Message: {@code FILE: byte 16: reason},
 * {@code FILE: uncompressed byte 16: reason} (gzipped input) or {@code FILE:3: reason}.
 */
public final class DataFileException extends IOException {
    /** The file's name or path as given. */
    private final String file;
    /** The byte offset of the error, or -1. */
    private final long byteOffset;
    /** The 1-based line of the error, or -1. */
    private final long line;
    /** What is wrong, without the file and position. */
    private final String reason;

    private DataFileException(String file, long byteOffset, long line, String reason, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.byteOffset = byteOffset;
        this.line = line;
        this.reason = reason;
    }

    /**
     * An error at a byte offset of a binary file (in a gzipped file: an offset in the uncompressed bytes).
     *
     * @param file the file's name or path
     * @param offset the 0-based byte offset
     * @param reason what is wrong
     * @return the exception, to throw
     */
    public static DataFileException atByte(String file, long offset, String reason) {
        return atByte(file, offset, reason, null);
    }

    /**
     * As {@link #atByte(String, long, String)} with the exception that caused it.
     *
     * @param file the file's name or path
     * @param offset the 0-based byte offset
     * @param reason what is wrong
     * @param cause the underlying exception, or null
     * @return the exception, to throw
     */
    public static DataFileException atByte(String file, long offset, String reason, Throwable cause) {
        return new DataFileException(file, offset, -1, reason, file + ": byte " + offset + ": " + reason, cause);
    }

    /**
     * An error at a byte offset of the decompressed contents of a gzipped file.
     *
     * @param file the gzipped file's name or path
     * @param offset the 0-based offset in the uncompressed bytes
     * @param reason what is wrong
     * @param cause the underlying exception, or null
     * @return the exception, to throw
     */
    public static DataFileException atUncompressedByte(String file, long offset, String reason, Throwable cause) {
        return new DataFileException(file, offset, -1, reason, file + ": uncompressed byte " + offset + ": " + reason, cause);
    }

    /**
     * An error at a 1-based line of a text file.
     *
     * @param file the file's name or path
     * @param line the 1-based line number
     * @param reason what is wrong
     * @return the exception, to throw
     */
    public static DataFileException atLine(String file, long line, String reason) {
        return new DataFileException(file, -1, line, reason, file + ":" + line + ": " + reason, null);
    }

    /** {@return the file's name or path as given} */
    public String file() {
        return file;
    }

    /** {@return the byte offset, or -1 for a text file error} */
    public long byteOffset() {
        return byteOffset;
    }

    /** {@return the 1-based line, or -1 for a binary file error} */
    public long line() {
        return line;
    }

    /** {@return what is wrong, without the file and position} */
    public String reason() {
        return reason;
    }
}
