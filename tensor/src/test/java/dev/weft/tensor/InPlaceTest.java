package dev.weft.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import dev.weft.tensor.core.DType;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The in-place elementwise ops: the same bits as the out-of-place op on every layout (contiguous,
 * transposed, a narrowed view at an offset, a broadcast operand, the destination as its own operand, an
 * operand overlapping the destination), one version bump each, no temporary of the destination's size on
 * the direct path, and a refused dtype leaving the data unchanged.
 */
class InPlaceTest {
    private static Map<String, BiFunction<Tensor, Tensor, Tensor>[]> ops() {
        Map<String, BiFunction<Tensor, Tensor, Tensor>[]> m = new LinkedHashMap<>();
        put(m, "add_", (x, y) -> x.add(y), (x, y) -> x.add_(y));
        put(m, "add_ alpha", (x, y) -> x.add(y, 0.3), (x, y) -> x.add_(y, 0.3));
        put(m, "sub_", (x, y) -> x.sub(y), (x, y) -> x.sub_(y));
        put(m, "mul_", (x, y) -> x.mul(y), (x, y) -> x.mul_(y));
        put(m, "div_", (x, y) -> x.div(y), (x, y) -> x.div_(y));
        put(m, "mul_ scalar", (x, y) -> x.mul(1.7), (x, y) -> x.mul_(1.7));
        put(m, "add_ scalar", (x, y) -> x.add(-0.25), (x, y) -> x.add_(-0.25));
        put(m, "clamp_", (x, y) -> x.clamp(-0.5, 0.7), (x, y) -> x.clamp_(-0.5, 0.7));
        put(m, "relu_", (x, y) -> x.relu(), (x, y) -> x.relu_());
        put(m, "masked_fill_", (x, y) -> x.maskedFill(y.gt(0), 9), (x, y) -> x.maskedFill_(y.gt(0), 9));
        put(m, "addcmul_", (x, y) -> x.addcmul(y, y, 0.5), (x, y) -> x.addcmul_(y, y, 0.5));
        put(m, "addcdiv_", (x, y) -> x.addcdiv(y, y.abs().add(1), 0.5), (x, y) -> x.addcdiv_(y, y.abs().add(1), 0.5));
        return m;
    }

    @SafeVarargs
    private static void put(Map<String, BiFunction<Tensor, Tensor, Tensor>[]> m, String name, BiFunction<Tensor, Tensor, Tensor>... f) {
        m.put(name, f);
    }

    /** dst views of a fresh base: (name, view of base). */
    private static Map<String, java.util.function.Function<Tensor, Tensor>> layouts() {
        Map<String, java.util.function.Function<Tensor, Tensor>> l = new LinkedHashMap<>();
        l.put("contiguous", b -> b);
        l.put("transposed", b -> b.t());
        l.put("narrowed at an offset", b -> b.narrow(0, 1, 4).narrow(1, 2, 5));
        return l;
    }

