package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;

/**
 * Shape rules of {@link ConvOp}: images are (B, C, H, W) floating tensors, windows have kernel, stride
 * and dilation >= 1 and padding >= 0 (pooling: padding <= kernel/2), and every output size is >= 1.
 * Error contexts (shapes, windows) are built only when a check fails: the rules run on every call.
 */
final class ConvRules {
    private ConvRules() {}

    static OutSpec[] infer(ConvOp op, Strided[] in) {
        String name = op.name();
        return switch (op) {
            case ConvOp.Im2col c -> {
                RuleChecks.arity(name, in, 1);
                int[] s = image(name, in[0]);
                long[] o = convOut(name, s[2], s[3], c.w(), () -> ctx(in[0], c.w()));
                yield one(name, new long[] {s[0], (long) s[1] * c.w().kH() * c.w().kW(), o[0] * o[1]}, in[0].dtype());
            }
            case ConvOp.Col2im c -> {
                RuleChecks.arity(name, in, 1);
                Strided x = in[0];
                java.util.function.Supplier<String> ctxs = () -> "input " + Shape.format(x.shape()) + ", output size (" + c.H() + ", "
                        + c.W() + "), " + c.w();
                if (x.dim() != 3) throw RuleChecks.fail(name, ctxs.get(), "expected a 3-d input (B, C*kH*kW, L)");
                if (!x.dtype().isFloatingPoint()) RuleChecks.floating(name, x, ctxs.get());
                if (c.H() < 1 || c.W() < 1) throw RuleChecks.fail(name, ctxs.get(), "output size must be >= 1");
                long[] o = convOut(name, c.H(), c.W(), c.w(), ctxs);
                int k = c.w().kH() * c.w().kW();
                if (x.size(1) % k != 0) {
                    throw RuleChecks.fail(name, ctxs.get(), "dim 1 (" + x.size(1) + ") must be divisible by kH*kW = " + k);
                }
                if (x.size(2) != o[0] * o[1]) {
                    throw RuleChecks.fail(name, ctxs.get(), "dim 2 (" + x.size(2) + ") must equal the number of windows "
                            + o[0] + "*" + o[1] + " = " + o[0] * o[1]);
                }
                yield one(name, new long[] {x.size(0), x.size(1) / k, c.H(), c.W()}, x.dtype());
            }
            case ConvOp.ConvMatmul m -> {
                RuleChecks.arity(name, in, 2);
                Strided w = in[0], cols = in[1];
                int g = m.groups();
                // the context string is built only for an error: these rules run twice per conv and step
                if (w.dim() != 2 || cols.dim() != 3) throw RuleChecks.fail(name, mmCtx(in, g), "expected weight (C_out, K) and cols (B, G*K, L)");
                if (!w.dtype().isFloatingPoint() || w.dtype() != cols.dtype()) {
                    RuleChecks.floating(name, w, mmCtx(in, g));
                    RuleChecks.sameDtype(name, "weight", w, "cols", cols, mmCtx(in, g));
                }
                if (g < 1 || w.size(0) % g != 0 || (long) w.size(1) * g != cols.size(1)) {
                    throw RuleChecks.fail(name, mmCtx(in, g), "groups must divide C_out and cols must have groups*K = " + g + "*"
                            + w.size(1) + " rows");
                }
                yield one(name, new long[] {cols.size(0), w.size(0), cols.size(2)}, w.dtype());
            }
            case ConvOp.ConvWeightGrad m -> {
                RuleChecks.arity(name, in, 2);
                Strided gy = in[0], cols = in[1];
                int g = m.groups();
                if (gy.dim() != 3 || cols.dim() != 3) throw RuleChecks.fail(name, wgCtx(in, g), "expected grad (B, C_out, L) and cols (B, G*K, L)");
                if (!gy.dtype().isFloatingPoint() || gy.dtype() != cols.dtype()) {
                    RuleChecks.floating(name, gy, wgCtx(in, g));
                    RuleChecks.sameDtype(name, "grad", gy, "cols", cols, wgCtx(in, g));
                }
                if (g < 1 || gy.size(1) % g != 0 || cols.size(1) % g != 0) {
                    throw RuleChecks.fail(name, wgCtx(in, g), "groups must divide C_out and the rows of cols");
                }
                if (gy.size(0) != cols.size(0) || gy.size(2) != cols.size(2)) {
                    throw RuleChecks.fail(name, wgCtx(in, g), "grad and cols must agree in B and L");
                }
                yield one(name, new long[] {gy.size(1), cols.size(1) / g}, gy.dtype());
            }
            case ConvOp.Conv2d c -> {
                if (in.length != 2 && in.length != 3) {
                    throw new IllegalArgumentException(name + ": expected 2 inputs (input, weight) or 3 (and bias), got " + in.length);
                }
                int[] x = image(name, in[0]);
                int K = fusedWeight(name, in[1], in[0], x[1], c.groups(), c.w(), in);
                if (in.length == 3 && (in[2].dim() != 1 || in[2].size(0) != in[1].size(0) || in[2].dtype() != in[0].dtype())) {
                    throw RuleChecks.fail(name, fusedCtx(in, "input", "weight", c.w(), c.groups()), "bias must be a 1-d "
                            + in[0].dtype() + " tensor of C_out = " + in[1].size(0) + " entries, got " + in[2].dtype() + " "
                            + dev.weft.tensor.core.Shape.format(in[2].shape()));
                }
                long[] o = convOut(name, x[2], x[3], c.w(), () -> fusedCtx(in, "input", "weight", c.w(), c.groups()));
                yield one(name, new long[] {x[0], in[1].size(0), o[0] * o[1]}, in[0].dtype());
            }
            case ConvOp.Conv2dWeightGrad c -> {
                RuleChecks.arity(name, in, 2);
                int[] x = image(name, in[1]);
                int[] gy = fusedGrad(name, in[0], in[1], x[0], c.w(), x[2], x[3], in, "input", c.groups());
                if (x[1] % c.groups() != 0) {
                    throw RuleChecks.fail(name, fusedCtx(in, "grad", "input", c.w(), c.groups()), "groups must divide C_in " + x[1]);
                }
                yield one(name, new long[] {gy[1], (long) x[1] / c.groups() * c.w().kH() * c.w().kW()}, in[0].dtype());
            }
            case ConvOp.Conv2dInputGrad c -> {
                RuleChecks.arity(name, in, 2);
                Strided gy = in[0], w = in[1];
                if (gy.dim() != 3 || w.dim() != 2 || c.H() < 1 || c.W() < 1) {
                    throw RuleChecks.fail(name, fusedCtx(in, "grad", "weight", c.w(), c.groups()),
                            "expected grad (B, C_out, L), weight (C_out, K) and an output size >= 1");
                }
                int k = c.w().kH() * c.w().kW(), G = c.groups();
                if (G < 1 || w.size(0) % G != 0 || w.size(1) % k != 0 || w.size(0) != gy.size(1)) {
                    throw RuleChecks.fail(name, fusedCtx(in, "grad", "weight", c.w(), G), "groups must divide C_out = grad's dim 1 "
                            + "= weight's dim 0, and weight's dim 1 must be C_in/groups*kH*kW");
                }
                fusedGrad(name, gy, w, gy.size(0), c.w(), c.H(), c.W(), in, "weight", G);
                yield one(name, new long[] {gy.size(0), (long) w.size(1) / k * G, c.H(), c.W()}, gy.dtype());
            }
            case ConvOp.MaxPool2d p -> {
                RuleChecks.arity(name, in, 1);
                int[] s = image(name, in[0]);
                long[] o = poolOut(name, s[2], s[3], p.w(), p.ceilMode(), () -> ctx(in[0], p.w()));
                int[] out = shape(name, new long[] {s[0], s[1], o[0], o[1]});
                yield new OutSpec[] {new OutSpec(out, in[0].dtype()), new OutSpec(out, DType.I64)};
            }
            case ConvOp.MaxPool2dBackward b -> {
                RuleChecks.arity(name, in, 2);
                java.util.function.Supplier<String> ctx = () -> RuleChecks.shapes(new String[] {"grad", "indices"}, in)
                        + ", input size (" + b.H() + ", " + b.W() + ")";
                int[] g = image(name, in[0]);
                if (in[1].dtype() != DType.I64) RuleChecks.dtype(name, "indices", in[1], DType.I64, ctx.get());
                if (!java.util.Arrays.equals(in[1].shape(), in[0].shape())) throw RuleChecks.fail(name, ctx.get(), "indices must have grad's shape");
                if (b.H() < 1 || b.W() < 1) throw RuleChecks.fail(name, ctx.get(), "input size must be >= 1");
                yield one(name, new long[] {g[0], g[1], b.H(), b.W()}, in[0].dtype());
            }
            case ConvOp.AvgPool2d p -> {
                RuleChecks.arity(name, in, 1);
                int[] s = image(name, in[0]);
                noDilation(name, p.w(), () -> ctx(in[0], p.w()));
                long[] o = poolOut(name, s[2], s[3], p.w(), p.ceilMode(), () -> ctx(in[0], p.w()));
                yield one(name, new long[] {s[0], s[1], o[0], o[1]}, in[0].dtype());
            }
            case ConvOp.AvgPool2dBackward b -> {
                RuleChecks.arity(name, in, 1);
                int[] g = image(name, in[0]);
                java.util.function.Supplier<String> ctx = () -> "grad " + Shape.format(g) + ", input size (" + b.H() + ", " + b.W()
                        + "), " + b.w();
                noDilation(name, b.w(), ctx);
                if (b.H() < 1 || b.W() < 1) throw RuleChecks.fail(name, ctx.get(), "input size must be >= 1");
                long[] o = poolOut(name, b.H(), b.W(), b.w(), b.ceilMode(), ctx);
                if (g[2] != o[0] || g[3] != o[1]) {
                    throw RuleChecks.fail(name, ctx.get(), "grad must be (B, C, " + o[0] + ", " + o[1] + ") for that input size");
                }
                yield one(name, new long[] {g[0], g[1], b.H(), b.W()}, in[0].dtype());
            }
        };
    }

