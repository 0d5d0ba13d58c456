package dev.weft.kernels.gemm;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** GemmSimd == GemmScalar within a k-scaled rounding bound, over sizes, transposes, layouts, alpha/beta. */
class GemmSimdProperties {

    @Provide
    Arbitrary<GemmCase> cases() {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, 70);
        Arbitrary<Integer> pad = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> off = Arbitraries.integers().between(0, 9);
        Arbitrary<Double> alpha = Arbitraries.of(1.0, -1.0, 0.5, 2.5, 0.0);
        Arbitrary<Double> beta = Arbitraries.of(0.0, 1.0, -0.75, 3.0);
        Arbitrary<Boolean> bool = Arbitraries.of(false, true);
        return Combinators.combine(
                Combinators.combine(bool, bool, dim, dim, dim).as((ta, tb, m, n, k) -> new int[]{ta ? 1 : 0, tb ? 1 : 0, m, n, k}),
                Combinators.combine(alpha, beta).as((a, b) -> new double[]{a, b}),
                Combinators.combine(off, pad, off, pad, off, pad).as((a, b, c, d, e, f) -> new int[]{a, b, c, d, e, f}),
                bool, Arbitraries.longs().between(1, 1_000_000))
            .as((s, ab, l, nan, seed) -> new GemmCase(s[0] == 1, s[1] == 1, s[2], s[3], s[4], ab[0], ab[1],
                    l[0], l[1], l[2], l[3], l[4], l[5], nan && ab[1] == 0.0, seed));
    }

    @Property(tries = 150, seed = "20240601")
    void f32MatchesScalar(@ForAll("cases") GemmCase c) {
        c.checkF32();
    }

    @Property(tries = 100, seed = "20240602")
    void f64MatchesScalar(@ForAll("cases") GemmCase c) {
        c.checkF64();
    }

    @Test
    void largerShapesAllTransposes() {
        int[][] shapes = {{129, 257, 65}, {200, 33, 300}, {7, 300, 513}, {5, 19, 4700}};
        int seed = 1;
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                GemmCase c = new GemmCase((t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], 1.25, t == 3 ? 0.0 : 0.5,
                        3, 2, 5, 1, 7, 3, t == 3, seed++);
                c.checkF32();
                c.checkF64();
            }
        }
    }
}
