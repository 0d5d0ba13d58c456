package dev.weft.nn.optim;

import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.function.Supplier;

/**
 * The strong Wolfe line search of torch.optim.LBFGS (after minFunc): bracket a step satisfying
 * f(x + t d) <= f + c1 t g.d and |g(x + t d).d| <= -c2 g.d by extrapolation with safeguarded cubic
 * interpolation, then zoom into the bracket. c1 1e-4, c2 0.9, tolerance 1e-9, at most 25 evaluations.
 */
final class StrongWolfe {
    private StrongWolfe() {}

    private static final double C1 = 1e-4, C2 = 0.9, TOLERANCE_CHANGE = 1e-9;
    private static final int MAX_LS = 25;

    /** The accepted step t, its loss f and gradient g, and how many evaluations the search made. */
    record Result(double f, Tensor g, double t, int evals) {}

    /**
     * Minimizer of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to [lo, hi] (the interval
     * of x1, x2 when bounds is null); the interval's middle when the cubic has no minimum.
     */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double[] bounds) {
        double lo, hi;
        if (bounds != null) {
            lo = bounds[0];
            hi = bounds[1];
        } else {
            lo = x1 <= x2 ? x1 : x2;
            hi = x1 <= x2 ? x2 : x1;
        }
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.min(Math.max(minPos, lo), hi);
        }
        return (lo + hi) / 2;
    }

    /**
     * Searches along d from the parameters' current value x (f, g, gtd = g.d there), starting at step t.
     * Leaves the parameters at x.
     */
    static Result search(FlatParams flat, Supplier<Tensor> closure, double t, Tensor d, double f, Tensor g, double gtd) {
        double dNorm = d.abs().max().item();
        List<Tensor> x = flat.save();
        g = g.clone();
        FlatParams.Eval e = flat.directional(closure, x, t, d);
        double fNew = e.f();
        Tensor gNew = e.g();
        int evals = 1;
        double gtdNew = gNew.dot(d).item();
        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        Tensor gPrev = g;
        boolean done = false;
        int lsIter = 0;
        double[] br = null, brF = null, brGtd = null;
        Tensor[] brG = null;
        // bracketing phase
        while (lsIter < MAX_LS) {
            if (fNew > f + C1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
                br = new double[] {tPrev, t};
                brF = new double[] {fPrev, fNew};
                brG = new Tensor[] {gPrev, gNew.clone()};
                brGtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            if (Math.abs(gtdNew) <= -C2 * gtd) {
                br = new double[] {t};
                brF = new double[] {fNew};
                brG = new Tensor[] {gNew};
                done = true;
                break;
            }
            if (gtdNew >= 0) {
                br = new double[] {tPrev, t};
                brF = new double[] {fPrev, fNew};
                brG = new Tensor[] {gPrev, gNew.clone()};
                brGtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            // extrapolate: a step between 1.01 t and 10 t from the cubic
            double minStep = t + 0.01 * (t - tPrev), maxStep = t * 10;
            double tmp = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, new double[] {minStep, maxStep});
            tPrev = tmp;
            fPrev = fNew;
            gPrev = gNew.clone();
            gtdPrev = gtdNew;
            e = flat.directional(closure, x, t, d);
            fNew = e.f();
            gNew = e.g();
            evals++;
            gtdNew = gNew.dot(d).item();
            lsIter++;
        }
        if (lsIter == MAX_LS) {
            br = new double[] {0, t};
            brF = new double[] {f, fNew};
            brG = new Tensor[] {g, gNew};
        }
        // zoom phase: shrink the bracket until the strong Wolfe conditions hold
        boolean insufProgress = false;
        int low = brF[0] <= brF[brF.length - 1] ? 0 : 1, high = 1 - low;
        while (!done && lsIter < MAX_LS) {
            if (Math.abs(br[1] - br[0]) * dNorm < TOLERANCE_CHANGE) break;
            t = cubicInterpolate(br[0], brF[0], brGtd[0], br[1], brF[1], brGtd[1], null);
            double bMax = Math.max(br[0], br[1]), bMin = Math.min(br[0], br[1]);
            double eps = 0.1 * (bMax - bMin);
            if (Math.min(bMax - t, t - bMin) < eps) {
                // too close to an end: move away from it unless the last try made progress
                if (insufProgress || t >= bMax || t <= bMin) {
                    t = Math.abs(t - bMax) < Math.abs(t - bMin) ? bMax - eps : bMin + eps;
                    insufProgress = false;
                } else {
                    insufProgress = true;
                }
            } else {
                insufProgress = false;
            }
            e = flat.directional(closure, x, t, d);
            fNew = e.f();
            gNew = e.g();
            evals++;
            gtdNew = gNew.dot(d).item();
            lsIter++;
            if (fNew > f + C1 * t * gtd || fNew >= brF[low]) {
                br[high] = t;
                brF[high] = fNew;
                brG[high] = gNew.clone();
                brGtd[high] = gtdNew;
                low = brF[0] <= brF[1] ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(gtdNew) <= -C2 * gtd) {
                    done = true;
                } else if (gtdNew * (br[high] - br[low]) >= 0) {
                    br[high] = br[low];
                    brF[high] = brF[low];
                    brG[high] = brG[low];
                    brGtd[high] = brGtd[low];
                }
                br[low] = t;
                brF[low] = fNew;
                brG[low] = gNew.clone();
                brGtd[low] = gtdNew;
            }
        }
        return new Result(brF[low], brG[low], br[low], evals);
    }
}