    @Test
    void everyInPlaceOpGivesTheOutOfPlaceBitsOnEveryLayout() {
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            Tensor base0 = Tensor.randn(new Generator(3), dt, 6, 9);
            for (var op : ops().entrySet()) {
                for (var lay : layouts().entrySet()) {
                    Tensor base = base0.clone(), dst = lay.getValue().apply(base);
                    Tensor other = Tensor.randn(new Generator(4), dt, dst.shape());
                    for (Tensor y : new Tensor[] {other, other.narrow(0, 0, 1), other.contiguous().reshape(dst.shape())}) {
                        base = base0.clone();
                        dst = lay.getValue().apply(base);
                        Tensor want = op.getValue()[0].apply(dst, y);
                        int v = dst.version();
                        Tensor got = op.getValue()[1].apply(dst, y);
                        String what = op.getKey() + " " + dt + " " + lay.getKey() + " other " + java.util.Arrays.toString(y.shape());
                        assertSame(dst, got, what);
                        assertArrayEquals(want.toDoubleArray(), dst.toDoubleArray(), 0.0, what);
                        assertTrue(dst.version() > v, what + ": version bumped");
                    }
                }
            }
        }
    }

    @Test
    void theDestinationAsItsOwnOperandAndOverlappingOperandsReadTheOldValues() {
        Tensor x = Tensor.randn(new Generator(5), DType.F32, 10);
        Tensor want = x.mul(x);
        x.mul_(x);
        assertArrayEquals(want.toDoubleArray(), x.toDoubleArray(), 0.0);
        // dst = x[1:], other = x[:-1]: overlapping views; the result is that of the values before the op
        Tensor b = Tensor.arange(10).to(DType.F64);
        Tensor dst = b.narrow(0, 1, 9), src = b.narrow(0, 0, 9);
        Tensor expect = dst.add(src);
        dst.add_(src);
        assertArrayEquals(expect.toDoubleArray(), dst.toDoubleArray(), 0.0);
        assertEquals(0.0, b.toDoubleArray()[0]);
    }

    @Test
    void theDirectPathAllocatesNoTemporaryOfTheDestinationsSize() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = 1 << 20;
        Tensor x = Tensor.zeros(DType.F32, n), y = Tensor.ones(DType.F32, n);
        // scalar kernels: the Vector API boxes vectors until C2 compiles a kernel, which would count here
        KernelImpl was = KernelImpl.current();
        long bytes;
        try {
            KernelImpl.set(KernelImpl.SCALAR);
            for (int i = 0; i < 3; i++) x.add_(y).mul_(y).clamp_(0, 100).relu_();     // load the classes
            x.fill_(3);
            long before = mx.getCurrentThreadAllocatedBytes();
            x.add_(y).mul_(y).clamp_(0, 100).relu_();
            bytes = mx.getCurrentThreadAllocatedBytes() - before;
        } finally {
            KernelImpl.set(was);
        }
        assertTrue(bytes < n, "four in-place ops on " + n + " floats allocated " + bytes + " bytes (one temporary would be " + 4L * n + ")");
        assertEquals(4.0, x.toDoubleArray()[n - 1]);
    }

    @Test
    void aResultTheDestinationCannotHoldIsRefusedAndLeavesItUnchanged() {
        Tensor i = Tensor.of(new long[] {1, 2, 3});
        var e = assertThrows(IllegalArgumentException.class, () -> i.mul_(1.5));
        assertTrue(e.getMessage().contains("mul_") && e.getMessage().contains("f32") && e.getMessage().contains("i64"), e.getMessage());
        assertArrayEquals(new long[] {1, 2, 3}, i.toLongArray());
        Tensor f = Tensor.zeros(DType.F32, 2, 3);
        var s = assertThrows(IllegalArgumentException.class, () -> f.add_(Tensor.ones(DType.F32, 4, 2, 3)));
        assertTrue(s.getMessage().contains("add_") && s.getMessage().contains("(4, 2, 3)"), s.getMessage());
        assertArrayEquals(new double[6], f.toDoubleArray(), 0.0);
        Tensor w = Tensor.zeros(DType.F32, 3).add_(Tensor.of(1.0, 2.0, 3.0));   // F64 operand: computed in F64, stored as F32
        assertArrayEquals(new double[] {1, 2, 3}, w.toDoubleArray(), 0.0);
    }

    @Test
    void indexPutWritesOrAccumulatesRowsByIndexOrMask() {
        Tensor x = Tensor.zeros(DType.F64, 4, 2);
        Tensor vals = Tensor.of(new double[] {1, 1, 2, 2, 3, 3}, 3, 2);
        x.indexPut_(Tensor.of(new long[] {0, 2, -1}), vals, false);
        assertArrayEquals(new double[] {1, 1, 0, 0, 2, 2, 3, 3}, x.toDoubleArray(), 0.0);
        x.indexPut_(Tensor.of(new int[] {1, 1, 3}), Tensor.ones(DType.F64, 2), true);          // duplicates add up
        assertArrayEquals(new double[] {1, 1, 2, 2, 2, 2, 4, 4}, x.toDoubleArray(), 0.0);
        x.indexPut_(Tensor.of(true, false, true, false), Tensor.scalar(5, DType.F64), false);
        assertArrayEquals(new double[] {5, 5, 2, 2, 5, 5, 4, 4}, x.toDoubleArray(), 0.0);
        var e = assertThrows(IndexOutOfBoundsException.class, () -> x.indexPut_(Tensor.of(new long[] {4}), Tensor.scalar(1, DType.F64), false));
        assertTrue(e.getMessage().equals("index_put_: input (4, 2): index 4 is out of range for dim 0 of size 4"), e.getMessage());
        var s = assertThrows(IllegalArgumentException.class, () -> x.indexPut_(Tensor.of(new long[] {0, 1}), Tensor.ones(DType.F64, 3, 2), false));
        assertTrue(s.getMessage().contains("values (3, 2) do not broadcast to the indexed shape (2, 2)"), s.getMessage());
        assertArrayEquals(new double[] {5, 5, 2, 2, 5, 5, 4, 4}, x.toDoubleArray(), 0.0, "refusals leave the data alone");
    }
}
