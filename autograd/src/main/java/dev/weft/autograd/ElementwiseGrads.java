package dev.weft.autograd;

import dev.weft.tensor.Pointwise;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.ElementwiseOp;

/**
 * Backward rules of the elementwise primitives, one case per function, in tensor ops (so they are
 * differentiable again). g is the output's gradient, x/a/b the saved inputs, y the saved output.
 * Results may keep the broadcast shape: the engine sums them back to each input's shape.
 */
final class ElementwiseGrads {
    private ElementwiseGrads() {}

    private static final double SQRT_2 = Math.sqrt(2), SQRT_2PI = Math.sqrt(2 * Math.PI), SQRT_PI = Math.sqrt(Math.PI);
    private static final double GELU_C = Math.sqrt(2 / Math.PI), GELU_K = 0.044715;

    static Tensor[] backward(ElementwiseOp op, Ctx c) {
        return switch (op) {
            case ElementwiseOp.Unary u -> new Tensor[] {unary(u, c)};
            case ElementwiseOp.Binary b -> binary(b, c);
            case ElementwiseOp.Compare k -> throw Gradients.nonDifferentiable(op, c);
            // y = cond ? a : b: the gradient goes to the branch that was taken
            case ElementwiseOp.Where w -> new Tensor[] {
                    null,
                    c.needs(1) ? Tensor.where(c.in(0), c.g(), 0.0) : null,
                    c.needs(2) ? Tensor.where(c.in(0).logicalNot(), c.g(), 0.0) : null};
            // y = (to) x: the gradient is cast back (only floating casts reach a rule)
            case ElementwiseOp.Cast k -> new Tensor[] {c.g().to(c.inDtype(0))};
        };
    }

    private static Tensor unary(ElementwiseOp.Unary u, Ctx c) {
        Tensor g = c.g();
        double p0 = u.p0(), p1 = u.p1();
        return switch (u.fn()) {
            case NEG -> g.neg();                                            // d(-x) = -1
            case ABS -> g.mul(c.in(0).sign());                              // d|x| = sign(x), 0 at 0
            case EXP -> g.mul(c.out(0));                                    // d e^x = y
            case LOG -> g.div(c.in(0));                                     // d log x = 1/x
            case LOG1P -> g.div(c.in(0).add(1.0));                          // 1/(1+x)
            case EXPM1 -> g.mul(c.out(0).add(1.0));                         // e^x = y + 1
            case SQRT -> g.div(c.out(0).mul(2.0));                          // 1/(2 sqrt x)
            case RSQRT -> g.mul(c.out(0).pow(3)).mul(-0.5);                 // -x^-3/2 / 2 = -y^3/2
            case SQUARE -> g.mul(c.in(0).mul(2.0));                         // 2x
            case SIN -> g.mul(c.in(0).cos());
            case COS -> g.mul(c.in(0).sin()).neg();
            case TANH -> g.mul(c.out(0).square().neg().add(1.0));           // 1 - y^2
            case SIGMOID -> {                                               // y (1 - y)
                Tensor y = c.out(0);
                yield g.mul(y.mul(y.neg().add(1.0)));
            }
            // NOTE: masks, not g * (x > 0) products, so the second derivative is exactly 0; relu's is one
            // pass (x > 0 ? g : 0) instead of a compare and a where
            case RELU -> Pointwise.binary(BinaryFn.RELU_BACKWARD, g, c.in(0));
            case LEAKY_RELU -> Tensor.where(c.in(0).gt(0.0), g, g.mul(p0));
            case ELU -> Tensor.where(c.in(0).gt(0.0), g, g.mul(c.out(0).add(p0)));   // x <= 0: a e^x = y + a
            case GELU -> {                                                  // Phi(x) + x phi(x)
                Tensor x = c.in(0);
                Tensor cdf = x.div(SQRT_2).erf().add(1.0).mul(0.5);
                Tensor pdf = x.square().mul(-0.5).exp().div(SQRT_2PI);
                yield g.mul(cdf.add(x.mul(pdf)));
            }
            case GELU_TANH -> {   // y = x/2 (1 + t), t = tanh(c (x + k x^3)): y' = (1 + t)/2 + x/2 (1 - t^2) c (1 + 3k x^2)
                Tensor x = c.in(0);
                Tensor x2 = x.square();
                Tensor t = x.add(x.mul(x2).mul(GELU_K)).mul(GELU_C).tanh();
                Tensor inner = x2.mul(3 * GELU_K).add(1.0).mul(GELU_C);
                Tensor d = t.add(1.0).mul(0.5).add(x.mul(0.5).mul(t.square().neg().add(1.0)).mul(inner));
                yield g.mul(d);
            }
            case SILU -> {                                                  // s (1 + x (1 - s)), s = sigmoid(x)
                Tensor x = c.in(0), s = x.sigmoid();
                yield g.mul(s.mul(x.mul(s.neg().add(1.0)).add(1.0)));
            }
            // y = log(1 + e^(b x)) / b where b x <= threshold, else x: y' = sigmoid(b x) or 1
            case SOFTPLUS -> {
                Tensor bx = c.in(0).mul(p0);
                yield Tensor.where(bx.gt(p1), g, g.mul(bx.sigmoid()));
            }
            // piecewise constant: the gradient is 0 everywhere (as PyTorch defines it)
            case SIGN, FLOOR, CEIL, ROUND -> Tensor.zerosLike(g);
            case POW -> p0 == 0 ? Tensor.zerosLike(g) : g.mul(c.in(0).pow(p0 - 1).mul(p0));   // p x^(p-1)
            case RECIPROCAL -> g.mul(c.out(0).square()).neg();              // -1/x^2 = -y^2
            case ERF -> g.mul(c.in(0).square().neg().exp().mul(2 / SQRT_PI));
            // passes where lo <= x <= hi (both ends inclusive, as PyTorch)
            case CLAMP -> {
                Tensor x = c.in(0);
                yield Tensor.where(x.ge(p0).logicalAnd(x.le(p1)), g, 0.0);
            }
            case LOGICAL_NOT -> throw Gradients.nonDifferentiable(u, c);
        };
    }

