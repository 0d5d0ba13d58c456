package dev.weft.nn.loss;

import dev.weft.autograd.Autograd;
import dev.weft.autograd.Function;
import dev.weft.autograd.FunctionCtx;
import dev.weft.kernels.loss.CrossEntropyGrad;
import dev.weft.kernels.reduce.Softmax;
import dev.weft.tensor.DirectAccess;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;

/**
 * Cross-entropy of CPU F32/F64 logits (N, C) or (C) against class indices as one custom autograd
 * function: the forward is one log-sum-exp pass over the logits plus a gather, the backward one fused
 * kernel ({@link CrossEntropyGrad}) that writes softmax minus the (weighted, smoothed) one-hot, scaled
 * by the incoming gradient and the reduction. For row i with target y, class weights w (1 when none),
 * smoothing s and W = sum_c w_c:
 * <pre>
 *   loss_i   = (1 - s) w_y (lse_i - x_iy) + (s / C) (W lse_i - sum_c w_c x_ic)    (0 for an ignored row)
 *   dloss_i / dx_ic = ((1 - s) w_y + (s / C) W) p_ic - (s / C) w_c - (1 - s) w_y [c = y]
 * </pre>
 * with p the row's softmax, and MEAN dividing by the sum of w_y over the rows not ignored (PyTorch's
 * definition). When the engine is creating a graph (double backward) the same gradient is built from
 * tensor ops, so it is differentiable again. Other inputs (probability targets, spatial dims, other
 * devices) take the composite path in {@link ClassLosses}.
 */
final class FusedCrossEntropy extends Function {
    private final Reduction reduction;
    private final int n, c;
    private final int[] target;          // -1 for ignored rows
    private final double[] rowT, rowA, rowM;
    private final double[] classB;       // (s / C) w_c, null without smoothing
    private final double divisor;        // MEAN's divisor

    private FusedCrossEntropy(Reduction reduction, int n, int c, int[] target, double[] rowT, double[] rowA, double[] rowM,
                              double[] classB, double divisor) {
        this.reduction = reduction;
        this.n = n;
        this.c = c;
        this.target = target;
        this.rowT = rowT;
        this.rowA = rowA;
        this.rowM = rowM;
        this.classB = classB;
        this.divisor = divisor;
    }

    @Override
    public String name() {
        return "crossEntropy";
    }

    /** True for the inputs the fused path takes: CPU F32/F64 logits (N, C) or (C), integer class indices. */
    static boolean applies(Tensor input, Tensor target) {
        return input.device() == Device.CPU && (input.dtype() == DType.F32 || input.dtype() == DType.F64)
                && input.dim() >= 1 && input.dim() <= 2 && !target.dtype().isFloatingPoint();
    }

