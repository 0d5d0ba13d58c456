package dev.weft.bench.jmh;

import dev.weft.kernels.elementwise.BinaryFn;
import dev.weft.kernels.elementwise.BinaryScalar;
import dev.weft.kernels.elementwise.BinarySimd;
import dev.weft.kernels.elementwise.UnaryFn;
import dev.weft.kernels.elementwise.UnaryScalar;
import dev.weft.kernels.elementwise.UnarySimd;
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
 * JMH timing of the single-threaded elementwise kernels (no facade, no pool): add, mul, exp, relu on F32,
 * scalar reference vs SIMD, at an L1-resident, an L2/L3-resident and a DRAM-sized length.
 * GB/s = (12 bytes per element for add/mul, 8 for exp/relu) / time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ElementwiseJmh {

    @Param({"1024", "262144", "16777216"})
    public int n;

    @Param({"scalar", "simd"})
    public String impl;

    float[] a, b, y;
    boolean simd;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(n);
        a = new float[n];
        b = new float[n];
        y = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble(-4, 4);
            b[i] = (float) r.nextDouble(-4, 4);
        }
        simd = impl.equals("simd");
    }

    private float[] binary(BinaryFn fn) {
        if (simd) BinarySimd.apply(fn, a, 0, 1, b, 0, 1, y, 0, 1, n);
        else BinaryScalar.apply(fn, a, 0, 1, b, 0, 1, y, 0, 1, n);
        return y;
    }

    private float[] unary(UnaryFn fn) {
        if (simd) UnarySimd.apply(fn, 0, 0, a, 0, 1, y, 0, 1, n);
        else UnaryScalar.apply(fn, 0, 0, a, 0, 1, y, 0, 1, n);
        return y;
    }

    @Benchmark
    public float[] add() {
        return binary(BinaryFn.ADD);
    }

    @Benchmark
    public float[] mul() {
        return binary(BinaryFn.MUL);
    }

    @Benchmark
    public float[] exp() {
        return unary(UnaryFn.EXP);
    }

    @Benchmark
    public float[] relu() {
        return unary(UnaryFn.RELU);
    }
}
