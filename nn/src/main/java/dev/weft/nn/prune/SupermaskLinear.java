package dev.weft.nn.prune;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * A linear layer whose random weights are never trained; what is learned is which of them to keep (edge-popup,
 * Ramanujan et al. 2020, "What's Hidden in a Randomly Weighted Neural Network?", the base of "Randomly Initialized
 * Subnetworks with Iterative Weight Recycling"). Every weight w_ij has a score s_ij; the forward pass uses the
 * k = round(keep * in * out) weights with the largest |s|,
 * <pre>  y = x (W * m)^T + b,   m = top_k(|s|) as a 0/1 mask  </pre>
 * and the backward pass treats the mask as the identity of |s| (straight-through, as edge-popup's GetSubnet on
 * scores.abs()): dL/ds = dL/dW_eff * W * sign(s). The weight
 * ("weight", frozen: requiresGrad false) and the scores ("scores") start at PyTorch's Linear init, each from its
 * own draws of {@code g}; there is no bias, as in edge-popup. Train only {@link #scores()}.
 */
public class SupermaskLinear extends Module {
    private final int in, out;
    private final double keep;

    /**
     * A layer keeping the share {@code keep} of its weights.
     *
     * @param in the input features
     * @param out the output features
     * @param keep the share of weights kept, in (0, 1]
     * @param g the generator of the weights and scores
     */
    public SupermaskLinear(int in, int out, double keep, Generator g) {
        this.in = OptionChecks.atLeast("SupermaskLinear", "in", in, 1);
        this.out = OptionChecks.atLeast("SupermaskLinear", "out", out, 1);
        if (!(keep > 0 && keep <= 1)) throw new IllegalArgumentException("SupermaskLinear: keep must be in (0, 1], got " + keep);
        this.keep = keep;
        double bound = 1 / Math.sqrt(in);
        registerParameter("weight", Init.uniform(Tensor.empty(out, in), -bound, bound, g)).requiresGrad(false);
        registerParameter("scores", Init.uniform(Tensor.empty(out, in), -bound, bound, g));
    }

    /** {@return the number of weights kept, k} */
    public int kept() {
        return (int) Math.max(1, Math.rint(keep * in * out));
    }

    /** {@return the current 0/1 mask: ones at the k largest |scores| (topk's order decides ties)} */
    public Tensor mask() {
        try (var s = GradMode.noGrad()) {
            return maskOf(param("scores"));
        }
    }

    private Tensor maskOf(Tensor scores) {
        Tensor flat = scores.detach().abs().reshape(-1);
        Tensor top = flat.topk(kept()).indices();
        return Tensor.zerosLike(flat).scatter(0, top, 1.0).reshape(out, in);
    }

    // x: (*, in) -> (*, out)
    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() < 1 || x.size(x.dim() - 1) != in) {
            throw new IllegalArgumentException("SupermaskLinear: input " + Shape.format(x.shape()) + " must end in in_features = " + in);
        }
        Tensor s = param("scores");
        Tensor m = maskOf(s);
        Tensor a = s.abs();
        Tensor straightThrough = m.add(a).sub(a.detach());                 // value m, gradient 1 w.r.t. |s|
        Tensor w = param("weight").detach().mul(straightThrough);
        return x.matmul(w.t());
    }

    /** {@return the trained tensor} */
    public Tensor scores() {
        return param("scores");
    }

    @Override
    protected String extraRepr() {
        return "in=" + in + ", out=" + out + ", keep=" + keep + " (" + kept() + " weights)";
    }
}
