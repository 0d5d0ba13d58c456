package dev.weft.nn.io;

import java.io.IOException;

/**
 * A safetensors file that is not well formed, or a tensor that cannot be read into or written from
 * Weft. The message names the file, the byte offset the problem was found at (from the start of the
 * file), and the reason: {@code safetensors: model.safetensors: byte 8: header length 4294967296
 * exceeds the file size 1024}.
 */
public final class SafetensorsException extends IOException {
    private final String source;
    private final long offset;
    private final String reason;

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

    /** Byte offset from the start of the file where the problem was found, or -1 if none applies. */
    public long offset() {
        return offset;
    }

    /** {@return the reason, without the file and offset} */
    public String reason() {
        return reason;
    }
}