    /** Checks a fused convolution's weight (C_out, K) against x (C_in channels); returns K. */
    private static int fusedWeight(String op, Strided w, Strided x, int cIn, int groups, ConvOp.Window win, Strided[] in) {
        int k = win.kH() * win.kW();
        if (w.dim() != 2 || groups < 1 || cIn % groups != 0 || w.size(0) % groups != 0 || (long) w.size(1) * groups != (long) cIn * k) {
            throw RuleChecks.fail(op, fusedCtx(in, "input", "weight", win, groups), "expected weight (C_out, C_in/groups*kH*kW) = (C_out, "
                    + (groups >= 1 ? cIn / groups * k : -1) + ") with groups dividing C_in and C_out");
        }
        if (w.dtype() != x.dtype()) RuleChecks.sameDtype(op, "input", x, "weight", w, fusedCtx(in, "input", "weight", win, groups));
        return w.size(1);
    }

    /** Checks a fused gradient's grad (B, C_out, L) against the image size H x W and the other operand's dtype. */
    private static int[] fusedGrad(String op, Strided gy, Strided other, int B, ConvOp.Window win, int H, int W, Strided[] in,
                                   String otherName, int groups) {
        java.util.function.Supplier<String> ctx = () -> fusedCtx(in, "grad", otherName, win, groups);
        if (gy.dim() != 3 || gy.size(0) != B) throw RuleChecks.fail(op, ctx.get(), "expected grad (B, C_out, L) with B = " + B);
        if (!gy.dtype().isFloatingPoint() || gy.dtype() != other.dtype()) {
            RuleChecks.floating(op, gy, ctx.get());
            RuleChecks.sameDtype(op, "grad", gy, otherName, other, ctx.get());
        }
        long[] o = convOut(op, H, W, win, ctx);
        if (gy.size(2) != o[0] * o[1]) {
            throw RuleChecks.fail(op, ctx.get(), "grad's dim 2 (" + gy.size(2) + ") must equal the number of windows " + o[0] + "*" + o[1]);
        }
        if (groups < 1 || gy.size(1) % groups != 0) throw RuleChecks.fail(op, ctx.get(), "groups must divide C_out " + gy.size(1));
        return gy.shape();
    }

