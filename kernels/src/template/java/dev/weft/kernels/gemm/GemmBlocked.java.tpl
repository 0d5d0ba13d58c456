//@twins ${P}gemmBlocked F32 F64
package dev.weft.kernels.gemm;

import dev.weft.kernels.Parallel;

import java.util.concurrent.atomic.AtomicInteger;

import static dev.weft.kernels.gemm.${P}gemmMicro.MR;
import static dev.weft.kernels.gemm.${P}gemmMicro.NR;
import static dev.weft.kernels.gemm.${P}gemmMicro.S;

/**
 * The ${D} cache-blocked GEMM driver. For each NC-column block: pack op(B) for a group of up to KB
 * k slices (KC each), then for each MC-row block, for each k slice: sweep the micro-kernel over the
 * tiles, reading A in place (or from a row-major copy of a transposed A); the MC x NC block of
 * C stays in L2 across the k slices. When all the rows of a k slice of A fit in L2 (few rows, as in
 * a training batch), {@link #fewRows} instead packs one B panel at a time and sweeps it over every row
 * while it is in L1. Threads claim disjoint row (or column) chunks of C; the k slicing depends on k
 * alone, so every C element sees the same operations in the same order whichever thread computes it,
 * however many there are, and whichever of the two loop orders runs.
 */
final class ${P}gemmBlocked {
    private ${P}gemmBlocked() {}

    // Measured on a 2-core Zen (32K L1d, 512K L2): kc 512 with small row blocks and C blocks revisited
    // while they are still in L2 beat the textbook kc 256 / mc 144 / whole-width nc by 10-20%.
    static final int KC = 512;
    static final int MC = 8 * MR;
    static final int NC = 512;
    /** k slices packed together per column block: bounds the packed-B buffer to KB*KC*NC elements. */
    static final int KB = 8;
    /** Row blocks of at most this many A elements per k slice (rows x kc: 256 KB) take the {@link #fewRows} order. */
    static final int FEW_ROWS_A = 256 * 1024 * 8 / S.elementSize();
    /** Products below this many multiply-adds stay on the caller's thread (a parked worker takes 30-50 us to wake). */
    static final long SMALL = 128L * 128 * 64;

