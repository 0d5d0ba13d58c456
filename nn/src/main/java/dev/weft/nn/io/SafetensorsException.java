package dev.weft.nn.io;

import java.io.IOException;

/**
 * A safetensors file that is not well formed, or a tensor that cannot be read into or written from
 * Weft. The message names the file, the byte offset the problem was found at (from the start of the
 * file), and the reason: {@code safetensors: model.safetensors: byte 8: header length 4294967296
 * exceeds the file size 1024}.
 */
public final class SafetensorsException extends IOException {
    /** The file, or the name given to an in-memory buffer. */
    private final String source;
    /** The byte offset of the problem, or -1. */
    private final long offset;
    /** The reason, without the file and offset. */
    private final String reason;

    /**
     * An error in a safetensors file or buffer.
     *
     * @param source the file, or the name given to an in-memory buffer
     * @param offset the byte offset from the start of the file, or -1 if none applies
     * @param reason what is wrong
     */
    public SafetensorsException(String source, long offset, String reason) {
        super("safetensors: " + source + ": " + (offset >= 0 ? "byte " + offset + ": " : "") + reason);
        this.source = source;
        this.offset = offset;
        this.reason = reason;
    }

    /** {@return the file (or the name given to an in-memory buffer)} */
    public String source() {
        return source;
    }

    /** {@return the byte offset from the start of the file where the problem was found, or -1 if none applies} */
    public long offset() {
        return offset;
    }

    /** {@return the reason, without the file and offset} */
    public String reason() {
        return reason;
    }
}
