package dev.weft.nn.hyper;

import dev.weft.nn.Flatten;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Identity;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Dropout;
import dev.weft.nn.layers.ELU;
import dev.weft.nn.layers.GELU;
import dev.weft.nn.layers.LeakyReLU;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.LogSoftmax;
import dev.weft.nn.layers.Mish;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.SiLU;
import dev.weft.nn.layers.Sigmoid;
import dev.weft.nn.layers.Softmax;
import dev.weft.nn.layers.Softplus;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A functional call with one parameter set per batch element (torch.func.vmap over functional_call): sample i
 * of x runs with parameters P[i], as batched matmuls, never a loop over samples. The law, for every i:
 * {@code call(target, P, x).narrow(0, i, 1) == FunctionalCall.call(target, P[i], x.narrow(0, i, 1))}.
 *
 * <p>Supported targets are MLP-shaped, the modules whose per-sample form is exact and known not to mix
 * samples: a {@link Sequential} (nested ones too) of {@link Linear} (y[i] = x[i] W[i]^T + b[i], one bmm),
 * elementwise activations (ReLU, LeakyReLU, ELU, GELU, SiLU, Mish, Sigmoid, Tanh, Softplus), Softmax and
 * LogSoftmax over a dim other than the batch, {@link Flatten} from dim 1 on, {@link Identity} and
 * {@link Dropout}. Anything else (convolutions, norms, attention, recurrent layers, custom modules) is refused
 * with an error naming the module; classes are matched exactly, as a subclass may change forward.
 *
 * <p>x is (B, ..., C_in): to run B parameter sets over one shared input x (N, C_in), pass
 * {@code x.unsqueeze(0).expand(B, N, C_in)} (or use {@link #callShared}).
 */
public final class PerSampleCall {
    private PerSampleCall() {}

    private static final Set<Class<? extends Module>> ELEMENTWISE = Set.of(ReLU.class, LeakyReLU.class, ELU.class, GELU.class,
            SiLU.class, Mish.class, Sigmoid.class, Tanh.class, Softplus.class, Identity.class, Dropout.class);

    /**
     * Runs {@code target} with {@code perSample} parameters on x; every parameter not supplied is the module's own,
     * shared by all samples.
     *
     * @param target the module, of the supported kinds ({@link #checkSupported})
     * @param perSample dotted name to (B, *shape)
     * @param x the input (B, ...)
     * @return the output (B, ...)
     * @throws IllegalArgumentException when the target is not supported, a name is unknown or a shape does not fit
     */
    public static Tensor call(Module target, Map<String, Tensor> perSample, Tensor x) {
        return call(target, perSample, Map.of(), x);
    }

    /**
     * As {@link #call(Module, Map, Tensor)}, with {@code shared} standing in for the module's own tensors of the
     * parameters not given per sample.
     *
     * @param target the module, of the supported kinds
     * @param perSample dotted name to (B, *shape)
     * @param shared dotted name to a tensor of the parameter's own shape, used by every sample
     * @param x the input (B, ...)
     * @return the output (B, ...)
     * @throws IllegalArgumentException when the target is not supported, a name is unknown or given twice, or a shape does not fit
     */
    public static Tensor call(Module target, Map<String, Tensor> perSample, Map<String, Tensor> shared, Tensor x) {
        checkSupported(target);
        if (x == null || x.dim() < 2) {
            throw new IllegalArgumentException("perSampleCall: input " + (x == null ? "null" : Shape.format(x.shape()))
                    + " must be batched (B, ..., C_in)");
        }
        int b = x.size(0);
        Map<String, Tensor> own = target.namedParameters();
        Map<String, Tensor> bound = new LinkedHashMap<>();
        for (var e : perSample.entrySet()) {
            Tensor t = e.getValue(), o = own.get(e.getKey());
            if (o == null) {
                throw new IllegalArgumentException("perSampleCall: " + target.reprName() + " has no parameter named '" + e.getKey()
                        + "' (parameters: " + own.keySet() + ")");
            }
            int[] s = t.shape();
            if (s.length != o.dim() + 1 || s[0] != b || !Arrays.equals(o.shape(), Arrays.copyOfRange(s, 1, s.length))) {
                throw new IllegalArgumentException("perSampleCall: '" + e.getKey() + "' has shape " + Shape.format(s) + ", expected (B="
                        + b + ", " + Shape.format(o.shape()).substring(1) + " for input " + Shape.format(x.shape()));
            }
            bound.put(e.getKey(), t);
        }
        for (String k : shared.keySet()) {
            if (!own.containsKey(k)) {
                throw new IllegalArgumentException("perSampleCall: " + target.reprName() + " has no parameter named '" + k + "'");
            }
            if (perSample.containsKey(k)) {
                throw new IllegalArgumentException("perSampleCall: '" + k + "' is given both per sample and shared");
            }
        }
        // F.linear's per-sample form takes (B, C_out, C_in) and (B, C_out) together: a shared tensor joins as a
        // stride-0 view (its gradient sums over the batch), so every Linear runs as one bmm
        for (var e : own.entrySet()) {
            if (bound.containsKey(e.getKey())) continue;
            Tensor t = shared.getOrDefault(e.getKey(), e.getValue());
            if (!Arrays.equals(t.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("perSampleCall: shared '" + e.getKey() + "' has shape " + Shape.format(t.shape())
                        + ", the module's is " + Shape.format(e.getValue().shape()));
            }
            int[] s = new int[t.dim() + 1];
            s[0] = b;
            System.arraycopy(t.shape(), 0, s, 1, t.dim());
            bound.put(e.getKey(), t.unsqueeze(0).expand(s));
        }
        return FunctionalCall.call(target, bound, x);
    }

    // target with P[i] on the shared x: (N, ...) -> (B, N, ...)
    /**
     * B parameter sets over one shared input: {@code call(target, perSample, x.unsqueeze(0).expand(B, ...))}.
     *
     * @param target the module, of the supported kinds
     * @param perSample dotted name to (B, *shape), not empty
     * @param x the shared input (N, ...)
     * @return the outputs (B, N, ...)
     * @throws IllegalArgumentException when perSample is empty, or as {@link #call(Module, Map, Tensor)}
     */
    public static Tensor callShared(Module target, Map<String, Tensor> perSample, Tensor x) {
        if (perSample.isEmpty()) throw new IllegalArgumentException("perSampleCall.callShared: no per-sample parameters to take B from");
        int b = perSample.values().iterator().next().size(0);
        int[] s = new int[x.dim() + 1];
        s[0] = b;
        System.arraycopy(x.shape(), 0, s, 1, x.dim());
        return call(target, perSample, x.unsqueeze(0).expand(s));
    }

    /**
     * Refuses a target outside the supported set, naming the first module that is not supported and why.
     *
     * @param target the module to check
     * @throws IllegalArgumentException when some module of the target is not supported
     */
    public static void checkSupported(Module target) {
        if (target == null) throw new IllegalArgumentException("perSampleCall: target is null");
        for (var e : target.namedModules().entrySet()) {
            String why = unsupported(e.getValue());
            if (why != null) {
                String at = e.getKey().isEmpty() ? "the target" : "module '" + e.getKey() + "'";
                throw new IllegalArgumentException("perSampleCall: " + at + " (" + e.getValue().reprName() + ") " + why
                        + "; per-sample weights support MLP-shaped targets: Sequential of Linear, elementwise activations (ReLU, "
                        + "LeakyReLU, ELU, GELU, SiLU, Mish, Sigmoid, Tanh, Softplus), Softmax/LogSoftmax over a non-batch dim, "
                        + "Flatten from dim 1, Identity, Dropout");
            }
        }
    }

    private static String unsupported(Module m) {
        Class<?> c = m.getClass();
        if (c == Sequential.class || c == Linear.class || ELEMENTWISE.contains(c)) return null;
        if (c == Flatten.class) return ((Flatten) m).startDim >= 1 ? null : "flattens the batch dim (startDim " + ((Flatten) m).startDim + ")";
        if (c == Softmax.class) return batchSafeDim(((Softmax) m).dim);
        if (c == LogSoftmax.class) return batchSafeDim(((LogSoftmax) m).dim);
        return "is not supported";
    }

    private static String batchSafeDim(int dim) {
        return dim >= 1 || dim == -1 ? null : "normalizes over dim " + dim + ", which may be the batch dim";
    }
}
