package dev.weft.examples.serve;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;

/**
 * The one model a server answers with: a module in eval mode, the shape of one example (the batch dim B is
 * the request's), and a line describing it for /health. {@link #predict} runs under no-grad and may be
 * called from any number of threads at once (see {@link Module}'s thread-safety contract): nothing here
 * changes after construction.
 *
 * @param module       the network, already loaded and in eval mode
 * @param exampleShape the shape of one input example, e.g. (C) for an MLP taking (B, C)
 * @param kind         what built it ("mlp", "onnx")
 * @param description  the architecture and the file it came from, for /health
 */
record ServedModel(Module module, int[] exampleShape, String kind, String description) {
    ServedModel {
        module.eval();
        exampleShape = exampleShape.clone();
    }

    @Override
    public int[] exampleShape() {
        return exampleShape.clone();
    }

    /** What one prediction returns: the values in row-major order and their shape (B, ...). */
    record Prediction(float[] values, int[] shape) {}

    /** x: {@code batch} examples of {@link #exampleShape}, flattened row-major -> the module's output. */
    Prediction predict(float[] x, int batch) {
        int[] shape = new int[exampleShape.length + 1];
        shape[0] = batch;
        System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
        try (var s = GradMode.noGrad()) {
            Tensor y = module.forward(Tensor.of(x, shape));
            return new Prediction(y.toFloatArray(), y.shape());
        }
    }

    /** Values per example: the product of {@link #exampleShape}. */
    int exampleSize() {
        int n = 1;
        for (int d : exampleShape) n *= d;
        return n;
    }

    long parameterCount() {
        long n = 0;
        for (Tensor p : module.parameters()) n += p.numel();
        return n;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(description).append(", input (B");
        for (int d : exampleShape) sb.append(", ").append(d);
        return sb.append(')').toString();
    }
}
