//@twins SegmentSimd${D} F32 F64 literals
package dev.weft.kernels.sparse;

import jdk.incubator.vector.${T}Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API {@link Segment} on ${D}: lanes run along the columns, each row of a segment one vector step in
 * the scalar reference's order (sum: add; max/min: the same comparison, NaN first-wins, selected by masks),
 * so both give the same bits. The arg rows ride along as a vector of the element type, exact while the
 * total row count stays below {@link #EXACT} (the facade runs the scalar kernel beyond). Columns past the
 * last whole vector take the scalar reference.
 */
final class SegmentSimd${D} {
    private SegmentSimd${D}() {}

    private static final VectorSpecies<${T}> S = ${T}Vector.SPECIES_PREFERRED;
    /** Row counts below this are exact in the element type. */
    static final double EXACT = 2 / Math.ulp((${t}) 1);

    static void rows(SegmentFn fn, int i0, int i1, int n, int[] rowPtr, ${t}[] x, int xOff, int ldx, ${t}[] y, int yOff, int ldy,
                     long[] arg, int argOff, int total) {
        int bound = S.loopBound(n), len = S.length();
        for (int i = i0; i < i1; i++) {
            int p0 = rowPtr[i], p1 = rowPtr[i + 1];
            if (p0 == p1 || bound == 0) {
                SegmentScalar${D}.segment(fn, i, 0, n, n, rowPtr, x, xOff, ldx, y, yOff, ldy, arg, argOff, total);
                continue;
            }
            for (int j = 0; j < bound; j += len) {
                if (fn == SegmentFn.SUM || fn == SegmentFn.MEAN) sum(fn, p0, p1, j, x, xOff, ldx, y, yOff + i * ldy);
                else extreme(fn == SegmentFn.MAX, p0, p1, j, x, xOff, ldx, y, yOff + i * ldy, arg, argOff + i * n);
            }
            if (bound < n) SegmentScalar${D}.segment(fn, i, bound, n, n, rowPtr, x, xOff, ldx, y, yOff, ldy, arg, argOff, total);
        }
    }

    private static void sum(SegmentFn fn, int p0, int p1, int j, ${t}[] x, int xOff, int ldx, ${t}[] y, int yr) {
        ${T}Vector s = ${T}Vector.zero(S);
        for (int p = p0; p < p1; p++) s = s.add(${T}Vector.fromArray(S, x, xOff + p * ldx + j));
        if (fn == SegmentFn.MEAN) s = s.div((${t}) (p1 - p0));
        s.intoArray(y, yr + j);
    }

    private static void extreme(boolean max, int p0, int p1, int j, ${t}[] x, int xOff, int ldx, ${t}[] y, int yr, long[] arg, int ar) {
        ${T}Vector best = ${T}Vector.fromArray(S, x, xOff + p0 * ldx + j), at = ${T}Vector.broadcast(S, (${t}) p0);
        for (int p = p0 + 1; p < p1; p++) {
            ${T}Vector v = ${T}Vector.fromArray(S, x, xOff + p * ldx + j);
            VectorMask<${T}> beyond = v.compare(max ? VectorOperators.GT : VectorOperators.LT, best)
                    .or(v.test(VectorOperators.IS_NAN).andNot(best.test(VectorOperators.IS_NAN)));
            best = best.blend(v, beyond);
            at = at.blend((${t}) p, beyond);
        }
        best.intoArray(y, yr + j);
        for (int l = 0; l < S.length(); l++) arg[ar + j + l] = (long) at.lane(l);
    }
}
