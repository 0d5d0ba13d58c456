package dev.weft.bench.jmh;

import dev.weft.kernels.gemm.GemmScalar;
import dev.weft.kernels.gemm.GemmSimd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * JMH timing of square SGEMM (C = A @ B, n x n x n): the SIMD kernel at 256/512/1024 and the scalar
 * reference at 256. GFLOP/s = 2 n^3 / time. Threads: the kernels' pool default (-Dweft.threads=N).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmJmh {

    @State(Scope.Thread)
    public static class SimdSize {
        @Param({"256", "512", "1024"})
        public int n;
        float[] a, b, c;

        @Setup
        public void setup() {
            a = random(n * n, 1);
            b = random(n * n, 2);
            c = new float[n * n];
        }
    }

    @State(Scope.Thread)
    public static class ScalarSize {
        @Param({"256"})
        public int n;
        float[] a, b, c;

        @Setup
        public void setup() {
            a = random(n * n, 1);
            b = random(n * n, 2);
            c = new float[n * n];
        }
    }

    static float[] random(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = (float) r.nextDouble(-1, 1);
        return x;
    }

    @Benchmark
    public float[] sgemmSimd(SimdSize s) {
        GemmSimd.sgemm(false, false, s.n, s.n, s.n, 1f, s.a, 0, s.n, s.b, 0, s.n, 0f, s.c, 0, s.n);
        return s.c;
    }

    @Benchmark
    public float[] sgemmScalar(ScalarSize s) {
        GemmScalar.sgemm(false, false, s.n, s.n, s.n, 1f, s.a, 0, s.n, s.b, 0, s.n, 0f, s.c, 0, s.n);
        return s.c;
    }
}
