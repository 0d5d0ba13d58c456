package dev.weft.tensor;

import dev.weft.tensor.op.CopyOp;
import dev.weft.tensor.op.CreationOp;
import dev.weft.tensor.op.Op;
import dev.weft.tensor.op.OutSpec;
import dev.weft.tensor.op.ShapeRules;
import dev.weft.tensor.op.ViewLayout;
import dev.weft.tensor.op.ViewOp;


import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Storage;
import dev.weft.tensor.backend.Backend;

/**
 * The single path every primitive takes: validate ({@link ShapeRules}), check devices, pick the
 * backend, allocate outputs, execute, then call the {@link Recorder} if one is installed and an input
 * requires grad (one volatile read when none is installed). View ops are built from metadata here and
 * never reach a backend; CopyInto writes into its first input and bumps that storage's version; the recorder may
 * refuse it before anything is written.
 */
public final class Dispatch {
    private Dispatch() {}

    // The autograd module registers its recorder through ServiceLoader, so ops run before any autograd
    // class is touched are recorded too (requiresGrad(true) on a leaf, then ops, then backward).
    private static volatile Recorder recorder =
            java.util.ServiceLoader.load(Recorder.class, Dispatch.class.getClassLoader()).findFirst().orElse(null);

    /** Installs the recording hook (null removes it). Returns the previous one. */
    public static synchronized Recorder setRecorder(Recorder r) {
        Recorder old = recorder;
        recorder = r;
        return old;
    }

    /** The installed recording hook, or null. */
    public static Recorder recorder() {
        return recorder;
    }

    /** Runs a single-output op. */
    public static Tensor apply1(Op op, Tensor... inputs) {
        return apply(op, inputs)[0];
    }

    /** Runs {@code op} on inputs and returns its outputs (see the class comment for the steps). */
    public static Tensor[] apply(Op op, Tensor... inputs) {
        OutSpec[] specs = ShapeRules.infer(op, inputs);
        Tensor[] outs;
        switch (op) {
            case ViewOp v -> {
                Tensor x = inputs[0];
                ViewLayout l = ViewLayout.of(v, x);
                outs = new Tensor[] {Tensor.fromStorage(x.storage(), l.shape(), l.strides(), l.offset())};
            }
            case CopyOp.ToDevice t -> {
                Tensor x = inputs[0];
                Backend from = Backends.forDevice(x.device()), to = Backends.forDevice(t.device());
                Storage s = to.fromHost(from.toHost(x));
                outs = new Tensor[] {Tensor.fromStorage(s, specs[0].shape(), Shape.contiguousStrides(specs[0].shape()), 0)};
            }
            case CreationOp c -> {
                Backend b = Backends.forDevice(c.device());
                outs = allocate(b, specs);
                b.execute(op, inputs, outs);
            }
            case CopyOp.CopyInto c -> {
                Backend b = Backends.forDevice(commonDevice(op, inputs));
                Recorder r = recorder;
                if (r != null && anyRequiresGrad(inputs)) r.beforeInPlace(op, inputs);
                outs = new Tensor[] {inputs[0]};
                b.execute(op, inputs, outs);
                inputs[0].storage().bumpVersion();
            }
            default -> {
                Backend b = Backends.forDevice(commonDevice(op, inputs));
                outs = allocate(b, specs);
                b.execute(op, inputs, outs);
            }
        }
        Recorder r = recorder;
        if (r != null && anyRequiresGrad(inputs)) r.record(op, inputs, outs);
        return outs;
    }

    private static Tensor[] allocate(Backend b, OutSpec[] specs) {
        Tensor[] outs = new Tensor[specs.length];
        for (int i = 0; i < specs.length; i++) {
            int[] s = specs[i].shape();
            outs[i] = Tensor.fromStorage(b.allocate(specs[i].dtype(), Shape.numel(s)), s, Shape.contiguousStrides(s), 0);
        }
        return outs;
    }

    private static boolean anyRequiresGrad(Tensor[] inputs) {
        for (Tensor t : inputs) if (t.requiresGrad()) return true;
        return false;
    }

    /** The device all inputs share; an error naming the op and the devices otherwise. */
    static Device commonDevice(Op op, Tensor[] inputs) {
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
