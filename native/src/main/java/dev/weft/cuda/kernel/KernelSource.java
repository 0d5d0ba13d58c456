package dev.weft.cuda.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One CUDA C source shipped as a resource under dev/weft/cuda/kernels/ and the extern "C" kernels
 * ({@code .entry} names in its PTX) it defines. Sources include weft_common.cuh, which the compiler
 * is handed as a header.
 */
public record KernelSource(String file, List<String> entries) {
    /** The resource folder. */
    public static final String FOLDER = "/dev/weft/cuda/kernels/";
    /** The shared header every source includes. */
    public static final String COMMON_HEADER = "weft_common.cuh";

    public KernelSource {
        entries = List.copyOf(entries);
    }

    /** {@return the source text} */
    public String text() {
        return read(file);
    }

    /** Reads a resource of the kernel folder as UTF-8. */
    public static String read(String name) {
        try (InputStream in = KernelSource.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) throw new IllegalStateException("cuda: kernel resource " + FOLDER + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cuda: cannot read kernel resource " + name, e);
        }
    }
}
