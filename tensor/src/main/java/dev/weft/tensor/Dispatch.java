package dev.weft.tensor;


import dev.weft.tensor.backend.Backend;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.CopyOp;
import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.CreationOp;
import dev.weft.tensor.op.Op;
import dev.weft.tensor.op.OutSpec;
import dev.weft.tensor.op.Rules;
import dev.weft.tensor.op.ViewLayout;
import dev.weft.tensor.op.ViewOp;
import dev.weft.tensor.op.ViewRules;
import java.util.Arrays;

/**
 * The single path every primitive takes: validate ({@link Rules}), check devices, pick the backend,
 * allocate outputs, execute, then call the {@link Recorder} if one is installed and an input requires
 * grad (one volatile read when none is installed). Below this class nothing sees a {@link Tensor}:
 * the rules and the backend get the inputs' {@link Strided} views. View ops are built from metadata
 * here ({@link ViewRules#layout}, computed once) and never reach a backend; CopyInto writes into its
 * first input and bumps that storage's version; the recorder may refuse it before anything is written.
 */
public final class Dispatch {
    private Dispatch() {}

    // The autograd module registers its recorder through ServiceLoader, so ops run before any autograd
    // class is touched are recorded too (requiresGrad(true) on a leaf, then ops, then backward).
    private static volatile Recorder recorder =
            java.util.ServiceLoader.load(Recorder.class, Dispatch.class.getClassLoader()).findFirst().orElse(null);

    /**
     * Installs the recording hook (null removes it). Returns the previous one.
     *
     * @param r length of the dim the kernel runs along
     * @return the previous recorder, or null
     */
    public static synchronized Recorder setRecorder(Recorder r) {
        Recorder old = recorder;
        recorder = r;
        return old;
    }

    /** {@return the installed recording hook, or null} */
    public static Recorder recorder() {
        return recorder;
    }

    /**
     * Runs a single-output op.
     *
     * @param op the op
     * @param inputs the input tensors
     * @return the op's output
     */
    public static Tensor apply1(Op op, Tensor... inputs) {
        return apply(op, inputs)[0];
    }

    /**
     * Runs {@code op} on inputs and returns its outputs (see the class comment for the steps).
     *
     * @param op the op
     * @param inputs the input tensors
     * @return the op's outputs
     */
    public static Tensor[] apply(Op op, Tensor... inputs) {
        Strided[] in = live(op, inputs);
        Tensor[] outs = switch (op) {
            case ViewOp v -> {
                ViewLayout[] ls = ViewRules.layouts(v, in);
                Tensor[] views = new Tensor[ls.length];
                for (int i = 0; i < ls.length; i++) {
                    ViewLayout l = ls[i];
                    views[i] = Tensor.of(Strided.of(in[0].storage(), l.shape(), l.strides(), l.offset()));
                    if (inputs[0].requiresGrad() || inputs[0].isViewOfGradTensor()) views[i].markViewOfGradTensor();
                }
                yield views;
            }
            case CopyOp.ToDevice t -> {
                OutSpec[] specs = Rules.infer(op, in);
                Backend from = Backends.forDevice(in[0].device()), to = Backends.forDevice(t.device());
                yield new Tensor[] {Tensor.owning(Strided.contiguous(to.fromHost(from.toHost(in[0])), specs[0].shape()))};
            }
            case CopyOp.CopyInto c -> {
                Rules.infer(op, in);   // validates; the output is the destination itself
                Backend b = Backends.forDevice(commonDevice(op, in));
                Recorder r = recorder;
                if (r != null && (anyRequiresGrad(inputs) || inputs[0].isViewOfGradTensor())) r.beforeInPlace(op, inputs);
                b.execute(op, in, new Strided[] {in[0]});
                in[0].storage().bumpVersion();
                yield new Tensor[] {inputs[0]};
            }
            case CreationOp c -> run(Backends.forDevice(c.device()), op, in, Rules.infer(op, in));
            default -> {
                OutSpec[] specs = Rules.infer(op, in);
                yield run(Backends.forDevice(commonDevice(op, in)), op, in, specs);
            }
        };
        Recorder r = recorder;
        if (r != null && anyRequiresGrad(inputs)) r.record(op, inputs, outs);
        return outs;
    }

