package dev.weft.nn.rnn;

import dev.weft.autograd.Autograd;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Learning test: an LSTM solves the adding problem (Hochreiter and Schmidhuber 1997, as in Le et al.
 * 2015): T = 20 steps of (u_t, m_t) with u_t ~ U(0, 1) and m_t marking one step in each half; the
 * target is the sum of the two marked u. Predicting the mean gives MSE 1/6 ~ 0.167; the test asks for
 * held-out MSE below 0.01 within 1500 steps of SGD with heavy-ball momentum and gradient-norm clipping
 * written here (plain SGD without momentum stayed on the 0.167 plateau for 1500 steps at lr 0.5 and 1).
 * Seeded: data, weights and order are fixed. It stops as soon as the threshold is met (about 600 steps).
 */
class AddingProblemTest {
    private static final int T = 20, H = 16, B = 32;

    /** {x (B, T, 2) F32, y (B, 1) F32}. */
    static Tensor[] batch(Generator g, int n) {
        double[] u = Tensor.rand(g, DType.F64, n, T).toDoubleArray();
        long[] first = Tensor.randint(g, 0, T / 2, n).toLongArray();
        long[] second = Tensor.randint(g, T / 2, T, n).toLongArray();
        double[] x = new double[n * T * 2], y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < T; t++) x[(i * T + t) * 2] = u[i * T + t];
            x[(i * T + (int) first[i]) * 2 + 1] = 1;
            x[(i * T + (int) second[i]) * 2 + 1] = 1;
            y[i] = u[i * T + (int) first[i]] + u[i * T + (int) second[i]];
        }
        return new Tensor[] {Tensor.of(x, n, T, 2).to(DType.F32), Tensor.of(y, n, 1).to(DType.F32)};
    }

    @Test
    void lstmLearnsTheAddingProblemWithSgd() {
        Generator g = new Generator(42);
        LSTM lstm = new LSTM(LSTM.options(2, H).batchFirst(true).generator(g.split()));
        Tensor w = Tensor.uniform(g, -0.3, 0.3, H, 1).requiresGrad(true);
        Tensor b = Tensor.zeros(1).requiresGrad(true);
        try (var s = Autograd.noGrad()) {
            // forget-gate bias 1 in total (rows H..2H of both biases), the usual LSTM start
            lstm.namedParameters().get("bias_ih_l0").narrow(0, H, H).fill_(0.5);
            lstm.namedParameters().get("bias_hh_l0").narrow(0, H, H).fill_(0.5);
        }
        List<Tensor> params = new ArrayList<>(lstm.parameters());
        params.add(w);
        params.add(b);
        Tensor[] velocity = new Tensor[params.size()];
        double lr = 0.2, momentum = 0.9, clip = 1.0;
        Generator data = new Generator(49);
        Tensor[] heldOut = batch(new Generator(99), 256);
        double mse = Double.NaN;
        int step = 0;
        while (step < 1500) {
            step++;
            Tensor[] xy = batch(data, B);
            Tensor pred = lstm.forward(xy[0]).select(1, T - 1).matmul(w).add(b);   // (B, 1)
            Autograd.backward(pred.sub(xy[1]).square().mean());
            try (var s = Autograd.noGrad()) {
                double sq = 0;
                for (Tensor p : params) sq += p.grad().square().sum().item();
                double scale = Math.min(1, clip / Math.sqrt(sq));
                for (int i = 0; i < params.size(); i++) {
                    Tensor p = params.get(i), grad = p.grad().mul(scale);
                    velocity[i] = velocity[i] == null ? grad : velocity[i].mul(momentum).add(grad);
                    p.sub_(velocity[i].mul(lr));
                    p.setGrad(null);
                }
            }
            if (step % 50 == 0) {
                try (var s = Autograd.noGrad()) {
                    mse = lstm.forward(heldOut[0]).select(1, T - 1).matmul(w).add(b)
                            .sub(heldOut[1]).square().mean().item();
                }
                if (mse < 0.01) break;
            }
        }
        assertTrue(mse < 0.01, "held-out MSE " + mse + " after " + step + " steps (mean predictor: 0.167)");
    }
}
