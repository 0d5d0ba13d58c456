package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

/** The custom-function API: gradients, saved-tensor checks, non-differentiable outputs, the contract's errors. */
class FunctionTest {
    static {
        Autograd.install();
    }

    /** y = x^3 written by hand: backward 3 x^2 g, in tensor ops (so it is differentiable again). */
    static final class Cube extends Function {
        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return new Tensor[] {in[0].mul(in[0]).mul(in[0])};
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            Tensor x = ctx.saved(0);
            return new Tensor[] {g[0].mul(x.mul(x)).mul(3)};
        }
    }

    /** (a * b, a + b) with a scale constant held as a field. */
    static final class MulAdd extends Function {
        final double scale;

        MulAdd(double scale) {
            this.scale = scale;
        }

        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            return new Tensor[] {in[0].mul(in[1]).mul(scale), in[0].add(in[1])};
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            Tensor a = ctx.saved(0), b = ctx.saved(1);
            Tensor ga = ctx.needsInputGrad(0) ? g[0].mul(b).mul(scale).add(g[1]) : null;
            Tensor gb = ctx.needsInputGrad(1) ? g[0].mul(a).mul(scale).add(g[1]) : null;
            return new Tensor[] {ga, gb};
        }
    }

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape).requiresGrad(true);
    }

    @Test
    void gradcheckPassesOnAHandWrittenFunctionAndItsSecondDerivative() {
        Tensor x = randn(1, 3, 4);
        assertTrue(Gradcheck.gradcheck("cube", in -> new Cube().apply(in[0]), x));
        assertTrue(Gradcheck.gradgradcheck("cube", in -> new Cube().apply(in[0]), x));
        Tensor a = randn(2, 2, 3), b = randn(3, 2, 3);
        assertTrue(Gradcheck.gradcheckOutputs("mulAdd", in -> new MulAdd(0.5).applyAll(in[0], in[1]),
                Gradcheck.Tolerance.DEFAULT, a, b));
    }

    @Test
    void gradientsMatchTheSameMathInBuiltInOps() {
        Tensor x = randn(4, 5);
        Autograd.backward(new Cube().apply(x).sum());
        double[] custom = x.grad().toDoubleArray();
        Autograd.zeroGrad(x);
        Autograd.backward(x.pow(3).sum());
        assertArrayEquals(x.grad().toDoubleArray(), custom, 1e-12);
        assertArrayEquals(new String[] {"Cube"}, new String[] {Autograd.gradFn(new Cube().apply(x))});
    }

    @Test
    void onlyTheInputsThatRequireGradGetOneAndNoGraphIsBuiltInNoGrad() {
        Tensor a = randn(6, 3), b = Tensor.randn(new Generator(7), DType.F64, 3);
        Tensor[] out = new MulAdd(2).applyAll(a, b);
        Autograd.backward(out[0].sum().add(out[1].sum()));
        assertNull(b.grad());
        assertArrayEquals(b.mul(2).add(1).toDoubleArray(), a.grad().toDoubleArray(), 1e-12);
        try (var off = Autograd.noGrad()) {
            Tensor y = new Cube().apply(a);
            assertFalse(y.requiresGrad());
            assertTrue(Autograd.isLeaf(y));
        }
    }

    @Test
    void aSavedTensorChangedInPlaceAfterForwardFailsBackwardNamingTheFunction() {
        Tensor x = randn(8, 3);
        Tensor x2 = x.mul(1.0); // a non-leaf, so the in-place write below is allowed
        Tensor y = new Cube().apply(x2);
        x2.mul_(2.0);
        var e = assertThrows(IllegalStateException.class, () -> Autograd.backward(y.sum()));
        assertTrue(e.getMessage().contains("Cube") && e.getMessage().contains("saved tensor 0")
                && e.getMessage().contains("version"), e.getMessage());
    }

    /** Returns (x * 2, argmax-like float index marked non-differentiable). */
    static final class WithIndex extends Function {
        Tensor seen;

        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            Tensor idx = in[0].argmax().to(DType.F64);
            ctx.markNonDifferentiable(idx);
            return new Tensor[] {in[0].mul(2), idx};
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            seen = g[1];
            return new Tensor[] {g[0].mul(2)};
        }
    }

    @Test
    void aNonDifferentiableOutputRequiresNoGradAndItsGradientIsZeros() {
        Tensor x = randn(9, 4);
        WithIndex f = new WithIndex();
        Tensor[] out = f.applyAll(x);
        assertTrue(out[0].requiresGrad());
        assertFalse(out[1].requiresGrad());
        Autograd.backward(out[0].sum());
        assertArrayEquals(new double[] {0}, new double[] {f.seen.sum().item()});
        assertArrayEquals(new double[] {2, 2, 2, 2}, x.grad().toDoubleArray());
    }

    static final class NoMaterialize extends Function {
        Tensor[] seen;

        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            ctx.setMaterializeGrads(false);
            return new Tensor[] {in[0].mul(3), in[0].mul(4)};
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            seen = g.clone();
            return new Tensor[] {g[0].mul(3)};
        }
    }

    @Test
    void withoutMaterializedGradsAMissingOutputGradientIsNull() {
        Tensor x = randn(10, 2);
        NoMaterialize f = new NoMaterialize();
        Autograd.backward(f.applyAll(x)[0].sum());
        assertNull(f.seen[1]);
        assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray());
    }

    static final class Identity extends Function {
        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            return new Tensor[] {in[0]};
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return new Tensor[] {g[0]};
        }
    }

    @Test
    void anInputReturnedAsIsIsAliasedAndTheInputKeepsBeingALeaf() {
        Tensor x = randn(11, 3);
        Tensor y = new Identity().apply(x);
        assertTrue(y != x && Autograd.isLeaf(x) && !Autograd.isLeaf(y));
        Autograd.backward(y.mul(5).sum());
        assertArrayEquals(new double[] {5, 5, 5}, x.grad().toDoubleArray());
    }

    @Test
    void contractViolationsNameTheFunction() {
        Tensor x = randn(12, 3);
        Function wrongCount = new Function() {
            @Override
            protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
                return new Tensor[] {in[0].mul(2)};
            }

            @Override
            protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
                return new Tensor[] {g[0], g[0]};
            }

            @Override
            public String name() {
                return "Doubler";
            }
        };
        var e = assertThrows(IllegalStateException.class, () -> Autograd.backward(wrongCount.apply(x).sum()));
        assertTrue(e.getMessage().contains("backward of Doubler returned 2 gradients for its 1 inputs"), e.getMessage());

        Function wrongShape = new Function() {
            @Override
            protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
                return new Tensor[] {in[0].sum()};
            }

            @Override
            protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
                return new Tensor[] {Tensor.ones(DType.F64, 4)};
            }
        };
        var s = assertThrows(IllegalStateException.class, () -> Autograd.backward(wrongShape.apply(x)));
        assertTrue(s.getMessage().contains("backward of Function returned a gradient of shape (4,) for input 0 of shape (3,)"), s.getMessage());

        var m = assertThrows(IllegalStateException.class, () -> new MulAdd(1).apply(x, x));
        assertTrue(m.getMessage().contains("MulAdd.apply: forward returned 2 outputs"), m.getMessage());
    }

    @Test
    void aSecondBackwardThroughAFreedCallIsAClearError() {
        Tensor x = randn(13, 3);
        Tensor y = new Cube().apply(x);
        Autograd.backward(y, Tensor.onesLike(y));
        var e = assertThrows(IllegalStateException.class, () -> Autograd.backward(y, Tensor.onesLike(y)));
        assertTrue(e.getMessage().contains("Cube") && e.getMessage().contains("retainGraph"), e.getMessage());
    }
}
