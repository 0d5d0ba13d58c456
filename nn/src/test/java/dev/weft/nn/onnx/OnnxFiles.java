package dev.weft.nn.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the committed golden models (nn/src/test/resources/onnx, made by src/test/python/export_onnx_models.py). */
final class OnnxFiles {
    private OnnxFiles() {}

    static byte[] bytes(String file) {
        try (InputStream in = OnnxFiles.class.getResourceAsStream("/onnx/" + file)) {
            if (in == null) throw new IllegalStateException("missing test resource /onnx/" + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
