package dev.weft.autograd;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one call of a {@link Function} keeps between its forward and backward (PyTorch's ctx):
 * tensors saved for backward (version-checked on every read, so an in-place change after forward is an
 * error naming the function), the outputs marked non-differentiable, whether missing output gradients
 * become zeros, and which inputs need a gradient. Saved tensors are dropped once backward has run
 * (unless the graph is retained).
 */
public final class FunctionCtx {
    private final String name;
    private final boolean[] needsInputGrad;
    private List<Tensor> saved = new ArrayList<>();
    private int[] savedVersions;
    private final List<Tensor> nonDifferentiable = new ArrayList<>();
    private boolean materializeGrads = true;
    private boolean inForward = true;

    FunctionCtx(String name, boolean[] needsInputGrad) {
        this.name = name;
        this.needsInputGrad = needsInputGrad;
    }

    /**
     * ctx.save_for_backward: inputs, outputs or intermediates backward will read (call during forward).
     *
     * @param tensors the tensors
     */
    public void saveForBackward(Tensor... tensors) {
        if (!inForward) throw new IllegalStateException(name + ": saveForBackward may only be called in forward");
        for (Tensor t : tensors) {
            if (t == null) throw new IllegalArgumentException(name + ": saveForBackward got a null tensor");
            saved.add(t);
        }
    }

    /**
     * Saved tensor i, in the order saved; fails if it was modified in place since forward ended.
     *
     * @param i the position (0-based)
     * @return the saved tensor
     */
    public Tensor saved(int i) {
        if (saved == null) {
            throw new IllegalStateException("backward: the graph through " + name + " was already freed by an earlier "
                    + "backward (its saved tensors are gone); pass retainGraph=true to the first backward to walk it again");
        }
        if (i < 0 || i >= saved.size()) {
            throw new IndexOutOfBoundsException(name + ": saved tensor " + i + " requested, " + saved.size() + " were saved");
        }
        Tensor t = saved.get(i);
        if (savedVersions != null && t.version() != savedVersions[i]) {
            throw new IllegalStateException("backward: " + name + ": saved tensor " + i + " " + Shape.format(t.shape()) + " "
                    + t.dtype() + " was modified by an in-place op after " + name + " saved it: saved at version "
                    + savedVersions[i] + ", now at version " + t.version()
                    + " (clone it before the in-place op, or do the in-place op after backward)");
        }
        return t;
    }

    /**
     * All saved tensors (each version-checked), ctx.saved_tensors.
     *
     * @return the saved tensors
     */
    public Tensor[] savedTensors() {
        int n = saved == null ? 0 : saved.size();
        Tensor[] out = new Tensor[n];
        for (int i = 0; i < n; i++) out[i] = saved(i);
        if (saved == null) saved(0); // throws the freed-graph error
        return out;
    }

    /**
     * ctx.mark_non_differentiable: these outputs get no gradient (their gradient in backward is zeros).
     *
     * @param outputs the output tensors
     */
    public void markNonDifferentiable(Tensor... outputs) {
        if (!inForward) throw new IllegalStateException(name + ": markNonDifferentiable may only be called in forward");
        nonDifferentiable.addAll(Arrays.asList(outputs));
    }

    /**
     * ctx.set_materialize_grads: false hands backward null (not zeros) for outputs that got no gradient.
     *
     * @param on the new flag
     */
    public void setMaterializeGrads(boolean on) {
        materializeGrads = on;
    }

    /**
     * ctx.needs_input_grad[i]: true if input i requires a gradient (backward may skip the others' work).
     *
     * @param i the position (0-based)
     * @return true if input i needs a gradient
     */
    public boolean needsInputGrad(int i) {
        return needsInputGrad[i];
    }

    boolean materializeGrads() {
        return materializeGrads;
    }

    boolean isNonDifferentiable(Tensor output) {
        for (Tensor t : nonDifferentiable) if (t == output) return true;
        return false;
    }

    /** Forward is over: versions of the saved tensors are taken now (PyTorch checks against these). */
    void endForward() {
        inForward = false;
        savedVersions = new int[saved.size()];
        for (int i = 0; i < savedVersions.length; i++) savedVersions[i] = saved.get(i).version();
    }

    void release() {
        saved = null;
    }
}
