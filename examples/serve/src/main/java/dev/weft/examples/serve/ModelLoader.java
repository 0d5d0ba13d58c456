package dev.weft.examples.serve;

import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.io.ModuleIO;
import dev.weft.nn.layers.GELU;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.Tanh;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds the served model once, at start: a known architecture given on the command line whose weights come
 * from a safetensors state dict (PyTorch names: an nn.Sequential of Linear and activation layers saves
 * "0.weight", "0.bias", "2.weight", ...), or an ONNX file (not wired in yet, see {@link #onnx}).
 */
final class ModelLoader {
    private ModelLoader() {}

    /**
     * An MLP Linear(s0, s1), act, Linear(s1, s2), ..., Linear(s_{n-2}, s_{n-1}) (no activation after the last)
     * loaded strictly from {@code weights}: every key present, no extra ones, every shape right.
     *
     * @param sizes      at least two layer widths, each >= 1, e.g. {4, 64, 3}
     * @param activation relu, tanh or gelu
     */
    static ServedModel mlp(int[] sizes, String activation, Path weights) throws IOException {
        Module m = mlpModule(sizes, activation);
        ModuleIO.load(m, weights);
        return new ServedModel(m, new int[] {sizes[0]}, "mlp",
                "mlp " + Arrays.toString(sizes) + " " + activation + " from " + weights);
    }

    /** The MLP's module with freshly initialized weights (what {@link #mlp} loads into). */
    static Module mlpModule(int[] sizes, String activation) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("mlp: need at least two sizes (in, out), got " + Arrays.toString(sizes));
        }
        for (int s : sizes) {
            if (s < 1) throw new IllegalArgumentException("mlp: sizes must be >= 1, got " + Arrays.toString(sizes));
        }
        activation(activation);                       // a bad name is an error even when no hidden layer uses it
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            if (i > 0) layers.add(activation(activation));
            layers.add(new Linear(sizes[i], sizes[i + 1]));
        }
        return new Sequential(layers.toArray(Module[]::new));
    }

    private static Module activation(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "relu" -> new ReLU();
            case "tanh" -> new Tanh();
            case "gelu" -> new GELU();
            default -> throw new IllegalArgumentException("mlp: activation must be relu, tanh or gelu, got '" + name + "'");
        };
    }

    /** Parses "4,64,3" into {4, 64, 3}. */
    static int[] parseSizes(String spec) {
        String[] parts = spec.split(",", -1);
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--mlp: expected comma-separated integers such as 4,64,3, got '" + spec + "'");
            }
        }
        return sizes;
    }

    /**
     * An ONNX model.
     * TODO(onnx): the dev.weft.nn.onnx loader is being added on another branch; once it is in nn, build the
     * module with its Onnx.load(path) and take the example shape from the graph's first input (dims after the
     * batch dim). Until then this says so instead of guessing.
     */
    static ServedModel onnx(Path path) {
        throw new UnsupportedOperationException("--onnx " + path + ": ONNX loading is not available in this build yet; "
                + "use --mlp SIZES --weights FILE.safetensors");
    }
}
