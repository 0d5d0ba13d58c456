package dev.weft.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * The sum of a vector's lanes in one fixed order, lane 0 first. {@code reduceLanes(ADD)} leaves the order
 * to the implementation: the JIT's intrinsic adds in a tree, the Java fallback that runs before the JIT
 * compiles a kernel adds in another order, so the same call gave different bits cold and warm (45 of 64
 * row sums, 10,289 of 19,200 softmax values in one test). Every floating-point horizontal sum in the SIMD
 * kernels goes through here; MAX/MIN and integer sums do not depend on the order and keep reduceLanes.
 */
public final class LaneSums {
    private LaneSums() {}

    /**
     * v[0] + v[1] + ... + v[len - 1], left to right, in float.
     *
     * @param v the vector
     * @return the sum of the lanes
     */
    public static float sum(FloatVector v) {
        float s = v.lane(0);
        for (int i = 1; i < v.length(); i++) s += v.lane(i);
        return s;
    }

    /**
     * v[0] + v[1] + ... + v[len - 1], left to right.
     *
     * @param v the vector
     * @return the sum of the lanes
     */
    public static double sum(DoubleVector v) {
        double s = v.lane(0);
        for (int i = 1; i < v.length(); i++) s += v.lane(i);
        return s;
    }
}
