package dev.weft.autograd.cases;

import dev.weft.autograd.Gradcheck;
import dev.weft.tensor.Pointwise;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.core.DType;
import java.util.List;

import static dev.weft.autograd.cases.Inputs.*;

/** Gradcheck cases of the Elementwise family: unary and binary functions (broadcast pairs), where, clamp and casts. */
public final class ElementwiseCases {
    private ElementwiseCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("neg", true, one(-1, 1), x -> x[0].neg());
        add.add("abs", true, one(-1, 1, 0), x -> x[0].abs());
        add.add("exp", true, one(-1, 1), x -> x[0].exp());
        add.add("log", true, one(0.3, 2), x -> x[0].log());
        add.add("log1p", true, one(-0.5, 1), x -> x[0].log1p());
        add.add("expm1", true, one(-1, 1), x -> x[0].expm1());
        add.add("sqrt", true, one(0.3, 2), x -> x[0].sqrt());
        add.add("rsqrt", true, one(0.3, 2), x -> x[0].rsqrt());
        add.add("square", true, one(-1, 1), x -> x[0].square());
        add.add("sin", true, one(-2, 2), x -> x[0].sin());
        add.add("cos", true, one(-2, 2), x -> x[0].cos());
        add.add("tanh", true, one(-2, 2), x -> x[0].tanh());
        add.add("sigmoid", true, one(-2, 2), x -> x[0].sigmoid());
        add.add("relu", true, one(-1, 1, 0), x -> x[0].relu());
        add.add("leaky_relu", true, one(-1, 1, 0), x -> x[0].leakyRelu(0.1));
        add.add("elu", true, one(-1, 1, 0), x -> x[0].elu(1.3));
        add.add("gelu", true, one(-2, 2), x -> x[0].gelu());
        add.add("gelu_tanh", true, one(-2, 2), x -> x[0].gelu("tanh"));
        add.add("silu", true, one(-2, 2), x -> x[0].silu());
        add.add("softplus", true, one(-1.5, 1.5, 0.5), x -> x[0].softplus(2, 1));
        add.add("sign", false, one(-1, 1, 0), x -> x[0].sign().mul(x[0]));
        add.add("floor", false, one(-1.9, 1.9, -1, 0, 1), x -> x[0].floor().add(x[0]));
        add.add("ceil", false, one(-1.9, 1.9, -1, 0, 1), x -> x[0].ceil().add(x[0]));
        add.add("round", false, one(-1.9, 1.9, -1.5, -0.5, 0.5, 1.5), x -> x[0].round().add(x[0]));
        add.add("pow_scalar", true, one(0.3, 2), x -> x[0].pow(2.5));
        add.add("pow_scalar_neg", true, one(0.3, 2), x -> x[0].pow(-1.5));
        add.add("pow_scalar_int", true, one(-1, 1), x -> x[0].pow(3));
        add.add("pow_scalar_zero", false, one(-1, 1), x -> x[0].pow(0).add(x[0]));
        add.add("reciprocal", true, one(0.3, 2), x -> x[0].reciprocal());
        add.add("erf", true, one(-1.5, 1.5), x -> x[0].erf());
        add.add("clamp", true, one(-1, 1, -0.4, 0.6), x -> x[0].clamp(-0.4, 0.6));
        add.add("clamp_min", false, one(-1, 1, 0.1), x -> x[0].clampMin(0.1));
        add.add("add", true, two(-1, 1, -1, 1), x -> x[0].add(x[1]));
        add.add("add_alpha", false, two(-1, 1, -1, 1), x -> x[0].add(x[1], -0.5));
        add.add("sub", true, two(-1, 1, -1, 1), x -> x[0].sub(x[1]));
        add.add("mul", true, two(-1, 1, -1, 1), x -> x[0].mul(x[1]));
        add.add("mul_scalar", true, one(-1, 1), x -> x[0].mul(3.0).add(2.0));
        add.add("div", true, two(-1, 1, 0.5, 2), x -> x[0].div(x[1]));
        add.add("div_neg", false, two(-1, 1, -2, -0.5), x -> x[0].div(x[1]));
        add.add("pow", true, two(0.5, 2, -1.5, 1.5), x -> x[0].pow(x[1]));
        add.add("maximum", true, two(-1, 1, -1, 1), x -> x[0].maximum(x[1]));
        add.add("minimum", true, two(-1, 1, -1, 1), x -> x[0].minimum(x[1]));
        add.add("atan2", true, two(-1, 1, 0.3, 1), x -> x[0].atan2(x[1]));
        // relu's backward as an op of its own (second order: linear in the gradient, zero in the input)
        add.add("relu_backward", true, two(-1, 1, -1, 1),
                x -> Pointwise.binary(BinaryFn.RELU_BACKWARD, x[0], x[1]).add(x[1].mul(x[1])));
        add.add("remainder", false, g -> ratioPair(g), x -> x[0].remainder(x[1]));
        add.add("fmod", false, g -> ratioPair(g), x -> x[0].fmod(x[1]));
        add.add("clamp_tensor", false, g -> {
            int[] s = g.shape(1, 2, 3);
            return new Tensor[] {g.leaf(s, -1, 1), g.leaf(s, -1, -0.2), g.leaf(s, 0.2, 1)};
        }, x -> x[0].clamp(x[1], x[2]));
        add.add("where", true, g -> {
            int[] out = g.shape(1, 3, 3);
            return new Tensor[] {g.leaf(g.broadcastFrom(out), -1, 1), g.leaf(out, -1, 1), g.mask(g.broadcastFrom(out))};
        }, x -> Tensor.where(x[2], x[0], x[1]));
        add.add("where_scalar", false, one(-1, 1, 0), x -> Tensor.where(x[0].gt(0.0), x[0].mul(2.0), -1.0));
        add.add("cast_f32", false, new Gradcheck.Tolerance(1e-3, 1e-3, 1e-3), one(-1, 1), x -> x[0].to(DType.F32).mul(2.0).to(DType.F64));
        add.add("addcmul", true, g -> {
            Tensor[] ab = two(-1, 1, -1, 1).apply(g);
            return new Tensor[] {ab[0], ab[1], g.leaf(ab[0].shape(), -1, 1)};
        }, x -> x[0].addcmul(x[1], x[2], 0.75));
        add.add("addcdiv", true, g -> {
            Tensor[] ab = two(-1, 1, -1, 1).apply(g);
            return new Tensor[] {ab[0], ab[1], g.leaf(ab[0].shape(), 0.5, 2)};
        }, x -> x[0].addcdiv(x[1], x[2], -0.5));
        add.add("nan_to_num", true, one(-1, 1), x -> x[0].nanToNum());
        return add.cases();
    }
}