    private static String fusedCtx(Strided[] in, String a, String b, ConvOp.Window w, int groups) {
        String[] names = in.length > 2 ? new String[] {a, b, "bias"} : new String[] {a, b};
        return RuleChecks.shapes(names, in) + ", " + w + ", groups " + groups;
    }

    private static String mmCtx(Strided[] in, int groups) {
        return RuleChecks.shapes(new String[] {"weight", "cols"}, in) + ", groups " + groups;
    }

    private static String wgCtx(Strided[] in, int groups) {
        return RuleChecks.shapes(new String[] {"grad", "cols"}, in) + ", groups " + groups;
    }

    private static String ctx(Strided x, ConvOp.Window w) {
        return "input " + Shape.format(x.shape()) + ", " + w;
    }

    /** x's shape, checked to be a 4-d floating (B, C, H, W) with H, W >= 1. */
    private static int[] image(String op, Strided x) {
        int[] s = x.shape();
        if (s.length != 4) throw RuleChecks.fail(op, "input " + Shape.format(s), "expected a 4-d input (B, C, H, W)");
        if (!x.dtype().isFloatingPoint()) RuleChecks.floating(op, x, "input " + Shape.format(s));
        if (s[2] < 1 || s[3] < 1) throw RuleChecks.fail(op, "input " + Shape.format(s), "H and W must be >= 1");
        return s;
    }

