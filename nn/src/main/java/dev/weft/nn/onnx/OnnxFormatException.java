package dev.weft.nn.onnx;

/**
 * A malformed or unsupported ONNX file: the message names the source, and the byte offset (wire errors) or
 * the node / tensor at fault. Thrown before anything is built, so no half-loaded model exists.
 */
public final class OnnxFormatException extends IllegalArgumentException {
    /** The byte offset the error refers to, or -1. */
    private final long offset;

    /**
     * An error at a byte offset of the file's protobuf stream.
     *
     * @param message the full message, naming the source
     * @param offset the byte offset in the file
     */
    public OnnxFormatException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /**
     * An error about a node, tensor or value rather than a byte position.
     *
     * @param message the full message, naming the source and the node or tensor
     */
    public OnnxFormatException(String message) {
        this(message, -1);
    }

    /** {@return the byte offset the error refers to, or -1 when it names a node or tensor instead} */
    public long offset() {
        return offset;
    }
}
