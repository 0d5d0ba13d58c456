package dev.weft.bench.autograd;

import dev.weft.autograd.Autograd;
import dev.weft.bench.Stats;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * One training step of a 3-layer ReLU MLP, x: (B, I) -> (B, H) -> (B, H2) -> (B, O), MSE loss, F32:
 * through the tape (forward recorded, Autograd.backward) and as the same tensor ops written out by
 * hand on tensors that do not require grad (the backward the rules would run, minus the tape).
 */
final class MlpStep {
    private final Tensor x, y, w1, b1, w2, b2, w3, b3;
    private final Tensor[] params;

    MlpStep(Generator g, int batch, int in, int h1, int h2, int out) {
        x = Tensor.randn(g, batch, in);
        y = Tensor.randn(g, batch, out);
        w1 = Tensor.randn(g, in, h1).mul(1 / Math.sqrt(in));
        b1 = Tensor.zeros(h1);
        w2 = Tensor.randn(g, h1, h2).mul(1 / Math.sqrt(h1));
        b2 = Tensor.zeros(h2);
        w3 = Tensor.randn(g, h2, out).mul(1 / Math.sqrt(h2));
        b3 = Tensor.zeros(out);
        params = new Tensor[] {w1, b1, w2, b2, w3, b3};
    }

    /** Forward + backward through the tape; the gradients land in params' grad(). */
    void tape() {
        for (Tensor p : params) p.requiresGrad(true);
        Tensor a1 = x.matmul(w1).add(b1).relu();
        Tensor a2 = a1.matmul(w2).add(b2).relu();
        Tensor loss = a2.matmul(w3).add(b3).sub(y).square().mean();
        Autograd.backward(loss);
        Autograd.zeroGrad(params);
    }

    /** The same forward and the backward written out, with no tape: returns the six gradients. */
    Tensor[] noTape() {
        for (Tensor p : params) p.requiresGrad(false);
        Tensor h1 = x.matmul(w1).add(b1), a1 = h1.relu();
        Tensor h2 = a1.matmul(w2).add(b2), a2 = h2.relu();
        Tensor d = a2.matmul(w3).add(b3).sub(y);
        Tensor loss = d.square().mean();
        Tensor dOut = d.mul(2.0).mul(1.0 / d.numel());
        Tensor gw3 = a2.t().matmul(dOut), gb3 = dOut.sum(0);
        Tensor dh2 = Tensor.where(h2.gt(0.0), dOut.matmul(w3.t()), 0.0);
        Tensor gw2 = a1.t().matmul(dh2), gb2 = dh2.sum(0);
        Tensor dh1 = Tensor.where(h1.gt(0.0), dh2.matmul(w2.t()), 0.0);
        Tensor gw1 = x.t().matmul(dh1), gb1 = dh1.sum(0);
        return new Tensor[] {gw1, gb1, gw2, gb2, gw3, gb3, loss};
    }

    /** {tape µs, no-tape µs} per step: medians of interleaved rounds after a warm-up. */
    double[] time(int rounds) {
        int per = 200;
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 4_000_000_000L) {
            tape();
            noTape();
        }
        double[] a = new double[rounds], b = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long s = System.nanoTime();
            for (int i = 0; i < per; i++) tape();
            a[r] = (System.nanoTime() - s) / 1e3 / per;
            s = System.nanoTime();
            for (int i = 0; i < per; i++) noTape();
            b[r] = (System.nanoTime() - s) / 1e3 / per;
        }
        return new double[] {Stats.median(a), Stats.median(b)};
    }
}