    /** Per-thread scratch: packed panels and an edge tile. Contents never outlive one block call. */
    private static final class Scratch {
        ${t}[] a = new ${t}[0], b = new ${t}[0];
        final ${t}[] acc = new ${t}[MR * NR];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Arguments already validated; m, n, k > 0 and alpha != 0. Modifies c only. */
    static void run(boolean transA, boolean transB, int m, int n, int k, ${t} alpha,
                    ${t}[] a, int aOff, int lda, ${t}[] b, int bOff, int ldb,
                    ${t} beta, ${t}[] c, int cOff, int ldc) {
        int threads = Parallel.threads();
        int mTiles = (m + MR - 1) / MR, nTiles = (n + NR - 1) / NR;
        if (threads == 1 || (long) m * n * k < SMALL || Parallel.inPool() || (mTiles < 2 && nTiles < 2)) {
            block(transA, transB, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        // Splitting rows makes every chunk pack all of op(B); splitting columns costs nothing extra when
        // A is read in place, and makes every chunk copy all of A when it is transposed (a copy about
        // 1.75x as dear per element as packing B), so then rows win unless m << n.
        boolean splitRows = mTiles >= threads && (nTiles < threads || (transA && 7L * m >= 4L * n));
        // Chunks are claimed, not assigned: when a worker wakes late, the caller takes its chunks instead
        // of idling. Free column chunks can be small; chunks that repeat packing stay one per thread.
        int tiles = splitRows ? mTiles : nTiles, unit = splitRows ? MR : NR, size = splitRows ? m : n;
        int want = splitRows || transA ? threads : 4 * threads;
        int chunks = Math.min(tiles, want);
        int per = (tiles + chunks - 1) / chunks * unit;
        int used = (size + per - 1) / per;
        AtomicInteger next = new AtomicInteger();
        Parallel.forEach(Math.min(threads, used), t -> {
            for (int ch; (ch = next.getAndIncrement()) < used; ) {
                int lo = ch * per, hi = Math.min(size, lo + per);
                if (splitRows) block(transA, transB, lo, hi, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
                else block(transA, transB, 0, m, lo, hi, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            }
        });
    }

    /** The k slice length: k split into equal slices of at most KC (depends on k only). */
    static int kSlice(int k) {
        int slices = (k + KC - 1) / KC;
        return (k + slices - 1) / slices;
    }

    /** Computes C rows [m0, m1) x columns [n0, n1) on the calling thread. */
    static void block(boolean transA, boolean transB, int m0, int m1, int n0, int n1, int k, ${t} alpha,
                      ${t}[] a, int aOff, int lda, ${t}[] b, int bOff, int ldb,
                      ${t} beta, ${t}[] c, int cOff, int ldc) {
        Scratch s = SCRATCH.get();
        int ks = kSlice(k);
        if ((long) (m1 - m0) * ks <= FEW_ROWS_A) {
            fewRows(transA, transB, m0, m1, n0, n1, k, ks, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, s);
            return;
        }
        int slices = (k + ks - 1) / ks;
        int group = Math.min(slices, KB);
        int ncMax = Math.min(NC, n1 - n0), mcMax = Math.min(MC, m1 - m0);
        int ncr = (ncMax + NR - 1) / NR * NR;
        int needB = group * ks * ncr, needA = transA ? mcMax * ks : 0;
        if (s.b.length < needB) s.b = new ${t}[needB];
        if (s.a.length < needA) s.a = new ${t}[needA];
        ${t}[] ap = s.a, bp = s.b, acc = s.acc;
        boolean packA = transA;
        for (int g0 = 0; g0 < slices; g0 += group) {
            int g1 = Math.min(slices, g0 + group);
            for (int jc = n0; jc < n1; jc += NC) {
                int nc = Math.min(NC, n1 - jc);
                for (int sl = g0; sl < g1; sl++) {
                    int pc = sl * ks;
                    ${P}gemmPack.packB(transB, b, bOff, ldb, pc, Math.min(ks, k - pc), jc, nc, bp, (sl - g0) * ks * ncr);
                }
                for (int ic = m0; ic < m1; ic += MC) {
                    int mc = Math.min(MC, m1 - ic);
                    for (int sl = g0; sl < g1; sl++) {
                        int pc = sl * ks, kc = Math.min(ks, k - pc);
                        if (packA) ${P}gemmPack.packTransA(a, aOff, lda, ic, mc, pc, kc, ap);
                        int bBase = (sl - g0) * ks * ncr;
                        boolean overwrite = sl == 0 && beta == 0;
                        ${t} bt = sl == 0 ? beta : 1;
                        for (int jr = 0; jr < nc; jr += NR) {
                            int nv = Math.min(NR, nc - jr);
                            int bo = bBase + jr * kc;
                            int co = cOff + ic * ldc + jc + jr;
                            panel(packA, ap, a, aOff + ic * lda + pc, lda, mc, kc, bp, bo, acc, c, co, ldc, nv, alpha, bt, overwrite);
                        }
                    }
                }
            }
        }
    }

    /**
     * C rows [m0, m1) x columns [n0, n1) for a row block whose k slices fit in L2: per k slice (A packed
     * once if transposed), pack one NR-column panel of op(B) and run every row tile over it. The same
     * kernels, slices and store formulas as {@link #block}, so the same bits.
     */
    private static void fewRows(boolean transA, boolean transB, int m0, int m1, int n0, int n1, int k, int ks, ${t} alpha,
                                ${t}[] a, int aOff, int lda, ${t}[] b, int bOff, int ldb,
                                ${t} beta, ${t}[] c, int cOff, int ldc, Scratch s) {
        int mc = m1 - m0;
        if (s.b.length < ks * NR) s.b = new ${t}[ks * NR];
        if (transA && s.a.length < mc * ks) s.a = new ${t}[mc * ks];
        ${t}[] ap = s.a, bp = s.b, acc = s.acc;
        for (int pc = 0; pc < k; pc += ks) {
            int kc = Math.min(ks, k - pc);
            boolean overwrite = pc == 0 && beta == 0;
            ${t} bt = pc == 0 ? beta : 1;
            if (transA) ${P}gemmPack.packTransA(a, aOff, lda, m0, mc, pc, kc, ap);
            for (int jr = n0; jr < n1; jr += NR) {
                int nv = Math.min(NR, n1 - jr);
                ${P}gemmPack.packB(transB, b, bOff, ldb, pc, kc, jr, nv, bp, 0);
                int co = cOff + m0 * ldc + jr;
                panel(transA, ap, a, aOff + m0 * lda + pc, lda, mc, kc, bp, 0, acc, c, co, ldc, nv, alpha, bt, overwrite);
            }
        }
    }

    /**
     * op(B) (k x n) packed once for many products with it ({@link Gemm#packB}): the k slices of
     * {@link #kSlice}, slice pc's NR-column panels at pc * nPad + jr * kc (nPad = n rounded up to NR),
     * each exactly what {@link #block} and {@link #fewRows} pack before use.
     */
    static ${t}[] packAll(boolean transB, int k, int n, ${t}[] b, int bOff, int ldb) {
        int ks = kSlice(k), nPad = (n + NR - 1) / NR * NR;
        ${t}[] p = new ${t}[k * nPad];
        for (int pc = 0; pc < k; pc += ks) ${P}gemmPack.packB(transB, b, bOff, ldb, pc, Math.min(ks, k - pc), 0, n, p, pc * nPad);
        return p;
    }

    /**
     * C = alpha op(A) B + beta C with B from {@link #packAll}: the same kernels, slices and store formulas as
     * {@link #run}, so the same bits, with no packing of B. Threads split the columns (or the rows when there
     * are fewer column tiles than threads); arguments already validated, m, n, k > 0 and alpha != 0.
     */
    static void runPacked(boolean transA, int m, int n, int k, ${t} alpha, ${t}[] a, int aOff, int lda, ${t}[] bp,
                          ${t} beta, ${t}[] c, int cOff, int ldc) {
        int threads = Parallel.threads();
        int mTiles = (m + MR - 1) / MR, nTiles = (n + NR - 1) / NR;
        if (threads == 1 || (long) m * n * k < SMALL || Parallel.inPool() || (mTiles < 2 && nTiles < 2)) {
            blockPacked(transA, 0, m, 0, n, k, alpha, a, aOff, lda, bp, beta, c, cOff, ldc);
            return;
        }
        boolean splitCols = nTiles >= threads;
        int tiles = splitCols ? nTiles : mTiles, unit = splitCols ? NR : MR, size = splitCols ? n : m;
        int chunks = Math.min(tiles, threads), per = (tiles + chunks - 1) / chunks * unit, used = (size + per - 1) / per;
        Parallel.forEach(used, ch -> {
            int lo = ch * per, hi = Math.min(size, lo + per);
            if (splitCols) blockPacked(transA, 0, m, lo, hi, k, alpha, a, aOff, lda, bp, beta, c, cOff, ldc);
            else blockPacked(transA, lo, hi, 0, n, k, alpha, a, aOff, lda, bp, beta, c, cOff, ldc);
        });
    }

    /** C rows [m0, m1) x columns [n0, n1) (n0 a multiple of NR) from packed B, in row blocks of MC. */
    private static void blockPacked(boolean transA, int m0, int m1, int n0, int n1, int k, ${t} alpha, ${t}[] a, int aOff, int lda,
                                    ${t}[] bp, ${t} beta, ${t}[] c, int cOff, int ldc) {
        Scratch s = SCRATCH.get();
        int ks = kSlice(k), nPad = bp.length / k;                       // packAll's row length (n rounded up to NR)
        int rowsPer = (long) (m1 - m0) * ks <= FEW_ROWS_A ? m1 - m0 : MC;
        if (transA && s.a.length < rowsPer * ks) s.a = new ${t}[rowsPer * ks];
        ${t}[] ap = s.a, acc = s.acc;
        for (int ic = m0; ic < m1; ic += rowsPer) {
            int mc = Math.min(rowsPer, m1 - ic);
            for (int pc = 0; pc < k; pc += ks) {
                int kc = Math.min(ks, k - pc);
                boolean overwrite = pc == 0 && beta == 0;
                ${t} bt = pc == 0 ? beta : 1;
                if (transA) ${P}gemmPack.packTransA(a, aOff, lda, ic, mc, pc, kc, ap);
                for (int jr = n0; jr < n1; jr += NR) {
                    int nv = Math.min(NR, n1 - jr), bo = pc * nPad + jr * kc, co = cOff + ic * ldc + jr;
                    panel(transA, ap, a, aOff + ic * lda + pc, lda, mc, kc, bp, bo, acc, c, co, ldc, nv, alpha, bt, overwrite);
                }
            }
        }
    }

    /**
     * One NR-column panel of op(B) (bp at bo, kc deep) times every MR-row tile of mc rows of op(A) — A packed
     * (ap, kc per row) or read in place from aRow with row stride lda — each tile stored into C at co by the
     * BLAS rules (overwrite when beta is 0 on the first k slice, else alpha * tile + bt * C).
     */
    private static void panel(boolean packedA, ${t}[] ap, ${t}[] a, int aRow, int lda, int mc, int kc, ${t}[] bp, int bo, ${t}[] acc,
                              ${t}[] c, int co, int ldc, int nv, ${t} alpha, ${t} bt, boolean overwrite) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mv = Math.min(MR, mc - ir);
            if (packedA) ${P}gemmMicro.rows(kc, ap, ir * kc, kc, mv, bp, bo, acc);
            else ${P}gemmMicro.rows(kc, a, aRow + ir * lda, lda, mv, bp, bo, acc);
            int ct = co + ir * ldc;
            if (mv < MR || nv < NR) ${P}gemmMicro.edge(acc, c, ct, ldc, mv, nv, alpha, bt, overwrite);
            else if (overwrite) ${P}gemmMicro.overwrite(acc, c, ct, ldc, alpha);
            else ${P}gemmMicro.update(acc, c, ct, ldc, alpha, bt);
        }
    }
}
