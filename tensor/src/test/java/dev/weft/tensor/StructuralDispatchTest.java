package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The structural ops as the rest of Weft sees them: the scalar and SIMD kernels give the same tensors
 * (bit for bit where the kernels promise it: data movement and pooling), and composite ops reach the
 * recording hook as the primitives autograd will differentiate.
 */
class StructuralDispatchTest {

    private static List<Tensor> under(KernelImpl impl, Supplier<List<Tensor>> body) {
        KernelImpl before = KernelImpl.current();
        KernelImpl.set(impl);
        try {
            return body.get();
        } finally {
            KernelImpl.set(before);
        }
    }

    /** Ops whose kernels move data or keep the scalar order: expected bit-identical. */
    private static List<Tensor> exactOps() {
        Generator g = new Generator(11);
        List<Tensor> out = new ArrayList<>();
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            Tensor x = Tensor.randn(g, dt, 2, 3, 9, 17);
            out.add(Convolution.unfold(x, new int[] {3, 2}, new int[] {1, 2}, new int[] {1, 0}, new int[] {2, 1}));
            out.add(Convolution.fold(Tensor.randn(g, dt, 2, 12, 45), new int[] {9, 17}, new int[] {2, 3}, new int[] {1}, new int[] {1},
                    new int[] {2, 2}));
            ValuesIndices mp = Pooling.maxPool2dWithIndices(x, new int[] {3, 3}, new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 2}, true);
            out.add(mp.values());
            out.add(mp.indices());
            out.add(Pooling.maxPool2dBackward(mp.values(), mp.indices(), 9, 17));
            out.add(Pooling.avgPool2d(x, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}, true, false));
            out.add(Pooling.avgPool2dBackward(Tensor.randn(g, dt, 2, 3, 5, 18), 9, 17, new int[] {3, 2}, new int[] {2, 1},
                    new int[] {1, 1}, true, false));
            out.add(x.gt(0.5).nonzero());
            out.add(x.maskedSelect(x.lt(0.0)));
        }
        return out;
    }

    /** Ops whose SIMD kernels reassociate sums (GEMM, axpy, dot): expected equal to rounding. */
    private static List<Tensor> roundedOps() {
        Generator g = new Generator(12);
        List<Tensor> out = new ArrayList<>();
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            Tensor x = Tensor.randn(g, dt, 2, 4, 11, 13), w = Tensor.randn(g, dt, 6, 2, 3, 3);
            out.add(Convolution.conv2d(x, w, Tensor.randn(g, dt, 6), new int[] {1, 2}, new int[] {1}, new int[] {2, 1}, 2));
            out.add(Tensor.randn(g, dt, 7, 17).indexAdd(0, Tensor.of(1L, 6L, 1L), Tensor.randn(g, dt, 3, 17), 0.5));
            Tensor a = LinalgTest.wellConditioned(g, dt, 3, 9, 9);
            out.add(Linalg.solve(a, Tensor.randn(g, dt, 3, 9, 2)));
            out.add(Linalg.qr(a).R());
            out.add(Linalg.det(a));
            out.add(Linalg.cholesky(LinalgTest.spd(g, dt, 2, 7, 7)));
        }
        return out;
    }

    @Test
    void scalarAndSimdKernelsAgree() {
        List<Tensor> s = under(KernelImpl.SCALAR, StructuralDispatchTest::exactOps), v = under(KernelImpl.SIMD, StructuralDispatchTest::exactOps);
        for (int i = 0; i < s.size(); i++) {
            assertArrayEquals(s.get(i).shape(), v.get(i).shape(), "exact op " + i);
            assertArrayEquals(s.get(i).toDoubleArray(), v.get(i).toDoubleArray(), "exact op " + i);
        }
        List<Tensor> rs = under(KernelImpl.SCALAR, StructuralDispatchTest::roundedOps), rv = under(KernelImpl.SIMD, StructuralDispatchTest::roundedOps);
        for (int i = 0; i < rs.size(); i++) {
            double tol = rs.get(i).dtype() == DType.F32 ? 1e-4 : 1e-11;
            assertTrue(rv.get(i).allclose(rs.get(i), tol, tol), "rounded op " + i);
        }
    }

    @Test
    void compositesReachTheRecorderAsPrimitives() {
        List<String> names = new ArrayList<>();
        Recorder rec = (op, in, out) -> {
            names.add(op.name());
            for (Tensor o : out) if (o.dtype().isFloatingPoint()) o.requiresGrad(true); // as autograd marks outputs
        };
        Recorder before = Dispatch.setRecorder(rec);
        try {
            Tensor x = Tensor.randn(new Generator(1), DType.F64, 1, 2, 5, 5).requiresGrad(true);
            Convolution.conv2d(x, Tensor.ones(DType.F64, 3, 2, 3, 3), Tensor.zeros(DType.F64, 3));
            // on the CPU the convolution is one fused primitive (its columns never become a tensor), its bias added inside
            assertTrue(names.contains("conv2d") && !names.contains("add") && !names.contains("unfold"), names.toString());
            names.clear();
            Joining.pad(x, new int[] {1, 1}, "reflect", 0);
            assertEquals(List.of("index_select"), names);
            names.clear();
            x.roll(2, 3);
            assertTrue(names.contains("cat"), names.toString());
            names.clear();
            Pooling.maxPool1d(x.select(2, 0), 2);
            assertTrue(names.contains("max_pool2d"), names.toString());
            names.clear();
            x.reshape(-1).topk(3).values();
            assertTrue(names.contains("topk"), names.toString());
            names.clear();
            Linalg.logdet(x.select(0, 0).select(0, 0).add(Tensor.eye(5, 5, DType.F64).mul(10.0)));
            assertTrue(names.containsAll(List.of("linalg.slogdet", "log", "add")), names.toString());
        } finally {
            Dispatch.setRecorder(before);
        }
    }
}
