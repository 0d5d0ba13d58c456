package dev.weft.examples.serve;

import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.io.ModuleIO;
import dev.weft.nn.layers.GELU;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.Tanh;
import dev.weft.nn.onnx.Onnx;
import dev.weft.nn.onnx.OnnxModel;
import dev.weft.nn.onnx.OnnxValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds the served model once, at start: a known architecture given on the command line whose weights come
 * from a safetensors state dict (PyTorch names: an nn.Sequential of Linear and activation layers saves
 * "0.weight", "0.bias", "2.weight", ...), or an ONNX file ({@link #onnx}).
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
     * An ONNX model read with {@link Onnx#load(Path)}: one graph input (B, ...) and one output, every dim after the
     * batch dim fixed in the file (it is the example shape requests are checked against).
     */
    static ServedModel onnx(Path path) throws IOException {
        OnnxModel model = Onnx.load(path);
        if (model.inputs().size() != 1 || model.outputs().size() != 1) {
            throw new IllegalArgumentException("--onnx " + path + ": serving needs one graph input and one output, the file has inputs "
                    + model.inputs() + " and outputs " + model.outputs());
        }
        OnnxValue input = model.inputs().get(0);
        long[] dims = input.dims();
        if (dims == null || dims.length < 1) {
            throw new IllegalArgumentException("--onnx " + path + ": input " + input + " has no (batch, ...) shape to check requests against");
        }
        int[] example = new int[dims.length - 1];
        for (int i = 1; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException("--onnx " + path + ": input " + input + " has a symbolic dim after the batch dim; "
                        + "serving needs every example dim fixed");
            }
            example[i - 1] = Math.toIntExact(dims[i]);
        }
        return new ServedModel(model, example, "onnx", "onnx opset " + model.opset() + ", " + model.nodeCount()
                + " nodes, from " + path);
    }
}
