package dev.weft.autograd;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.CopyOp;
import dev.weft.tensor.Dispatch;
import dev.weft.tensor.op.Op;
import dev.weft.tensor.Recorder;
import dev.weft.tensor.op.ViewOp;

/**
 * The recorder autograd installs on {@link Dispatch}: for every op run in grad mode with an input that
 * requires grad, it links a {@link Node} to the outputs (gradNode) and marks floating outputs as
 * requiring grad. The "tape" is this graph of nodes hanging off the tensors, not a global list, so a
 * graph nobody references is garbage, and backward frees saved tensors as it goes.
 * Installed when any public autograd class loads, or through ServiceLoader where tensor/ asks for one.
 */
public final class Tape implements Recorder {
    static final Tape INSTANCE = new Tape();

    /** For ServiceLoader; use {@link #install()} instead. */
    public Tape() {}

    /** Installs the recorder on Dispatch (idempotent). */
    public static void install() {
        Recorder r = Dispatch.recorder();
        if (!(r instanceof Tape)) Dispatch.setRecorder(INSTANCE);
    }

    @Override
    public void record(Op op, Tensor[] inputs, Tensor[] outputs) {
        GradMode.State st = GradMode.state();
        if (!st.enabled) return;
        link(op, null, inputs, outputs);
        if (st.anomaly) Anomaly.checkForward(op, inputs, outputs);
    }

    /**
     * Links the outputs of a primitive op (call null) or of a custom {@link Function} call (op null) to a
     * new node whose edges lead to where each input's gradient goes. Floating outputs require grad (unless
     * the call marked them non-differentiable); the others, and all outputs of an op without a floating
     * output, get a marker naming the op.
     */
    static void link(Op op, FunctionCall call, Tensor[] inputs, Tensor[] outputs) {
        String name = op != null ? op.name() : call.name();
        int n = inputs.length;
        Object[] next = new Object[n];
        int[] slot = new int[n];
        for (int i = 0; i < n; i++) {
            Tensor t = inputs[i];
            if (!t.requiresGrad()) continue;
            Object g = t.gradNode();
            if (g instanceof Node nd) {
                checkNotStale(name, i, t);
                next[i] = nd;
            } else if (g instanceof Node.Out o) {
                next[i] = o.node();
                slot[i] = o.index();
            } else {
                next[i] = t;
            }
        }
        boolean floating = false;
        for (Tensor o : outputs) floating |= differentiable(o, call);
        if (!floating) {
            NonDifferentiable mark = new NonDifferentiable(name, shapeArrays(inputs));
            for (Tensor o : outputs) o.setGradNode(mark);
            return;
        }
        Node node = new Node(op, call, inputs.clone(), outputs.clone(), next, slot);
        for (int i = 0; i < outputs.length; i++) {
            Tensor o = outputs[i];
            if (differentiable(o, call)) {
                o.requiresGrad(true);
                o.setGradNode(i == 0 ? node : new Node.Out(node, i));
            } else {
                o.setGradNode(new NonDifferentiable(name + " (output " + i + ")", shapeArrays(inputs)));
            }
        }
    }

    private static boolean differentiable(Tensor o, FunctionCall call) {
        return o.dtype().isFloatingPoint() && (call == null || !call.ctx().isNonDifferentiable(o));
    }

    @Override
    public void beforeInPlace(Op op, Tensor[] inputs) {
        if (!GradMode.state().enabled) return;
        checkInPlace(op.name(), inputs);
        // the source's own validity too, before the write: a stale view must not change the destination and then fail
        for (int i = 1; i < inputs.length; i++) if (inputs[i].requiresGrad()) checkNotStale(op.name(), i, inputs[i]);
    }

    /**
     * copy_ (and add_, mul_, ... which end in it) into a tensor the graph depends on: allowed on a
     * non-leaf that owns its storage (its history is replaced by the copy's node); refused on a leaf
     * that requires grad and on views, whose base's history cannot be rewritten here.
     */
    /** "(2, 3) F32": a tensor in an error message (built only when one is thrown). */
    private static String describe(Tensor t) {
        return Shape.format(t.shape()) + " " + t.dtype();
    }

