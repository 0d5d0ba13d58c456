package dev.weft.autograd;

import dev.weft.tensor.Tensor;

/**
 * The autograd entry points, PyTorch-style: mark leaves with {@code t.requiresGrad(true)}, compute,
 * then {@link #backward} accumulates into each leaf's {@code grad()}, or {@link #grad} returns the
 * gradients without touching {@code grad()}. Loading this class installs the recorder on the tensor
 * layer's dispatch; ops run before that are not recorded.
 *
 * <pre>{@code
 * Generator g = new Generator(0);
 * Tensor w = Tensor.randn(g, 3, 2).requiresGrad(true);
 * Tensor x = Tensor.randn(g, 4, 3);
 * Tensor loss = x.matmul(w).square().mean();
 * Autograd.backward(loss);                          // w.grad() is d loss / d w, shape (3, 2)
 * Tensor[] dx = Autograd.grad(x.requiresGrad(true).matmul(w).sum(), x);  // returned, grad() untouched
 * try (var scope = Autograd.noGrad()) {             // nothing recorded: an optimizer step
 *     w.sub_(w.grad().mul(0.1));
 * }
 * }</pre>
 */
public final class Autograd {
    private Autograd() {}

    static {
        Tape.install();
    }

    /** Installs the recorder (idempotent; loading any public autograd class already does it). */
    public static void install() {
        Tape.install();
    }

    // ---------------------------------------------------------------- backward

    /**
     * loss.backward(): loss must have one element; frees the graph.
     *
     * @param loss a one-element tensor to differentiate
     */
    public static void backward(Tensor loss) {
        backward(new Tensor[] {loss}, null, false, false);
    }

    /**
     * output.backward(gradient): gradient has output's shape (null: ones for a one-element output).
     *
     * @param output the output tensor to differentiate
     * @param gradient the gradient of output, shaped like it (null for a one-element output: 1)
     */
    public static void backward(Tensor output, Tensor gradient) {
        backward(new Tensor[] {output}, new Tensor[] {gradient}, false, false);
    }

    /**
     * output.backward(gradient, retainGraph, createGraph): accumulates d(sum(output * gradient))/d(leaf)
     * into every leaf's grad (grad += ..., never assigned over). retainGraph keeps saved tensors for
     * another backward; createGraph records the backward itself, so the grads can be differentiated again.
     *
     * @param output the output tensor to differentiate
     * @param gradient the gradient of output, shaped like it (null for a one-element output: 1)
     * @param retainGraph keep the recorded graph after this pass, so that backward can run through it again
     * @param createGraph record the backward pass itself, so that the gradients can be differentiated again
     */
    public static void backward(Tensor output, Tensor gradient, boolean retainGraph, boolean createGraph) {
        backward(new Tensor[] {output}, new Tensor[] {gradient}, retainGraph, createGraph);
    }

    /**
     * Backward from several outputs at once (gradients may be null or hold nulls for one-element outputs).
     *
     * @param outputs the output tensors
     * @param gradients the gradients of the outputs, one per output (null entries for one-element outputs: 1)
     * @param retainGraph keep the recorded graph after this pass, so that backward can run through it again
     * @param createGraph record the backward pass itself, so that the gradients can be differentiated again
     */
    public static void backward(Tensor[] outputs, Tensor[] gradients, boolean retainGraph, boolean createGraph) {
        Engine.run("backward", outputs, gradients, null, retainGraph, createGraph, false);
    }

    // ---------------------------------------------------------------- functional

    /**
     * d(sum_k outputs[k] * gradOutputs[k]) / d(inputs[i]) for each input, without touching any grad().
     * inputs may be leaves or intermediate tensors of the graph. gradOutputs may be null (ones for
     * one-element outputs). An input the outputs do not depend on is an error unless allowUnused (then null).
     *
     * @param outputs the output tensors
     * @param inputs the input tensors
     * @param gradOutputs the gradients of the outputs, one per output (null for an output with no gradient)
     * @param createGraph record the backward pass itself, so that the gradients can be differentiated again
     * @param retainGraph keep the recorded graph after this pass, so that backward can run through it again
     * @param allowUnused give null for an input the outputs do not depend on (else an error)
     * @return one gradient per input
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] gradOutputs, boolean createGraph,
                                boolean retainGraph, boolean allowUnused) {
        return Engine.run("grad", outputs, gradOutputs, inputs, retainGraph, createGraph, allowUnused);
    }

    /**
     * Gradients of a one-element output with respect to inputs (graph freed, no graph recorded).
     *
     * @param output the output tensor to differentiate
     * @param inputs the input tensors
     * @return one gradient per input
     */
    public static Tensor[] grad(Tensor output, Tensor... inputs) {
        return grad(new Tensor[] {output}, inputs, null, false, false, false);
    }

    // ---------------------------------------------------------------- grads and modes

    /**
     * Clears the accumulated gradient of each tensor (grad becomes null).
     *
     * @param tensors the tensors
     */
    public static void zeroGrad(Tensor... tensors) {
        for (Tensor t : tensors) t.setGrad(null);
    }

    /**
     * Clears the accumulated gradient of each tensor.
     *
     * @param tensors the tensors
     */
    public static void zeroGrad(Iterable<Tensor> tensors) {
        for (Tensor t : tensors) t.setGrad(null);
    }

    /**
     * No recording on this thread until the scope closes: {@code try (var s = Autograd.noGrad()) {...}}.
     *
     * @return the scope to close
     */
    public static GradMode.Scope noGrad() {
        return GradMode.noGrad();
    }

    /**
     * Recording on until the scope closes, also inside noGrad.
     *
     * @return the scope to close
     */
    public static GradMode.Scope enableGrad() {
        return GradMode.enableGrad();
    }

    /** {@return true if ops on this thread are being recorded} */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    /**
     * {@return true if t has no recorded history (a user-created tensor, or any tensor not requiring grad)}
     *
     * @param t the tensor
     */
    public static boolean isLeaf(Tensor t) {
        Object g = t.gradNode();
        return !(g instanceof Node) && !(g instanceof Node.Out);
    }

    /**
     * {@return the name of the op that produced t ("mul", "sum", ...), or null for a leaf}
     *
     * @param t the tensor
     */
    public static String gradFn(Tensor t) {
        Object g = t.gradNode();
        if (g instanceof Node n) return n.name();
        if (g instanceof Node.Out o) return o.node().name();
        return null;
    }
}
