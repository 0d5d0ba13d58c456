package dev.weft.nn.optim;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The parameters of a flat-vector optimizer (LBFGS) seen as one vector: gather grads, step, save and restore. */
final class FlatParams {
    private final List<Tensor> params;

    FlatParams(List<Tensor> params) {
        this.params = params;
    }

    /** Runs the closure with grad enabled and returns its loss. */
    Tensor evaluate(Supplier<Tensor> closure) {
        try (var s = Autograd.enableGrad()) {
            Tensor loss = closure.get();
            if (loss == null) throw new IllegalStateException("LBFGS: the closure returned null instead of the loss");
            return loss;
        }
    }

    /** All gradients concatenated (zeros for a parameter without one), as a new vector. */
    Tensor gatherGrad() {
        List<Tensor> views = new ArrayList<>(params.size());
        for (Tensor p : params) {
            Tensor g = p.grad();
            views.add(g == null ? Tensor.zeros(p.dtype(), p.numel()).to(p.device()) : g.reshape(-1));
        }
        return views.size() == 1 ? views.get(0).clone() : Tensor.cat(views, 0);
    }

    /** p += step * update, the update split back into the parameters' shapes. Modifies the parameters. */
    void addScaled(double step, Tensor update) {
        int offset = 0;
        for (Tensor p : params) {
            int n = p.numel();
            p.add_(update.narrow(0, offset, n).view(p.shape()), step);
            offset += n;
        }
    }

    /** Copies of the parameters. */
    List<Tensor> save() {
        List<Tensor> out = new ArrayList<>(params.size());
        for (Tensor p : params) out.add(p.clone());
        return out;
    }

    /** Copies {@code saved} back into the parameters. */
    void restore(List<Tensor> saved) {
        for (int i = 0; i < params.size(); i++) params.get(i).copy_(saved.get(i));
    }

    /** Loss and gradient at x + t d, leaving the parameters at x (which they hold on entry). */
    Eval directional(Supplier<Tensor> closure, List<Tensor> x, double t, Tensor d) {
        addScaled(t, d);
        double loss = evaluate(closure).item();
        Tensor g = gatherGrad();
        restore(x);
        return new Eval(loss, g);
    }

    record Eval(double f, Tensor g) {}
}
