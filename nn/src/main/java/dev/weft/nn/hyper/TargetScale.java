package dev.weft.nn.hyper;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.ELU;
import dev.weft.nn.layers.GELU;
import dev.weft.nn.layers.LeakyReLU;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.Mish;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.SiLU;
import dev.weft.nn.layers.Sigmoid;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * {@link HyperInit#TARGET_SCALE}: a hyperfan-in init (Chang, Flokas and Lipson 2020) that aims each generated
 * tensor at the target's own default init, mean m_i and variance v_i read from the target's tensors.
 *
 * <p>Trunk: Kaiming-uniform fan-in with the activation's gain, biases 0. For ReLU and LeakyReLU this keeps
 * the second moment through every layer in expectation, E[z_k^2] = E[x_k^2] = q (q = 1/2 for the MIP encoding,
 * the condition's variance otherwise); other activations are treated as if it held. A head theta_i = V_i z + b_i
 * over d trunk outputs has Var(theta_i) = d Var(V_i) q, so V_i ~ U(-a, a) with Var = v_i / (d q) (a = sqrt(3 Var))
 * and b_i = m_i give theta_i the target's mean and variance. With the MIP residual theta = theta0 + Delta theta,
 * theta0 already is the target's init: the head's bias is 0 and its variance delta^2 v_i, so
 * Var(theta) = (1 + delta^2) v_i.
 */
final class TargetScale {
    private TargetScale() {}

    /** Trunk init as above; returns q_out, the predicted E[z_k^2] of the trunk's output for inputs of second moment q. */
    static double initTrunk(Sequential trunk, double q, Generator g) {
        Module[] mods = trunk.children().toArray(new Module[0]);
        for (int i = 0; i < mods.length; i++) {
            if (!(mods[i] instanceof Linear l)) continue;
            Module act = i + 1 < mods.length ? mods[i + 1] : null;
            double slope = act instanceof LeakyReLU lr ? lr.negativeSlope : 0;
            Init.kaimingUniform(l.weight(), slope, Init.FanMode.FAN_IN, nonlinearity(act), g);
            if (l.bias() != null) Init.zeros(l.bias());
        }
        return q;
    }

    /** The gain family of a hidden activation: ReLU-like ones (GELU, SiLU, Mish, ELU too) take ReLU's. */
    static Init.Nonlinearity nonlinearity(Module act) {
        if (act instanceof LeakyReLU) return Init.Nonlinearity.LEAKY_RELU;
        if (act instanceof ReLU || act instanceof GELU || act instanceof SiLU || act instanceof Mish || act instanceof ELU) {
            return Init.Nonlinearity.RELU;
        }
        if (act instanceof Tanh) return Init.Nonlinearity.TANH;
        if (act instanceof Sigmoid) return Init.Nonlinearity.SIGMOID;
        return Init.Nonlinearity.LINEAR;
    }

    /** head: V ~ U(-a, a) with Var(V) = variance / (fanIn q), bias = mean. */
    static void initHead(Linear head, double mean, double variance, double q, Generator g) {
        double var = variance / (head.inFeatures * q);
        double a = Math.sqrt(3 * var);
        Init.uniform(head.weight(), -a, a, g);
        if (head.bias() != null) Init.constant(head.bias(), mean);
    }

    /** {mean, population variance} over every element of t. */
    static double[] meanVar(Tensor t) {
        try (var s = GradMode.noGrad()) {
            Tensor d = t.detach().to(DType.F64);
            double mean = d.mean().item();
            double var = d.numel() > 0 ? d.sub(mean).square().mean().item() : 0;
            return new double[] {mean, var};
        }
    }
}
