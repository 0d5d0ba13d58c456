package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MatmulTest {

    /** Reference (..., M, K) @ (..., K, N) by loops over host arrays, batch dims already equal. */
    private static double[] naiveBmm(double[] a, double[] b, int batch, int m, int k, int n) {
        double[] c = new double[batch * m * n];
        for (int p = 0; p < batch; p++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) s += a[p * m * k + i * k + q] * b[p * k * n + q * n + j];
                    c[p * m * n + i * n + j] = s;
                }
        return c;
    }

    @Test
    void mmGolden() {
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new float[][] {{7, 8}, {9, 10}, {11, 12}});
        assertArrayEquals(new float[] {58, 64, 139, 154}, a.mm(b).toFloatArray());
        assertArrayEquals(new float[] {58, 64, 139, 154}, a.matmul(b).toFloatArray());
        // transposed operands are read in place (transA/transB) and give the same result
        Tensor ac = a.t().contiguous().t(), bc = b.t().contiguous().t();
        assertArrayEquals(new int[] {1, 2}, ac.stride());
        assertArrayEquals(new float[] {58, 64, 139, 154}, ac.mm(bc).toFloatArray());
        assertArrayEquals(new float[] {58, 64, 139, 154}, ac.mm(b).toFloatArray());
        // a strided operand with no unit stride is copied, same result
        Tensor wide = Tensor.zeros(4, 6);
        wide.slice(0, 0, 4, 2).slice(1, 0, 6, 2).copy_(a);
        assertArrayEquals(new float[] {58, 64, 139, 154}, wide.slice(0, 0, 4, 2).slice(1, 0, 6, 2).mm(b).toFloatArray());
        assertArrayEquals(new float[] {14, 32}, a.mv(Tensor.of(1f, 2f, 3f)).toFloatArray());
        assertEquals(32.0, Tensor.of(1.0, 2.0, 3.0).dot(Tensor.of(4.0, 5.0, 6.0)).item());
        assertArrayEquals(new double[] {4, 5, 8, 10}, Tensor.of(1.0, 2.0).outer(Tensor.of(4.0, 5.0)).toDoubleArray());
    }

    @Test
    void matmulShapeRules() {
        Generator g = new Generator(1);
        assertArrayEquals(new int[] {}, Tensor.randn(g, 3).matmul(Tensor.randn(g, 3)).shape());
        assertArrayEquals(new int[] {4}, Tensor.randn(g, 3).matmul(Tensor.randn(g, 3, 4)).shape());
        assertArrayEquals(new int[] {2}, Tensor.randn(g, 2, 3).matmul(Tensor.randn(g, 3)).shape());
        assertArrayEquals(new int[] {5, 2, 4}, Tensor.randn(g, 5, 2, 3).matmul(Tensor.randn(g, 3, 4)).shape());
        assertArrayEquals(new int[] {5, 2}, Tensor.randn(g, 5, 2, 3).matmul(Tensor.randn(g, 3)).shape());
        assertArrayEquals(new int[] {5, 4}, Tensor.randn(g, 3).matmul(Tensor.randn(g, 5, 3, 4)).shape());
        assertArrayEquals(new int[] {6, 5, 2, 4}, Tensor.randn(g, 6, 1, 2, 3).matmul(Tensor.randn(g, 5, 3, 4)).shape());
    }

    @Property(tries = 60)
    void broadcastBatchedMatmulMatchesLoops(@ForAll @LongRange(min = 0, max = 100_000) long seed) {
        Random rnd = new Random(seed);
        int m = 1 + rnd.nextInt(5), k = 1 + rnd.nextInt(5), n = 1 + rnd.nextInt(5), b1 = 1 + rnd.nextInt(3), b2 = 1 + rnd.nextInt(3);
        Generator g = new Generator(seed);
        boolean aBatch = rnd.nextBoolean();
        Tensor a = aBatch ? Tensor.randn(g, DType.F64, b1, 1, m, k) : Tensor.randn(g, DType.F64, m, k);
        Tensor b = Tensor.randn(g, DType.F64, b2, k, n);
        if (rnd.nextBoolean()) b = b.transpose(1, 2).contiguous().transpose(1, 2); // column-major operand
        Tensor c = a.matmul(b);
        int[] batch = aBatch ? new int[] {b1, b2} : new int[] {b2};
        int bn = Arrays.stream(batch).reduce(1, (x, y) -> x * y);
        int[] want = Arrays.copyOf(batch, batch.length + 2);
        want[batch.length] = m;
        want[batch.length + 1] = n;
        assertArrayEquals(want, c.shape());
        int[] ea = Arrays.copyOf(batch, batch.length + 2), eb = Arrays.copyOf(batch, batch.length + 2);
        ea[batch.length] = m;
        ea[batch.length + 1] = k;
        eb[batch.length] = k;
        eb[batch.length + 1] = n;
        double[] ref = naiveBmm(a.expand(ea).toDoubleArray(), b.expand(eb).toDoubleArray(), bn, m, k, n);
        assertArrayEquals(ref, c.toDoubleArray(), 1e-12);
        assertArrayEquals(ref, a.to(DType.F32).matmul(b.to(DType.F32)).to(DType.F64).toDoubleArray(), 1e-4);
    }

    @Test
    void einsumContractions() {
        Generator g = new Generator(5);
        Tensor a = Tensor.randn(g, DType.F64, 2, 3, 4), b = Tensor.randn(g, DType.F64, 2, 4, 5);
        assertTrue(Tensor.einsum("bij,bjk->bik", a, b).allclose(a.bmm(b), 1e-12, 1e-12));
        Tensor m = Tensor.randn(g, DType.F64, 3, 4), n = Tensor.randn(g, DType.F64, 4, 5);
        assertTrue(Tensor.einsum("ij,jk", m, n).allclose(m.mm(n), 1e-12, 1e-12));
        assertTrue(Tensor.einsum("ij,jk->ki", m, n).allclose(m.mm(n).t(), 1e-12, 1e-12));
        assertTrue(Tensor.einsum("ij->ji", m).allclose(m.t(), 0, 0));
        assertTrue(Tensor.einsum("ij->", m).allclose(m.sum(), 1e-12, 1e-12));
        assertTrue(Tensor.einsum("ij->j", m).allclose(m.sum(0), 1e-12, 1e-12));
        Tensor sq = Tensor.randn(g, DType.F64, 4, 4);
        double trace = 0;
        for (int i = 0; i < 4; i++) trace += sq.get(i, i);
        assertEquals(trace, Tensor.einsum("ii->", sq).item(), 1e-12);
        assertArrayEquals(new double[] {sq.get(0, 0), sq.get(1, 1), sq.get(2, 2), sq.get(3, 3)}, Tensor.einsum("ii->i", sq).toDoubleArray());
        Tensor u = Tensor.randn(g, DType.F64, 3), v = Tensor.randn(g, DType.F64, 5);
        assertTrue(Tensor.einsum("i,j->ij", u, v).allclose(u.outer(v), 1e-12, 1e-12));
        assertTrue(Tensor.einsum("i,i->", u, u).allclose(u.dot(u), 1e-12, 1e-12));
        // attention-style: (B, H, T, E) x (B, H, S, E) -> (B, H, T, S)
        Tensor q = Tensor.randn(g, DType.F64, 2, 3, 4, 5), k = Tensor.randn(g, DType.F64, 2, 3, 6, 5);
        assertTrue(Tensor.einsum("bhte,bhse->bhts", q, k).allclose(q.matmul(k.mT()), 1e-12, 1e-12));
        // ellipsis and three operands
        assertTrue(Tensor.einsum("...ij,...jk->...ik", a, b).allclose(a.bmm(b), 1e-12, 1e-12));
        Tensor p = Tensor.randn(g, DType.F64, 5, 2);
        assertTrue(Tensor.einsum("ij,jk,kl->il", m, n, p).allclose(m.mm(n).mm(p), 1e-12, 1e-12));
        // a batch index summed away: bij,bjk->ik
        assertTrue(Tensor.einsum("bij,bjk->ik", a, b).allclose(a.bmm(b).sum(0), 1e-12, 1e-12));
    }

    @Test
    void errors() {
        // dtypes are checked under the name the user called, with the shapes the user gave (not an internal bmm)
        for (String op : new String[] {"matmul", "mm"}) {
            Tensor a = Tensor.zeros(4, 3).to(DType.F64), b = Tensor.zeros(3, 5);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
                if (op.equals("mm")) a.mm(b);
                else a.matmul(b);
            });
            assertEquals(op + ": (4, 3) @ (3, 5): dtypes f64 and f32 differ; convert one first, e.g. b.to(DType.F64)", e.getMessage());
        }
        assertEquals("mv: (4, 3) @ (3,): dtypes f32 and f64 differ; convert one first, e.g. b.to(DType.F32)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(4, 3).mv(Tensor.zeros(3).to(DType.F64))).getMessage());
        assertEquals("bmm: (2, 4, 3) @ (2, 3, 5): dtypes f32 and f64 differ; convert one first, e.g. b.to(DType.F32)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 4, 3).bmm(Tensor.zeros(2, 3, 5).to(DType.F64))).getMessage());
        assertEquals("matmul: (2, 3) @ (4, 5): inner dims 3 != 4",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5))).getMessage());
        assertEquals("mm: (2, 3) @ (3,): expected two 2-d tensors",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).mm(Tensor.zeros(3))).getMessage());
        assertEquals("bmm: (2, 3, 4) @ (2, 5, 6): inner dims 4 != 5",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4).bmm(Tensor.zeros(2, 5, 6))).getMessage());
        assertEquals("bmm: (2, 3, 4) @ (3, 4, 6): batch sizes 2 != 3",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3, 4).bmm(Tensor.zeros(3, 4, 6))).getMessage());
        assertEquals("matmul: shapes (2,) and (3,) cannot broadcast",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 4))).getMessage());
        assertEquals("matmul: () @ (3,): both arguments need at least 1 dim",
                assertThrows(IllegalArgumentException.class, () -> Tensor.scalar(1).matmul(Tensor.zeros(3))).getMessage());
        assertEquals("bmm: expected a floating dtype (f32 or f64), got i64 for input (1, 2, 2)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(DType.I64, 2, 2).mm(Tensor.zeros(DType.I64, 2, 2))).getMessage());
        assertEquals("einsum: 'ij,jk->ik': index 'j' has size 3 in operand 0 (2, 3) but 4 in operand 1 (4, 5)",
                assertThrows(IllegalArgumentException.class, () -> Tensor.einsum("ij,jk->ik", Tensor.zeros(2, 3), Tensor.zeros(4, 5))).getMessage());
        assertEquals("einsum: 'ijk,jk->ik': operand 0 has 2 dims but subscripts 'ijk' name 3",
                assertThrows(IllegalArgumentException.class, () -> Tensor.einsum("ijk,jk->ik", Tensor.zeros(2, 3), Tensor.zeros(3, 5))).getMessage());
        assertEquals("einsum: 'ij->iz': output index 'z' appears in no operand",
                assertThrows(IllegalArgumentException.class, () -> Tensor.einsum("ij->iz", Tensor.zeros(2, 3))).getMessage());
    }
}
