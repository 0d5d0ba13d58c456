package dev.weft.repro.toys;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.nn.init.Init;
import dev.weft.nn.optim.AdamW;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * The ReLU output model of "Toy Models of Superposition" (Elhage et al. 2022, sec. 2): n features squeezed into m < n
 * hidden dimensions and read back, x' = ReLU(W^T W x + b), W (m, n) Xavier-normal, b (n,) zero; trained on
 * L = E_x sum_i I_i (x_i - x'_i)^2 with x_i = 0 with probability S, else U(0, 1).
 */
final class ToyModel extends Module {
    final int n, m;

    ToyModel(int n, int m, Generator g) {
        this.n = n;
        this.m = m;
        registerParameter("W", Init.xavierNormal(Tensor.empty(m, n), 1, g));
        registerParameter("b_final", Tensor.zeros(n));
    }

    // x: (B, n) -> (B, n)
    @Override
    public Tensor forward(Tensor x) {
        Tensor w = param("W");
        return x.matmul(w.t()).matmul(w).add(param("b_final")).relu();
    }

    /** W^T W (n, n). */
    Tensor wtw() {
        Tensor w = param("W");
        return w.t().matmul(w).detach();
    }

    /** ||W_i|| for each feature i (n,). */
    double[] featureNorms() {
        return param("W").detach().square().sum(0).sqrt().toDoubleArray();
    }

    /** A batch: x_i = 0 with probability S, else U(0, 1). */
    static Tensor batch(int b, int n, double sparsity, Generator g) {
        return Tensor.rand(g, b, n).mul(Tensor.rand(g, b, n).ge(sparsity).to(DType.F32));
    }

    /** Trains with AdamW (weight decay 0) on the importance-weighted MSE; returns the final batch loss. */
    double train(Tensor importance, double sparsity, int steps, int batch, double lr, Generator g) {
        AdamW opt = new AdamW(parameters(), lr, 0);
        double last = Double.NaN;
        for (int s = 0; s < steps; s++) {
            Tensor x = batch(batch, n, sparsity, g);
            opt.zeroGrad();
            Tensor loss = forward(x).sub(x).square().mul(importance).sum(1).mean();
            Autograd.backward(loss);
            opt.step();
            if (s == steps - 1) last = loss.item();
        }
        return last;
    }
}
