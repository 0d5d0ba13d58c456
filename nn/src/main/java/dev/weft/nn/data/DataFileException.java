package dev.weft.nn.data;

import java.io.IOException;

/**
 * A data file is malformed: names the file, where (a byte offset for binary formats, a line for text;
 * -1 when not applicable) and the reason. Message: {@code FILE: byte 16: reason},
 * {@code FILE: uncompressed byte 16: reason} (gzipped input) or {@code FILE:3: reason}.
 */
public final class DataFileException extends IOException {
    private final String file;
    private final long byteOffset;
    private final long line;
    private final String reason;

    private DataFileException(String file, long byteOffset, long line, String reason, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.byteOffset = byteOffset;
        this.line = line;
        this.reason = reason;
    }

    /** An error at a byte offset of a binary file (in a gzipped file: an offset in the uncompressed bytes). */
    public static DataFileException atByte(String file, long offset, String reason) {
        return atByte(file, offset, reason, null);
    }

    public static DataFileException atByte(String file, long offset, String reason, Throwable cause) {
        return new DataFileException(file, offset, -1, reason, file + ": byte " + offset + ": " + reason, cause);
    }

    /** An error at a byte offset of the decompressed contents of a gzipped file. */
    public static DataFileException atUncompressedByte(String file, long offset, String reason, Throwable cause) {
        return new DataFileException(file, offset, -1, reason, file + ": uncompressed byte " + offset + ": " + reason, cause);
    }

    /** An error at a 1-based line of a text file. */
    public static DataFileException atLine(String file, long line, String reason) {
        return new DataFileException(file, -1, line, reason, file + ":" + line + ": " + reason, null);
    }

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

    public String reason() {
        return reason;
    }
}
