package dev.weft.examples.serve;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The server's command line: {@code --mlp 4,64,3 --weights model.safetensors [--activation relu]} or
 * {@code --onnx model.onnx}; {@code --host 127.0.0.1} (loopback by default: opening it wider is a choice),
 * {@code --port 8080} (0 = any free port), {@code --threads N} request threads (default: the cores),
 * {@code --max-body BYTES} (default 1 MiB; a larger body is refused with 413 before it is read),
 * {@code --max-batch N} examples per request (default 4096).
 */
record ServeOptions(String host, int port, int threads, long maxBody, int maxBatch,
                    int[] mlpSizes, String activation, Path weights, Path onnx) {
    static final long DEFAULT_MAX_BODY = 1 << 20;
    static final int DEFAULT_MAX_BATCH = 4096;

    static final String USAGE = """
            usage: serve (--mlp SIZES --weights FILE.safetensors [--activation relu|tanh|gelu] | --onnx FILE.onnx)
                         [--host 127.0.0.1] [--port 8080] [--threads N] [--max-body 1048576] [--max-batch 4096]""";

    ServeOptions {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port: must be in [0, 65535], got " + port);
        if (threads < 1) throw new IllegalArgumentException("--threads: must be >= 1, got " + threads);
        if (maxBody < 2 || maxBody > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("--max-body: must be in [2, " + (Integer.MAX_VALUE - 8) + "] bytes, got " + maxBody);
        }
        if (maxBatch < 1) throw new IllegalArgumentException("--max-batch: must be >= 1, got " + maxBatch);
        if ((mlpSizes == null) == (onnx == null)) throw new IllegalArgumentException("serve: give exactly one of --mlp or --onnx\n" + USAGE);
        if (mlpSizes != null && weights == null) throw new IllegalArgumentException("--mlp needs --weights FILE.safetensors");
        if (onnx != null && weights != null) throw new IllegalArgumentException("--weights goes with --mlp, not --onnx");
    }

    /** Parses {@code args} (see the class comment); an unknown or incomplete flag is an IllegalArgumentException. */
    static ServeOptions parse(String... args) {
        String host = "127.0.0.1", activation = "relu";
        int port = 8080, threads = Runtime.getRuntime().availableProcessors(), maxBatch = DEFAULT_MAX_BATCH;
        long maxBody = DEFAULT_MAX_BODY;
        int[] sizes = null;
        Path weights = null, onnx = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException(flag + ": missing value\n" + USAGE);
            String v = args[++i];
            switch (flag) {
                case "--host" -> host = v;
                case "--port" -> port = integer(flag, v);
                case "--threads" -> threads = integer(flag, v);
                case "--max-body" -> maxBody = longValue(flag, v);
                case "--max-batch" -> maxBatch = integer(flag, v);
                case "--mlp" -> sizes = ModelLoader.parseSizes(v);
                case "--activation" -> activation = v;
                case "--weights" -> weights = Path.of(v);
                case "--onnx" -> onnx = Path.of(v);
                default -> throw new IllegalArgumentException("serve: unknown flag '" + flag + "' in " + Arrays.toString(args) + "\n" + USAGE);
            }
        }
        return new ServeOptions(host, port, threads, maxBody, maxBatch, sizes, activation, weights, onnx);
    }

    private static int integer(String flag, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": expected an integer, got '" + v + "'");
        }
    }

    private static long longValue(String flag, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": expected an integer, got '" + v + "'");
        }
    }
}
