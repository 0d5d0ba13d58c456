package dev.weft.repro.kan.plot;

import dev.weft.autograd.GradMode;
import dev.weft.nn.kan.KAN;
import dev.weft.nn.kan.KanAttribution;
import dev.weft.nn.kan.symbolic.SymbolicKANLayer;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * What the network plot shows of a KAN, read through its public API: every edge that is not masked
 * ({@link KanEdge}), its importance score from {@link KAN#attribute} on samples, and its activation curve
 * phi_{l,i,j}(x) = (spline branch) + (symbolic branch) evaluated at P evenly spaced inputs. With samples the curve
 * spans the range its input node takes on them (pykan plots the samples' activations); without, it spans the input's
 * grid range (the grid's inner knots t_k .. t_{G+k}, which an updated grid fits to the data it saw), and the scores
 * come from 1,000 inputs drawn uniformly over layer 0's grid ranges with a fixed seed, so a plot needs no data and
 * the same model gives the same picture.
 */
public final class KanEdges {
    private KanEdges() {}

    static final int DEFAULT_SAMPLES = 1000;

    /** The unmasked edges of model, layer by layer, in (i, j) order. samples (B, n_0) may be null (see the class note). */
    public static List<KanEdge> of(KAN model, Tensor samples, int points) {
        if (points < 2) throw new IllegalArgumentException("KanEdges: points must be >= 2, got " + points);
        int[] width = model.width();
        DType dt = model.layer(0).coef().dtype();
        Tensor x = samples == null ? uniformOverGrid(model, dt) : checked(samples, width[0], dt);
        List<KanEdge> edges = new ArrayList<>();
        try (var s = GradMode.noGrad()) {
            KAN.Activations acts = model.forwardActivations(x);
            KanAttribution attribution = model.attribute(acts);
            for (int l = 0; l < model.depth(); l++) {
                int in = width[l], out = width[l + 1];
                double[][] range = samples == null ? gridRange(model, l) : sampleRange(acts.input(l), gridRange(model, l));
                double[] xs = new double[points * in];
                for (int p = 0; p < points; p++) {
                    for (int i = 0; i < in; i++) xs[p * in + i] = range[0][i] + (range[1][i] - range[0][i]) * p / (points - 1);
                }
                Tensor grid = Tensor.of(xs, points, in).to(dt);
                SymbolicKANLayer sym = model.symbolic(l);
                Tensor post = model.layer(l).forwardActivations(grid).postacts();                 // (P, out, in)
                if (sym.active()) post = post.add(sym.postacts(grid));
                double[] phi = post.contiguous().toDoubleArray();
                double[] numericMask = model.layer(l).mask().contiguous().toDoubleArray();         // (in, out)
                double[] symbolicMask = sym.mask().contiguous().toDoubleArray();                   // (out, in)
                double[] score = attribution.edgeScores().get(l).contiguous().toDoubleArray();    // (out, in)
                for (int i = 0; i < in; i++) {
                    for (int j = 0; j < out; j++) {
                        boolean numeric = numericMask[i * out + j] != 0, symbolic = symbolicMask[j * in + i] != 0;
                        if (!numeric && !symbolic) continue;
                        KanEdge.Kind kind = numeric && symbolic ? KanEdge.Kind.BOTH : numeric ? KanEdge.Kind.NUMERIC : KanEdge.Kind.SYMBOLIC;
                        double[] ex = new double[points], ey = new double[points];
                        for (int p = 0; p < points; p++) {
                            ex[p] = xs[p * in + i];
                            ey[p] = phi[(p * out + j) * in + i];
                        }
                        String f = symbolic ? sym.function(i, j).name() : null;
                        edges.add(new KanEdge(l, i, j, kind, f, score[j * in + i], ex, ey));
                    }
                }
            }
        }
        return edges;
    }

    /** {lo, hi} per input of layer l: its grid's inner knots t_k and t_{G+k}. */
    static double[][] gridRange(KAN model, int l) {
        Tensor g = model.layer(l).grid();                                                          // (in, G + 2k + 1)
        int in = g.size(0), cols = g.size(1), k = model.layer(l).k;
        double[] v = g.contiguous().toDoubleArray();
        double[][] r = new double[2][in];
        for (int i = 0; i < in; i++) {
            r[0][i] = v[i * cols + k];
            r[1][i] = v[i * cols + cols - 1 - k];
        }
        return r;
    }

    /** {min, max} per column of x (B, n); a column that takes one value falls back to fallback's range. */
    static double[][] sampleRange(Tensor x, double[][] fallback) {
        int b = x.size(0), n = x.size(1);
        double[] v = x.contiguous().toDoubleArray();
        double[][] r = new double[2][n];
        for (int i = 0; i < n; i++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < b; p++) {
                double e = v[p * n + i];
                if (Double.isFinite(e)) { lo = Math.min(lo, e); hi = Math.max(hi, e); }
            }
            boolean usable = lo < hi;
            r[0][i] = usable ? lo : fallback[0][i];
            r[1][i] = usable ? hi : fallback[1][i];
        }
        return r;
    }

    private static Tensor uniformOverGrid(KAN model, DType dt) {
        double[][] r = gridRange(model, 0);
        int n = r[0].length;
        double[] u = Tensor.rand(new Generator(0), DType.F64, DEFAULT_SAMPLES, n).toDoubleArray();
        for (int p = 0; p < DEFAULT_SAMPLES; p++) {
            for (int i = 0; i < n; i++) u[p * n + i] = r[0][i] + (r[1][i] - r[0][i]) * u[p * n + i];
        }
        return Tensor.of(u, DEFAULT_SAMPLES, n).to(dt);
    }

    private static Tensor checked(Tensor samples, int n0, DType dt) {
        if (samples.dim() != 2 || samples.size(1) != n0 || samples.size(0) < 2) {
            throw new IllegalArgumentException("KanEdges: samples " + Shape.format(samples.shape()) + " must be (B, " + n0
                    + ") with B >= 2, the model's inputs");
        }
        return samples.dtype() == dt ? samples : samples.to(dt);
    }
}
