package dev.weft.tensor;

import dev.weft.tensor.core.DType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.KernelImpl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every tensor op family gives the same values under the scalar and the SIMD kernels (-Dweft.kernels),
 * on sizes with vector tails and on non-contiguous operands. Float results agree to a few ulps
 * (SIMD sums associate differently); integer and BOOL results exactly.
 */
class KernelImplEquivalenceTest {

    private static Map<String, Function<Tensor[], Tensor>> ops() {
        Map<String, Function<Tensor[], Tensor>> m = new LinkedHashMap<>();
        m.put("exp", t -> t[0].exp());
        m.put("tanh", t -> t[0].tanh());
        m.put("sigmoid", t -> t[0].sigmoid());
        m.put("gelu", t -> t[0].gelu());
        m.put("silu", t -> t[0].silu());
        m.put("log1p(abs)", t -> t[0].abs().log1p());
        m.put("add bcast", t -> t[0].add(t[1]));
        m.put("mul T", t -> t[0].mul(t[0].t().contiguous().t().exp()));
        m.put("div", t -> t[0].div(t[1].add(3)));
        m.put("maximum", t -> t[0].maximum(t[1]));
        m.put("lt", t -> t[0].lt(t[1]));
        m.put("where", t -> Tensor.where(t[0].gt(0), t[0], t[1]));
        m.put("sum(1)", t -> t[0].sum(1));
        m.put("sum(0)", t -> t[0].sum(0));
        m.put("sum", t -> t[0].sum());
        m.put("amax(1)", t -> t[0].amax(1));
        m.put("argmax(0)", t -> t[0].argmax(0));
        m.put("var(1)", t -> t[0].var(1));
        m.put("softmax(1)", t -> t[0].softmax(1));
        m.put("logSoftmax(0)", t -> t[0].logSoftmax(0));
        m.put("logsumexp(1)", t -> t[0].logsumexp(1));
        m.put("cumsum(1)", t -> t[0].cumsum(1));
        m.put("matmul", t -> t[0].matmul(t[2]));
        m.put("irfft(rfft(0))", t -> Fft.irfft(Fft.rfft(t[0].t(), 0), 61, 0, "ortho"));
        m.put("matmul T", t -> t[2].t().matmul(t[0].t()));
        m.put("i64 add", t -> t[3].add(t[3]).mul(3L));
        m.put("i64 sum", t -> t[3].sum(0));
        return m;
    }

    @Test
    void scalarAndSimdAgree() {
        KernelImpl before = KernelImpl.current();
        for (DType dt : new DType[] {DType.F32, DType.F64}) {
            Generator g = new Generator(99);
            Tensor a = Tensor.randn(g, dt, 37, 67);
            Tensor b = Tensor.randn(g, dt, 67);
            Tensor c = Tensor.randn(g, dt, 67, 19);
            Tensor i = Tensor.randint(g, -50, 50, 37, 67);
            Tensor[] in = {a, b, c, i};
            try {
                for (var e : ops().entrySet()) {
                    KernelImpl.set(KernelImpl.SCALAR);
                    Tensor s = e.getValue().apply(in);
                    KernelImpl.set(KernelImpl.SIMD);
                    Tensor v = e.getValue().apply(in);
                    String what = e.getKey() + " " + dt;
                    assertEquals(s.dtype(), v.dtype(), what);
                    if (s.dtype().isFloatingPoint()) {
                        double tol = s.dtype() == DType.F32 ? 1e-5 : 1e-12;
                        assertTrue(v.allclose(s, tol, tol), what + ": simd " + v + " vs scalar " + s);
                    } else {
                        assertTrue(v.equal(s), what);
                    }
                }
            } finally {
                KernelImpl.set(before);
            }
        }
    }
}
