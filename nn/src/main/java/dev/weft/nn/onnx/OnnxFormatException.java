package dev.weft.nn.onnx;

/**
 * A malformed or unsupported ONNX file: the message names the source, and the byte offset (wire errors) or
 * the node / tensor at fault. Thrown before anything is built, so no half-loaded model exists.
 */
public final class OnnxFormatException extends IllegalArgumentException {
    private final long offset;

    /** An error at a byte offset of the file's protobuf stream. */
    public OnnxFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /** An error about a node, tensor or value rather than a byte position. */
    public OnnxFormatException(String message) {
        this(message, -1);
    }

    /** The byte offset the error refers to, or -1 when it names a node or tensor instead. */
    public long offset() {
        return offset;
    }
}