    private static void window(String op, ConvOp.Window w, java.util.function.Supplier<String> ctx) {
        if (w.kH() < 1 || w.kW() < 1 || w.sH() < 1 || w.sW() < 1 || w.dH() < 1 || w.dW() < 1 || w.pH() < 0 || w.pW() < 0) {
            throw RuleChecks.fail(op, ctx.get(), "kernel, stride and dilation must be >= 1 and padding >= 0");
        }
    }

    private static void noDilation(String op, ConvOp.Window w, java.util.function.Supplier<String> ctx) {
        if (w.dH() != 1 || w.dW() != 1) throw RuleChecks.fail(op, ctx.get(), "average pooling has no dilation (must be 1)");
    }

    private static long[] convOut(String op, int H, int W, ConvOp.Window w, java.util.function.Supplier<String> ctx) {
        window(op, w, ctx);
        long oh = ConvOp.Window.convOut(H, w.kH(), w.sH(), w.pH(), w.dH());
        long ow = ConvOp.Window.convOut(W, w.kW(), w.sW(), w.pW(), w.dW());
        if (oh < 1 || ow < 1) {
            throw RuleChecks.fail(op, ctx.get(), "the dilated kernel (" + ((long) w.dH() * (w.kH() - 1) + 1) + ", "
                    + ((long) w.dW() * (w.kW() - 1) + 1) + ") is larger than the padded input (" + (H + 2L * w.pH()) + ", "
                    + (W + 2L * w.pW()) + ")");
        }
        return new long[] {oh, ow};
    }

    private static long[] poolOut(String op, int H, int W, ConvOp.Window w, boolean ceilMode, java.util.function.Supplier<String> ctx) {
        window(op, w, ctx);
        if (w.pH() > w.kH() / 2 || w.pW() > w.kW() / 2) throw RuleChecks.fail(op, ctx.get(), "padding must be at most half the kernel size");
        long oh = ConvOp.Window.poolOut(H, w.kH(), w.sH(), w.pH(), w.dH(), ceilMode);
        long ow = ConvOp.Window.poolOut(W, w.kW(), w.sW(), w.pW(), w.dW(), ceilMode);
        if (oh < 1 || ow < 1) {
            throw RuleChecks.fail(op, ctx.get(), "output size (" + oh + ", " + ow + ") is too small (ceilMode=" + ceilMode + ")");
        }
        return new long[] {oh, ow};
    }

    private static int[] shape(String op, long[] s) {
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            if (s[i] > Integer.MAX_VALUE) throw new IllegalArgumentException(op + ": output size " + s[i] + " too large");
            out[i] = (int) s[i];
        }
        RuleChecks.numel(op, out);
        return out;
    }

    private static OutSpec[] one(String op, long[] s, DType dtype) {
        return new OutSpec[] {new OutSpec(shape(op, s), dtype)};
    }
}
