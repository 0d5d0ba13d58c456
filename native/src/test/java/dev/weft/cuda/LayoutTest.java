package dev.weft.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.cuda.ffm.Cublas;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

/** The host-side layout arithmetic the kernels depend on: broadcasting, dim picking, cuBLAS operand layouts. */
class LayoutTest {
    private static Strided view(int[] shape, int[] stride, int offset, int length) {
        return Strided.of(CpuBackend.INSTANCE.allocate(DType.F32, length), shape, stride, offset);
    }

    @Test
    void broadcastStridesAreRightAlignedWithZerosWhereTheInputRepeats() {
        Strided row = view(new int[] {1, 3}, new int[] {3, 1}, 0, 3);
        assertArrayEquals(new int[] {0, 0, 1}, Views.broadcastStrides(row, new int[] {2, 4, 3}));
        Strided col = view(new int[] {4, 1}, new int[] {5, 1}, 2, 20);
        assertArrayEquals(new int[] {5, 0}, Views.broadcastStrides(col, new int[] {4, 3}));
        Strided scalar = view(new int[] {}, new int[] {}, 0, 1);
        assertArrayEquals(new int[] {0, 0}, Views.broadcastStrides(scalar, new int[] {2, 2}));
        assertThrows(IllegalArgumentException.class, () -> Views.broadcastStrides(col, new int[] {3, 3}));
    }

    @Test
    void pickSplitsKeptAndReducedDims() {
        int[] shape = {2, 3, 4, 5};
        assertArrayEquals(new int[] {2, 4}, Views.pick(shape, new int[] {1, 3}, false));
        assertArrayEquals(new int[] {3, 5}, Views.pick(shape, new int[] {1, 3}, true));
        assertArrayEquals(new int[] {2, 3, 5}, Views.without(shape, 2));
        assertEquals(120, Views.prod(shape));
        assertEquals(1, Views.prod(new int[] {}));
    }

    @Test
    void coalesceMergesDimsEveryViewWalksAsOne() {
        // contiguous (2, 3, 4) with a broadcast row (stride 0 on dims 0 and 1): dims 0 and 1 merge for both
        int[][] c = Views.coalesce(new int[] {2, 3, 4}, new int[] {12, 4, 1}, new int[] {0, 0, 1});
        assertArrayEquals(new int[] {6, 4}, c[0]);
        assertArrayEquals(new int[] {4, 1}, c[1]);
        assertArrayEquals(new int[] {0, 1}, c[2]);
        // a transposed view blocks merging; size-1 dims vanish
        int[][] t = Views.coalesce(new int[] {3, 1, 4}, new int[] {1, 7, 3});
        assertArrayEquals(new int[] {3, 4}, t[0]);
        assertArrayEquals(new int[] {1, 3}, t[1]);
        // a 9-d contiguous view becomes 1-d, inside the kernels' 8-dim limit
        int[] nine = {2, 2, 2, 2, 2, 2, 2, 2, 2};
        int[][] flat = Views.coalesce(nine, dev.weft.tensor.core.Shape.contiguousStrides(nine));
        assertArrayEquals(new int[] {512}, flat[0]);
        assertArrayEquals(new int[] {1}, flat[1]);
        assertArrayEquals(new int[] {}, Views.coalesce(new int[] {1, 1}, new int[] {5, 9})[0]);
    }

    @Test
    void blasLayoutReadsRowMajorAndTransposedOperandsInPlace() {
        // row-major (3, 4): column-major 4 x 3 with ld 4, no transpose
        assertArrayEquals(new int[] {Cublas.OP_N, 4}, Gemm.blasLayout(3, 4, 4, 1));
        // a transposed view of a row-major (4, 3): strides (1, 3) -> transpose with ld 3
        assertArrayEquals(new int[] {Cublas.OP_T, 3}, Gemm.blasLayout(3, 4, 1, 3));
        // padded rows (ld 8 > 4) are fine
        assertArrayEquals(new int[] {Cublas.OP_N, 8}, Gemm.blasLayout(3, 4, 8, 1));
        // neither stride is 1: the GEMM kernel takes it instead
        assertNull(Gemm.blasLayout(3, 4, 8, 2));
        // an expanded (stride 0) row dim cannot be a leading dimension
        assertNull(Gemm.blasLayout(3, 4, 0, 1));
    }

    @Test
    void unsupportedOpsNameTheBackendAndTheOp() {
        var e = CudaBackend.unsupported(new dev.weft.tensor.op.ReduceOp.Var(new int[] {0}, 1, false), "i64");
        assertEquals("CudaBackend: var (Var) on i64 is not implemented on CUDA yet; move the tensor to the CPU for it (tensor.to(Device.CPU))",
                e.getMessage());
    }
}