    /**
     * Runs elementwise {@code op} writing its result into {@code inputs[dst]} itself, without a temporary
     * (the body of add_, mul_, clamp_, masked_fill_), and returns that tensor; or returns null when this
     * cannot be done safely, and the caller computes out of place and copies (CopyInto, with autograd's
     * checks and history). It applies when nothing is recorded (no input requires grad and the destination
     * is not a view of one, or grad mode is off), the result has the destination's shape and dtype, the
     * destination has no two elements at one address, every other input is in other storage or is the
     * destination's own view, and the backend runs elementwise ops in place. Bumps the storage version.
     */
    static Tensor applyInPlace(ElementwiseOp op, int dst, Tensor... inputs) {
        Tensor d = inputs[dst];
        Recorder r = recorder;
        if (r != null && (anyRequiresGrad(inputs) || d.isViewOfGradTensor()) && r.recording()) return null;
        Strided[] in = live(op, inputs);
        Strided out = in[dst];
        for (int i = 0; i < in.length; i++) {
            if (i != dst && in[i].storage() == out.storage() && !in[i].equals(out)) return null;
        }
        if (!nonOverlapping(out)) return null;
        OutSpec spec = Rules.infer(op, in)[0];
        if (spec.dtype() != out.dtype() || !Arrays.equals(spec.shape(), out.shape())) return null;
        Backend b = Backends.forDevice(commonDevice(op, in));
        if (!b.inPlaceElementwise()) return null;
        b.execute(op, in, new Strided[] {out});
        out.storage().bumpVersion();
        return d;
    }

    /** True if an in-place write into dst would be recorded by autograd (dst requires grad, grad mode on). */
    static boolean recordsInPlace(Tensor dst) {
        Recorder r = recorder;
        return r != null && dst.requiresGrad() && r.recording();
    }

    /** True if no two elements of v share an address: dims by increasing stride each step over all before it. */
    private static boolean nonOverlapping(Strided v) {
        int r = v.dim();
        Integer[] order = new Integer[r];
        for (int i = 0; i < r; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(v.stride(a), v.stride(b)));
        long span = 1;
        for (int k = 0; k < r; k++) {
            int d = order[k];
            if (v.size(d) <= 1) continue;
            if (v.stride(d) < span) return false;
            span = (long) v.stride(d) * v.size(d);
        }
        return true;
    }

    /** Allocates contiguous outputs of the inferred specs on b and executes. */
    private static Tensor[] run(Backend b, Op op, Strided[] in, OutSpec[] specs) {
        Strided[] out = new Strided[specs.length];
        for (int i = 0; i < specs.length; i++) {
            int[] s = specs[i].shape();
            out[i] = Strided.contiguous(b.allocate(specs[i].dtype(), Shape.numel(s)), s);
        }
        b.execute(op, in, out);
        Tensor[] outs = new Tensor[out.length];
        for (int i = 0; i < out.length; i++) outs[i] = Tensor.owning(out[i]);
        return outs;
    }

    /** The inputs' views, after checking that no input's storage was released (the error names the op). */
    private static Strided[] live(Op op, Tensor[] inputs) {
        Strided[] in = new Strided[inputs.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = inputs[i].strided();
            in[i].storage().checkLive(op.name());
        }
        return in;
    }

    private static boolean anyRequiresGrad(Tensor[] inputs) {
        for (Tensor t : inputs) if (t.requiresGrad()) return true;
        return false;
    }

    /** The device all inputs share; an error naming the op and the devices otherwise. */
    static Device commonDevice(Op op, Strided[] inputs) {
        Device d = inputs[0].device();
        for (int i = 1; i < inputs.length; i++) {
            if (!inputs[i].device().equals(d)) {
                StringBuilder sb = new StringBuilder(op.name()).append(": inputs on different devices: ");
                for (int j = 0; j < inputs.length; j++) {
                    sb.append(j == 0 ? "" : ", ").append(Shape.format(inputs[j].shape())).append(" on ").append(inputs[j].device());
                }
                throw new IllegalArgumentException(sb.toString());
            }
        }
        return d;
    }
}