    /** The loss (validated as {@link Losses#crossEntropy} documents); the caller checked input, weight and smoothing. */
    static Tensor loss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction r, double s) {
        int classDim = input.dim() == 1 ? 0 : 1;
        long[] t = ClassLosses.targets("crossEntropy", input, target, ignoreIndex, classDim);
        boolean unbatched = input.dim() == 1;
        int n = t.length, c = input.size(classDim);
        double[] w = weight == null ? null : weight.toDoubleArray();
        double wAll = 0;
        for (int k = 0; k < c; k++) wAll += w == null ? 1 : w[k];
        int[] tgt = new int[n];
        double[] rowT = new double[n], rowA = new double[n], rowM = new double[n];
        double wSum = 0;
        for (int i = 0; i < n; i++) {
            if (t[i] == ignoreIndex) {
                tgt[i] = -1;
                continue;
            }
            tgt[i] = (int) t[i];
            double wy = w == null ? 1 : w[tgt[i]];
            wSum += wy;
            rowT[i] = (1 - s) * wy;
            rowA[i] = rowT[i] + s / c * wAll;
            rowM[i] = 1;
        }
        double[] classB = null;
        if (s > 0) {
            classB = new double[c];
            for (int k = 0; k < c; k++) classB[k] = s / c * (w == null ? 1 : w[k]);
        }
        double divisor = r == Reduction.MEAN ? wSum : 1;
        var fn = new FusedCrossEntropy(r, n, c, tgt, rowT, rowA, rowM, classB, divisor);
        Tensor out = fn.apply(unbatched ? input.unsqueeze(0) : input);
        return unbatched && r == Reduction.NONE ? out.squeeze(0) : out;
    }

    @Override
    protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
        Tensor x = in[0].contiguous();
        DType dt = x.dtype();
        Tensor lse = DirectAccess.allocate(dt, n);
        double[] loss = new double[n];
        int off = DirectAccess.offset(x);
        if (dt == DType.F32) {
            float[] xs = DirectAccess.floats(x), ls = DirectAccess.floats(lse);
            Softmax.logSumExp(xs, off, n, c, 1, ls, 0);
            for (int i = 0; i < n; i++) {
                int o = off + i * c;
                loss[i] = target[i] < 0 ? 0 : rowLoss(i, ls[i], xs[o + target[i]], classB == null ? 0 : dot(classB, xs, o));
            }
        } else {
            double[] xs = DirectAccess.doubles(x), ls = DirectAccess.doubles(lse);
            Softmax.logSumExp(xs, off, n, c, 1, ls, 0);
            for (int i = 0; i < n; i++) {
                int o = off + i * c;
                loss[i] = target[i] < 0 ? 0 : rowLoss(i, ls[i], xs[o + target[i]], classB == null ? 0 : dot(classB, xs, o));
            }
        }
        DirectAccess.written(lse);
        ctx.saveForBackward(x, lse);
        if (reduction == Reduction.NONE) return new Tensor[] {Tensor.of(loss).to(dt)};
        double sum = 0;
        for (double v : loss) sum += v;
        return new Tensor[] {Tensor.scalar(reduction == Reduction.MEAN ? sum / divisor : sum, dt)};
    }

    /** Row i's loss from its log-sum-exp, its target logit and sum_c (s / C) w_c x_ic. */
    private double rowLoss(int i, double lse, double xTarget, double smoothDot) {
        double v = rowT[i] * (lse - xTarget);
        return classB == null ? v : v + (rowA[i] - rowT[i]) * lse - smoothDot;
    }

    private static double dot(double[] b, float[] x, int o) {
        double d = 0;
        for (int k = 0; k < b.length; k++) d += b[k] * x[o + k];
        return d;
    }

    private static double dot(double[] b, double[] x, int o) {
        double d = 0;
        for (int k = 0; k < b.length; k++) d += b[k] * x[o + k];
        return d;
    }

    @Override
    protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
        Tensor x = ctx.saved(0), lse = ctx.saved(1);
        if (Autograd.isGradEnabled()) return new Tensor[] {differentiableGrad(x, g[0])};
        double[] gi = reduction == Reduction.NONE ? g[0].toDoubleArray() : null;
        double gAll = gi == null ? g[0].item() / divisor : 0;
        double[] a = new double[n], m = new double[n], t = new double[n];
        for (int i = 0; i < n; i++) {
            double gr = gi == null ? gAll : gi[i];
            a[i] = gr * rowA[i];
            m[i] = gr * rowM[i];
            t[i] = gr * rowT[i];
        }
        Tensor dx = DirectAccess.allocate(x.dtype(), n, c);
        int off = DirectAccess.offset(x);
        if (x.dtype() == DType.F32) {
            CrossEntropyGrad.apply(DirectAccess.floats(x), off, n, c, DirectAccess.floats(lse), a, m, t, target, classB,
                    DirectAccess.floats(dx), 0);
        } else {
            CrossEntropyGrad.apply(DirectAccess.doubles(x), off, n, c, DirectAccess.doubles(lse), a, m, t, target, classB,
                    DirectAccess.doubles(dx), 0);
        }
        DirectAccess.written(dx);
        return new Tensor[] {dx};
    }

    /** The same gradient in tensor ops (for create-graph backward): G (A softmax(x) - M B - T onehot). */
    private Tensor differentiableGrad(Tensor x, Tensor g) {
        DType dt = x.dtype();
        double[] mb = new double[n * c], tOne = new double[n * c];
        for (int i = 0; i < n; i++) {
            if (classB != null) for (int k = 0; k < c; k++) mb[i * c + k] = rowM[i] * classB[k];
            if (target[i] >= 0) tOne[i * c + target[i]] = rowT[i];
        }
        Tensor rowScale = reduction == Reduction.NONE ? g.reshape(n, 1) : g.div(divisor).reshape(1, 1);
        Tensor inner = Tensor.of(rowA, n, 1).to(dt).mul(x.softmax(1))
                .sub(Tensor.of(mb, n, c).to(dt)).sub(Tensor.of(tOne, n, c).to(dt));
        return inner.mul(rowScale);
    }
}