    private static Tensor[] binary(ElementwiseOp.Binary op, Ctx c) {
        Tensor g = c.g();
        return switch (op.fn()) {
            case ADD -> new Tensor[] {g, g};
            case SUB -> new Tensor[] {g, c.needs(1) ? g.neg() : null};
            case MUL -> new Tensor[] {c.needs(0) ? g.mul(c.in(1)) : null, c.needs(1) ? g.mul(c.in(0)) : null};
            case DIV -> {                                                   // a/b: 1/b, -a/b^2
                Tensor b = c.in(1);
                yield new Tensor[] {c.needs(0) ? g.div(b) : null, c.needs(1) ? g.mul(c.in(0)).div(b.square()).neg() : null};
            }
            case POW -> {     // a^b: b a^(b-1); a^b log a (0 where a == 0 and b >= 0, the limit)
                Tensor a = c.in(0), b = c.in(1);
                Tensor ga = c.needs(0) ? Tensor.where(b.ne(0.0), g.mul(b).mul(a.pow(b.sub(1.0))), 0.0) : null;
                Tensor gb = null;
                if (c.needs(1)) {
                    Tensor zero = a.eq(0.0).logicalAnd(b.ge(0.0));
                    gb = Tensor.where(zero.logicalNot(), g.mul(c.out(0)).mul(a.log()), 0.0);
                }
                yield new Tensor[] {ga, gb};
            }
            // ties split the gradient evenly between a and b (as PyTorch 1.13)
            case MAXIMUM -> extremum(c, g, true);
            case MINIMUM -> extremum(c, g, false);
            case ATAN2 -> {                                                 // atan2(a, b): b/(a^2+b^2), -a/(a^2+b^2)
                Tensor a = c.in(0), b = c.in(1);
                Tensor r = a.square().add(b.square());
                yield new Tensor[] {c.needs(0) ? g.mul(b).div(r) : null, c.needs(1) ? g.mul(a).div(r).neg() : null};
            }
            // a - floor(a/b) b: 1, -floor(a/b)
            case REMAINDER -> new Tensor[] {g, c.needs(1) ? g.mul(c.in(0).div(c.in(1)).floor()).neg() : null};
            // a - trunc(a/b) b: 1, -trunc(a/b)
            case FMOD -> {
                Tensor gb = null;
                if (c.needs(1)) {
                    Tensor q = c.in(0).div(c.in(1));
                    gb = g.mul(Tensor.where(q.lt(0.0), q.ceil(), q.floor())).neg();
                }
                yield new Tensor[] {g, gb};
            }
            case LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR -> throw Gradients.nonDifferentiable(op, c);
            // b > 0 ? a : 0 is linear in a under the same mask, and piecewise constant in b
            case RELU_BACKWARD -> new Tensor[] {c.needs(0) ? Pointwise.binary(op.fn(), g, c.in(1)) : null,
                    c.needs(1) ? Tensor.zerosLike(c.in(1)) : null};
        };
    }

    private static Tensor[] extremum(Ctx c, Tensor g, boolean max) {
        Tensor a = c.in(0), b = c.in(1);
        Tensor aWins = max ? a.gt(b) : a.lt(b), bWins = max ? b.gt(a) : b.lt(a), tie = a.eq(b);
        Tensor half = g.mul(0.5);
        Tensor ga = c.needs(0) ? Tensor.where(aWins, g, Tensor.where(tie, half, 0.0)) : null;
        Tensor gb = c.needs(1) ? Tensor.where(bWins, g, Tensor.where(tie, half, 0.0)) : null;
        return new Tensor[] {ga, gb};
    }
}
