package dev.weft.kernels.reduce;

import dev.weft.kernels.Parallel;

/**
 * How the reduction facades split (outer, r, inner) work over the shared pool: whole outer slices when there
 * are enough of them, else column ranges of each slice. Every output is computed by the same code whatever
 * the split, so results do not depend on the thread count.
 */
final class ReducePlan {
    private ReducePlan() {}

    /** A block of work: outer slices [o0, o1), inner columns [j0, j1). */
    @FunctionalInterface
    interface Block {
        void run(int o0, int o1, int j0, int j1);
    }

    static void run(int outer, int r, int inner, Block body) {
        if (outer == 0 || inner == 0) return;
        long perOuter = (long) Math.max(r, 1) * inner;
        if (Parallel.serial(perOuter * outer, Parallel.GRAIN)) {
            body.run(0, outer, 0, inner);
        } else if (inner == 1 || outer >= 2 * Parallel.threads()) {
            Parallel.forRows(outer, perOuter, (a, b) -> body.run(a, b, 0, inner));
        } else {
            int g = Math.max(64, Parallel.rowGrain(r, Parallel.GRAIN));
            for (int o = 0; o < outer; o++) {
                int oo = o;
                Parallel.forRange(inner, g, (a, b) -> body.run(oo, oo + 1, a, b));
            }
        }
    }
}
