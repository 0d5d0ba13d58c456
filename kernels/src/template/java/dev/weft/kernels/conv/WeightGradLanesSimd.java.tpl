//@twins WeightGradLanesSimd${D} F32 F64
package dev.weft.kernels.conv;

import dev.weft.kernels.Parallel;
import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API convolution weight gradient on ${D} with output channels as the lanes, for layers whose groups
 * fill a vector with them and half of their whole vectors (LeNet's conv2, 16 at 512 bits):
 * <pre>
 * gw^T (K, co) = sum_b cols_b (K, L) gy_b^T (L, co)          per group
 * </pre>
 * gy is transposed once per call to (B, G, L, coPad), zeros past co. A tile is 12 taps x one vector of
 * channels: per position, one gy vector, 12 broadcast column values and 12 fmas, where the row-wise
 * gradient ({@link WeightGradSimd${D}}) loads 6 vectors per 8 fmas. Column value (k, l) of sample b, group g
 * is read where the caller points: {@code src[srcOff + b*sampleStride + g*groupStride + off[k] + pos[l]]},
 * a column matrix (off = k*L, pos = l) or the image itself (off = the tap's shift in the image, pos = the
 * pixel under output position l), so the fused gradient makes no columns.
 *
 * <p>Each gw element is, per sample, one fma chain over l in order from zero, and the per-sample sums are
 * added in b order: the same bits from either source, on any thread count and JIT tier (the bits depend on
 * the vector width only through which gradient takes a layer).
 */
final class WeightGradLanesSimd${D} {
    private WeightGradLanesSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    private static final int KR = 12;

    /**
     * True when co output channels per group fill at least one vector and half of their whole vectors. (LeNet's
     * conv1, 6 channels, at 256 bits: 6 of 8 lanes ran 0.99 ms against the row-wise gradient's 0.64.)
     */
    static boolean applies(int co) {
        int pad = (co + VL - 1) / VL * VL;
        return co >= VL && 2 * co >= pad;
    }

    /**
     * gw (G*co, K) overwritten = the weight gradient from gy (B, G*co, L) and the columns that src, off and pos
     * describe (see the class comment).
     */
    static void weightGrad(${t}[] gy, int gyOff, int B, int G, int co, int K, int L, ${t}[] src, int srcOff, int sampleStride,
                           int groupStride, int[] off, int[] pos, ${t}[] gw, int gwOff) {
        int coPad = (co + VL - 1) / VL * VL, vecs = coPad / VL, kBlocks = (K + KR - 1) / KR;
        ${t}[] gyT = transposed(gy, gyOff, B, G, co, L, coPad);
        Parallel.forRows(G * vecs * kBlocks, (long) KR * B * L, (u0, u1) -> {
            ${t}[] total = new ${t}[KR * VL];
            for (int u = u0; u < u1; u++) {
                int g = u / (vecs * kBlocks), v = u / kBlocks % vecs, k = KR * (u % kBlocks);
                java.util.Arrays.fill(total, 0);
                for (int b = 0; b < B; b++) {
                    sample(gyT, ((b * G + g) * L) * coPad + v * VL, coPad, src, srcOff + b * sampleStride + g * groupStride,
                            off, k, pos, L, total);
                }
                int o0 = v * VL, n = Math.min(VL, co - o0);
                for (int i = 0; i < KR && k + i < K; i++) {
                    for (int lane = 0; lane < n; lane++) gw[gwOff + (g * co + o0 + lane) * K + k + i] = total[i * VL + lane];
                }
            }
        });
    }

    /**
     * (B, G, L, coPad): gyT[((b*G + g)*L + l)*coPad + o] = gy[(b*G*co + g*co + o)*L + l], zero for o >= co. In a
     * buffer the calling thread keeps (grown, never shrunk): a fresh one each step is megabytes faulted in.
     */
    private static ${t}[] transposed(${t}[] gy, int gyOff, int B, int G, int co, int L, int coPad) {
        int n = B * G * L * coPad;
        ${t}[] kept = TRANSPOSED.get();
        if (kept.length < n) TRANSPOSED.set(kept = new ${t}[n]);
        ${t}[] t = kept;
        Parallel.forRange(B * G, 1, (s0, s1) -> {
            for (int s = s0; s < s1; s++) {
                for (int o = 0; o < co; o++) {
                    int from = gyOff + (s * co + o) * L, to = s * L * coPad + o;
                    for (int l = 0; l < L; l++) t[to + l * coPad] = gy[from + l];
                }
                for (int l = 0; l < L && co < coPad; l++) java.util.Arrays.fill(t, (s * L + l) * coPad + co, (s * L + l + 1) * coPad, 0);
            }
        });
        return t;
    }

    private static final ThreadLocal<${t}[]> TRANSPOSED = ThreadLocal.withInitial(() -> new ${t}[0]);

    /**
     * total[i*VL ...] += one sample's chains: lane o of tap k + i, sum over l of gyT[y + l*coPad + o] times
     * src[s + off[k + i] + pos[l]] (taps past the last repeat it; the caller drops them).
     */
    private static void sample(${t}[] gyT, int y, int coPad, ${t}[] src, int s, int[] off, int k, int[] pos, int L, ${t}[] total) {
        int last = off.length - 1;
        int f0 = s + off[k], f1 = s + off[Math.min(k + 1, last)], f2 = s + off[Math.min(k + 2, last)];
        int f3 = s + off[Math.min(k + 3, last)], f4 = s + off[Math.min(k + 4, last)], f5 = s + off[Math.min(k + 5, last)];
        int f6 = s + off[Math.min(k + 6, last)], f7 = s + off[Math.min(k + 7, last)], f8 = s + off[Math.min(k + 8, last)];
        int f9 = s + off[Math.min(k + 9, last)], f10 = s + off[Math.min(k + 10, last)], f11 = s + off[Math.min(k + 11, last)];
        ${T}Vector a0 = ${T}Vector.zero(S), a1 = ${T}Vector.zero(S), a2 = ${T}Vector.zero(S), a3 = ${T}Vector.zero(S);
        ${T}Vector a4 = ${T}Vector.zero(S), a5 = ${T}Vector.zero(S), a6 = ${T}Vector.zero(S), a7 = ${T}Vector.zero(S);
        ${T}Vector a8 = ${T}Vector.zero(S), a9 = ${T}Vector.zero(S), a10 = ${T}Vector.zero(S), a11 = ${T}Vector.zero(S);
        for (int l = 0; l < L; l++) {
            int p = pos[l];
            ${T}Vector g = ${T}Vector.fromArray(S, gyT, y + l * coPad);
            a0 = g.fma(${T}Vector.broadcast(S, src[f0 + p]), a0);
            a1 = g.fma(${T}Vector.broadcast(S, src[f1 + p]), a1);
            a2 = g.fma(${T}Vector.broadcast(S, src[f2 + p]), a2);
            a3 = g.fma(${T}Vector.broadcast(S, src[f3 + p]), a3);
            a4 = g.fma(${T}Vector.broadcast(S, src[f4 + p]), a4);
            a5 = g.fma(${T}Vector.broadcast(S, src[f5 + p]), a5);
            a6 = g.fma(${T}Vector.broadcast(S, src[f6 + p]), a6);
            a7 = g.fma(${T}Vector.broadcast(S, src[f7 + p]), a7);
            a8 = g.fma(${T}Vector.broadcast(S, src[f8 + p]), a8);
            a9 = g.fma(${T}Vector.broadcast(S, src[f9 + p]), a9);
            a10 = g.fma(${T}Vector.broadcast(S, src[f10 + p]), a10);
            a11 = g.fma(${T}Vector.broadcast(S, src[f11 + p]), a11);
        }
        ${T}Vector.fromArray(S, total, 0).add(a0).intoArray(total, 0);
        ${T}Vector.fromArray(S, total, VL).add(a1).intoArray(total, VL);
        ${T}Vector.fromArray(S, total, 2 * VL).add(a2).intoArray(total, 2 * VL);
        ${T}Vector.fromArray(S, total, 3 * VL).add(a3).intoArray(total, 3 * VL);
        ${T}Vector.fromArray(S, total, 4 * VL).add(a4).intoArray(total, 4 * VL);
        ${T}Vector.fromArray(S, total, 5 * VL).add(a5).intoArray(total, 5 * VL);
        ${T}Vector.fromArray(S, total, 6 * VL).add(a6).intoArray(total, 6 * VL);
        ${T}Vector.fromArray(S, total, 7 * VL).add(a7).intoArray(total, 7 * VL);
        ${T}Vector.fromArray(S, total, 8 * VL).add(a8).intoArray(total, 8 * VL);
        ${T}Vector.fromArray(S, total, 9 * VL).add(a9).intoArray(total, 9 * VL);
        ${T}Vector.fromArray(S, total, 10 * VL).add(a10).intoArray(total, 10 * VL);
        ${T}Vector.fromArray(S, total, 11 * VL).add(a11).intoArray(total, 11 * VL);
    }
}