    private static void checkInPlace(String op, Tensor[] in) {
        Tensor dst = in[0], src = in[1];
        if (dst.requiresGrad() && dst.gradNode() == null) {
            throw new IllegalStateException(op + ": in-place write into a leaf tensor " + describe(dst) + " that requires grad; "
                    + "do the update inside Autograd.noGrad() (as optimizers do), or work on a clone");
        }
        if (producer(dst) instanceof Node nd && nd.op instanceof ViewOp) {
            throw new IllegalStateException(op + ": in-place write into a view (" + nd.name() + " of "
                    + Shape.format(nd.inputShape(0)) + ") of a tensor that requires grad; autograd cannot rewrite the "
                    + "base's history: build the result out of place (where, cat, indexAdd) or clone the base first");
        }
        if (dst.isViewOfGradTensor() && producer(dst) == null) {
            throw new IllegalStateException(op + ": in-place write in grad mode into a view " + describe(dst) + " that was taken under "
                    + "no-grad of a tensor that requires grad (its base would change behind autograd's back); write "
                    + "inside Autograd.noGrad(), or take the view in grad mode, or clone first");
        }
        boolean whole = dst.storageOffset() == 0 && dst.isContiguous() && dst.numel() == dst.storage().length();
        if (src.requiresGrad() && !whole) {
            throw new IllegalStateException(op + ": writing a tensor that requires grad " + Shape.format(src.shape())
                    + " into part of another tensor's storage (destination " + describe(dst) + ", offset " + dst.storageOffset()
                    + ", storage of " + dst.storage().length() + "): the base tensor would lose that history; "
                    + "build the result out of place (where, cat, indexAdd)");
        }
    }

    /** For an input that is a view on the tape: refused when its base's history changed since (see checkView). */
    private static void checkNotStale(String op, int i, Tensor t) {
        if (producer(t) instanceof Node nd && nd.op instanceof ViewOp) checkView(op, i, t, nd);
    }

    /** The node that produced t (for any output slot), or null for a leaf or a non-differentiable marker. */
    static Node producer(Tensor t) {
        Object g = t.gradNode();
        return g instanceof Node n ? n : g instanceof Node.Out o ? o.node() : null;
    }

    /**
     * A view whose base had its history replaced by an in-place op (under grad) after the view was taken
     * would send gradients to the base's old history: refuse it. Walks a chain of views to its base.
     * In-place updates without recording (optimizer steps in noGrad) leave the history, and views, valid.
     */
    private static void checkView(String op, int i, Tensor t, Node view) {
        for (Node v = view; v != null && v.op instanceof ViewOp && !v.released(); ) {
            Tensor base = v.inputMeta(0);
            Object then = v.next[0];
            int thenSlot = v.nextSlot[0];
            Object now = null;
            int nowSlot = 0;
            if (base.requiresGrad()) {
                Object g = base.gradNode();
                if (g instanceof Node nd) now = nd;
                else if (g instanceof Node.Out o) {
                    now = o.node();
                    nowSlot = o.index();
                } else now = base;
            }
            if (now != then || nowSlot != thenSlot) {
                String by = now instanceof Node nd ? nd.name() : "an in-place op";
                throw new IllegalStateException(op + ": input " + i + " " + Shape.format(t.shape()) + " is a view ("
                        + view.name() + " of " + Shape.format(view.inputShape(0)) + ") whose base's history was replaced by "
                        + by + " after the view was taken; take the view again after the in-place op");
            }
            v = then instanceof Node nd ? nd : null;
        }
    }

    private static int[][] shapeArrays(Tensor[] ts) {
        int[][] s = new int[ts.length][];
        for (int i = 0; i < ts.length; i++) s[i] = ts[i].shape();
        return s;
    }

    static String shapes(Tensor[] ts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ts.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(Shape.format(ts[i].shape())).append(' ').append(ts[i].dtype());
        }
        return sb.toString();
    }
}
