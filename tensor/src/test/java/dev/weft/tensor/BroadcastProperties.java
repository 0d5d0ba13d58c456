package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Broadcasting laws: shape commutativity, and a op b == expand(a) op expand(b) on materialized copies. */
class BroadcastProperties {

    /** Two random shapes that broadcast: from a common shape, drop leading dims and set some sizes to 1. */
    private static int[][] shapes(Random rnd) {
        int rank = rnd.nextInt(4);
        int[] full = new int[rank];
        for (int d = 0; d < rank; d++) full[d] = 1 + rnd.nextInt(4);
        int[][] out = new int[2][];
        for (int k = 0; k < 2; k++) {
            int drop = rank == 0 ? 0 : rnd.nextInt(rank + 1);
            int[] s = new int[rank - drop];
            for (int d = 0; d < s.length; d++) s[d] = rnd.nextInt(3) == 0 ? 1 : full[d + drop];
            out[k] = s;
        }
        return out;
    }

    @Property(tries = 150)
    void broadcastIsCommutativeAndMatchesExpandedOperands(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        int[][] s = shapes(rnd);
        int[] ab = Shape.broadcast("add", s[0], s[1]);
        assertArrayEquals(ab, Shape.broadcast("add", s[1], s[0]));
        Generator g = new Generator(seed);
        Tensor a = Tensor.randn(g, DType.F64, s[0]), b = Tensor.randn(g, DType.F64, s[1]);
        Tensor ea = a.expand(ab).clone(), eb = b.expand(ab).clone();
        assertArrayEquals(ea.add(eb).toDoubleArray(), a.add(b).toDoubleArray());
        assertArrayEquals(b.add(a).toDoubleArray(), a.add(b).toDoubleArray());
        assertArrayEquals(ea.mul(eb).toDoubleArray(), a.mul(b).toDoubleArray());
        assertArrayEquals(ea.sub(eb).toDoubleArray(), a.sub(b).toDoubleArray());
        assertArrayEquals(ea.lt(eb).toBooleanArray(), a.lt(b).toBooleanArray());
        assertArrayEquals(Tensor.where(ea.gt(0), ea, eb).toDoubleArray(), Tensor.where(a.gt(0), a, b).toDoubleArray());
        // a non-contiguous operand gives the same values
        if (a.dim() >= 2) {
            Tensor at = a.transpose(0, 1).contiguous().transpose(0, 1);
            assertArrayEquals(a.add(b).toDoubleArray(), at.add(b).toDoubleArray());
        }
    }
}
