package dev.weft.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.kernels.elementwise.Binary;
import dev.weft.kernels.elementwise.BinaryFn;
import dev.weft.kernels.elementwise.Unary;
import dev.weft.kernels.elementwise.UnaryFn;
import dev.weft.kernels.gemm.Gemm;
import dev.weft.kernels.loss.CrossEntropyGradTest;
import dev.weft.kernels.reduce.Reduce;
import dev.weft.kernels.reduce.ReduceFn;
import dev.weft.kernels.reduce.Scan;
import dev.weft.kernels.reduce.Softmax;
import dev.weft.kernels.rnn.Cells;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Same bits in every JIT tier: the SIMD kernels run once cold, in a child JVM with {@code -Xint} (the
 * Vector API's Java fallback, interpreted) and with {@code -XX:TieredStopAtLevel=1} (the fallback compiled by
 * C1, no intrinsics), and warm in this JVM after seconds of calls (C2 with the intrinsics); each kernel's
 * output bits must agree. Sizes stay below the parallel grain, so one thread computes everything.
 */
class JitTierBitsTest {

    /** Digest (FNV-1a over the raw bits) of each kernel's output on fixed inputs, one call each. */
    static Map<String, Long> digests() {
        Map<String, Long> d = new LinkedHashMap<>();
        SplittableRandom r = new SplittableRandom(20261206);
        int outer = 12, len = 301, inner = 7;
        float[] xf = gauss(r, outer * len * inner, 3);
        double[] xd = new double[xf.length];
        for (int i = 0; i < xf.length; i++) xd[i] = xf[i] + r.nextDouble() * 1e-3;
        float[] yf = new float[xf.length];
        double[] yd = new double[xd.length];
        for (int in : new int[] {1, inner}) {
            int rr = xf.length / (outer * in);
            for (ReduceFn fn : new ReduceFn[] {ReduceFn.SUM, ReduceFn.PROD, ReduceFn.MAX}) {
                float[] sf = new float[outer * in];
                double[] sd = new double[outer * in];
                Reduce.reduce(fn, xf, 0, outer, rr, in, sf, 0);
                Reduce.reduce(fn, xd, 0, outer, rr, in, sd, 0);
                d.put("reduce " + fn + " inner " + in + " F32", fnv(sf));
                d.put("reduce " + fn + " inner " + in + " F64", fnv(sd));
            }
            float[] mf = new float[outer * in], vf = new float[outer * in];
            double[] md = new double[outer * in], vd = new double[outer * in];
            Reduce.meanVar(xf, 0, outer, rr, in, 1, mf, 0, vf, 0);
            Reduce.meanVar(xd, 0, outer, rr, in, 1, md, 0, vd, 0);
            d.put("meanVar inner " + in + " F32", fnv(mf) ^ 31 * fnv(vf));
            d.put("meanVar inner " + in + " F64", fnv(md) ^ 31 * fnv(vd));
            Softmax.softmax(xf, 0, outer, rr, in, yf, 0);
            Softmax.softmax(xd, 0, outer, rr, in, yd, 0);
            d.put("softmax inner " + in + " F32", fnv(yf));
            d.put("softmax inner " + in + " F64", fnv(yd));
            Softmax.logSoftmax(xf, 0, outer, rr, in, yf, 0);
            Softmax.logSoftmax(xd, 0, outer, rr, in, yd, 0);
            d.put("logSoftmax inner " + in + " F32", fnv(yf));
            d.put("logSoftmax inner " + in + " F64", fnv(yd));
            float[] lf = new float[outer * in];
            double[] ld = new double[outer * in];
            Softmax.logSumExp(xf, 0, outer, rr, in, lf, 0);
            Softmax.logSumExp(xd, 0, outer, rr, in, ld, 0);
            d.put("logSumExp inner " + in + " F32", fnv(lf));
            d.put("logSumExp inner " + in + " F64", fnv(ld));
            Scan.cumsum(xf, 0, outer, rr, in, yf, 0);
            Scan.cumsum(xd, 0, outer, rr, in, yd, 0);
            d.put("cumsum inner " + in + " F32", fnv(yf));
            d.put("cumsum inner " + in + " F64", fnv(yd));
        }
        int n = 2000;
        for (UnaryFn fn : UnaryFn.values()) {
            if (fn == UnaryFn.NOT) continue;   // BOOL only
            Unary.apply(fn, 0.25, 0.75, xf, 0, 1, yf, 0, 1, n);
            Unary.apply(fn, 0.25, 0.75, xd, 0, 1, yd, 0, 1, n);
            d.put("unary " + fn + " F32", fnv(yf));
            d.put("unary " + fn + " F64", fnv(yd));
        }
        for (BinaryFn fn : BinaryFn.values()) {
            if (!fn.onFloat()) continue;
            Binary.apply(fn, xf, 0, 1, xf, n, 1, yf, 0, 1, n);
            Binary.apply(fn, xd, 0, 1, xd, n, 1, yd, 0, 1, n);
            d.put("binary " + fn + " F32", fnv(yf));
            d.put("binary " + fn + " F64", fnv(yd));
        }
        CrossEntropyGradTest.Case ce = CrossEntropyGradTest.Case.random(new SplittableRandom(7), 9, 301, true);
        d.put("crossEntropyGrad F32", fnv(ce.simdF32()));
        d.put("crossEntropyGrad F64", fnv(ce.simdF64()));
        int m = 37, k = 53, c = 29;
        float[] cf = new float[m * c];
        double[] cd = new double[m * c];
        Gemm.sgemm(false, true, m, c, k, 1, xf, 0, k, xf, 5000, k, 0, cf, 0, c);
        Gemm.dgemm(true, false, m, c, k, 1, xd, 0, m, xd, 5000, c, 0, cd, 0, c);
        d.put("gemm F32", fnv(cf));
        d.put("gemm F64", fnv(cd));
        convs(d, xf, xd);
        for (int fn : new int[] {256, 100}) {                       // radix-2 and Bluestein
            float[] ff = new float[2 * 3 * fn];
            double[] fd = new double[ff.length];
            dev.weft.kernels.fft.Fft.c2c(xf, 0, 3, fn, 1, false, 1f, ff, 0);
            dev.weft.kernels.fft.Fft.c2c(xd, 0, 3, fn, 1, true, 1.0 / fn, fd, 0);
            d.put("fft c2c n " + fn + " F32", fnv(ff));
            d.put("fft c2c n " + fn + " F64", fnv(fd));
        }
        cells(d, xf, xd);
        sparse(d, xf, xd);
        random(d);
        return d;
    }

    /** The bulk Philox fills (vector lanes as blocks, a tail of single blocks), across the 2^32 counter carry. */
    private static void random(Map<String, Long> d) {
        float[] bf = new float[1003], uf = new float[1003];
        double[] bd = new double[1003], ud = new double[1003];
        long key = 0x0123_4567_89AB_CDEFL, counter = 0xFFFF_FF00L;
        dev.weft.kernels.random.RandomFill.bernoulli(key, counter, 0.37, bf, 0, bf.length);
        dev.weft.kernels.random.RandomFill.bernoulli(key, counter, 0.37, bd, 0, bd.length);
        dev.weft.kernels.random.RandomFill.uniform(key, counter, -1.5, 2, uf, 0, uf.length);
        dev.weft.kernels.random.RandomFill.uniform(key, counter, -1.5, 2, ud, 0, ud.length);
        d.put("bernoulli F32", fnv(bf));
        d.put("bernoulli F64", fnv(bd));
        d.put("uniform F32", fnv(uf));
        d.put("uniform F64", fnv(ud));
    }

    /** CSR times dense over a 40-row pattern with empty rows and a 37-column dense operand (a vector tail). */
    private static void sparse(Map<String, Long> d, float[] xf, double[] xd) {
        int m = 40, k = 30, n = 37;
        int[] rowPtr = new int[m + 1];
        for (int i = 0; i < m; i++) rowPtr[i + 1] = rowPtr[i] + (i % 5 == 0 ? 0 : 1 + i % 7);
        int[] col = new int[rowPtr[m]];
        for (int p = 0; p < col.length; p++) col[p] = (p * 7 + 3) % k;
        float[] yf = new float[m * n];
        double[] yd = new double[m * n];
        dev.weft.kernels.sparse.SpMM.spmm(m, k, n, rowPtr, col, 0, xf, 5000, xf, 0, n, yf, 0, n);
        dev.weft.kernels.sparse.SpMM.spmm(m, k, n, rowPtr, col, 0, xd, 5000, xd, 0, n, yd, 0, n);
        d.put("spmm F32", fnv(yf));
        d.put("spmm F64", fnv(yd));
        float[] sf = new float[col.length];
        double[] sd = new double[col.length];
        dev.weft.kernels.sparse.Sddmm.sddmm(m, k, n, rowPtr, col, 0, xf, 0, n, xf, 3000, n, sf, 0);
        dev.weft.kernels.sparse.Sddmm.sddmm(m, k, n, rowPtr, col, 0, xd, 0, n, xd, 3000, n, sd, 0);
        d.put("sddmm F32", fnv(sf));
        d.put("sddmm F64", fnv(sd));
        for (dev.weft.kernels.sparse.SegmentFn fn : dev.weft.kernels.sparse.SegmentFn.values()) {
            long[] af = fn.hasArg() ? new long[m * n] : null, ad = fn.hasArg() ? new long[m * n] : null;
            dev.weft.kernels.sparse.Segment.reduce(fn, m, n, rowPtr, xf, 0, n, yf, 0, n, af, 0);
            dev.weft.kernels.sparse.Segment.reduce(fn, m, n, rowPtr, xd, 0, n, yd, 0, n, ad, 0);
            d.put("segment " + fn + " F32", fnv(yf) ^ (af == null ? 0 : 31 * java.util.Arrays.hashCode(af)));
            d.put("segment " + fn + " F64", fnv(yd) ^ (ad == null ? 0 : 31 * java.util.Arrays.hashCode(ad)));
        }
    }

    /** The conv weight gradient (batch-summed lane chains, masked tails), product (overlapping tail tile) and 2x2/s2 max pooling. */
    private static void convs(Map<String, Long> d, float[] xf, double[] xd) {
        int b = 3, co = 5, k = 7, l = 37;
        float[] wf = new float[co * k];
        double[] wd = new double[co * k];
        dev.weft.kernels.conv.WeightGrad.weightGrad(xf, 0, xf, 2000, b, 1, co, k, l, wf, 0);
        dev.weft.kernels.conv.WeightGrad.weightGrad(xd, 0, xd, 2000, b, 1, co, k, l, wd, 0);
        d.put("conv weightGrad F32", fnv(wf));
        d.put("conv weightGrad F64", fnv(wd));
        float[] yf = new float[b * co * 45];
        double[] yd = new double[b * co * 45];
        dev.weft.kernels.conv.ConvMatmul.matmul(xf, 0, 1, co, xf, 2000, b, 1, co, 7, 45, yf, 0);   // transposed weight, tail tile
        dev.weft.kernels.conv.ConvMatmul.matmul(xd, 0, 7, 1, xd, 2000, b, 1, co, 7, 45, yd, 0);
        d.put("conv matmul F32", fnv(yf));
        d.put("conv matmul F64", fnv(yd));
        // the fused products on a padded 6x9 image, 5 samples (a short last weight-gradient group)
        int fb = 5, fc = 2, fh = 6, fw = 9, fo = 3, fk = fc * 9, fl = fh * fw;
        float[] fy = new float[fb * fo * fl], fgw = new float[fo * fk], fgx = new float[fb * fc * fh * fw];
        double[] dy = new double[fb * fo * fl], dgw = new double[fo * fk], dgx = new double[fb * fc * fh * fw];
        dev.weft.kernels.conv.ConvFused.conv2d(xf, 0, fb, fc, fh, fw, xf, 3000, 1, fo, 3, 3, 1, 1, 1, 1, 1, 1, fy, 0);
        dev.weft.kernels.conv.ConvFused.weightGrad(xf, 1000, xf, 0, fb, fc, fh, fw, 1, fo, 3, 3, 1, 1, 1, 1, 1, 1, fgw, 0);
        dev.weft.kernels.conv.ConvFused.inputGrad(xf, 1000, xf, 3000, fb, fc, fh, fw, 1, fo, 3, 3, 1, 1, 1, 1, 1, 1, fgx, 0);
        dev.weft.kernels.conv.ConvFused.conv2d(xd, 0, fb, fc, fh, fw, xd, 3000, 1, fo, 3, 3, 1, 1, 1, 1, 1, 1, dy, 0);
        dev.weft.kernels.conv.ConvFused.weightGrad(xd, 1000, xd, 0, fb, fc, fh, fw, 1, fo, 3, 3, 1, 1, 1, 1, 1, 1, dgw, 0);
        dev.weft.kernels.conv.ConvFused.inputGrad(xd, 1000, xd, 3000, fb, fc, fh, fw, 1, fo, 3, 3, 1, 1, 1, 1, 1, 1, dgx, 0);
        d.put("conv fused F32", fnv(fy) ^ 31 * fnv(fgw) ^ 961 * fnv(fgx));
        d.put("conv fused F64", fnv(dy) ^ 31 * fnv(dgw) ^ 961 * fnv(dgx));
        // 16 output channels: the channels-as-lanes forward and weight gradient (above: the wide-row forward)
        int lo = 16;
        float[] ly = new float[fb * lo * fl], lgw = new float[lo * fk];
        double[] ldy = new double[fb * lo * fl], ldgw = new double[lo * fk];
        dev.weft.kernels.conv.ConvFused.conv2d(xf, 0, fb, fc, fh, fw, xf, 3000, 1, lo, 3, 3, 1, 1, 1, 1, 1, 1, ly, 0);
        dev.weft.kernels.conv.ConvFused.weightGrad(xf, 1000, xf, 0, fb, fc, fh, fw, 1, lo, 3, 3, 1, 1, 1, 1, 1, 1, lgw, 0);
        dev.weft.kernels.conv.ConvFused.conv2d(xd, 0, fb, fc, fh, fw, xd, 3000, 1, lo, 3, 3, 1, 1, 1, 1, 1, 1, ldy, 0);
        dev.weft.kernels.conv.ConvFused.weightGrad(xd, 1000, xd, 0, fb, fc, fh, fw, 1, lo, 3, 3, 1, 1, 1, 1, 1, 1, ldgw, 0);
        d.put("conv fused lanes F32", fnv(ly) ^ 31 * fnv(lgw));
        d.put("conv fused lanes F64", fnv(ldy) ^ 31 * fnv(ldgw));
        int c = 3, h = 10, w = 28, n = c * (h / 2) * (w / 2);
        float[] pf = new float[n];
        double[] pd = new double[n];
        long[] i1 = new long[n], i2 = new long[n];
        dev.weft.kernels.conv.Pool.maxPool2d(xf, 0, c, h, w, 2, 2, 2, 2, 0, 0, 1, 1, false, pf, 0, i1, 0);
        dev.weft.kernels.conv.Pool.maxPool2d(xd, 0, c, h, w, 2, 2, 2, 2, 0, 0, 1, 1, false, pd, 0, i2, 0);
        d.put("maxPool2d 2x2 F32", fnv(pf) ^ 31 * java.util.Arrays.hashCode(i1));
        d.put("maxPool2d 2x2 F64", fnv(pd) ^ 31 * java.util.Arrays.hashCode(i2));
    }

    /** The fused LSTM and GRU cells, forward and backward (the backward reads the forward's gates and states). */
    private static void cells(Map<String, Long> d, float[] xf, double[] xd) {
        int b = 3, h = 37, w = 4 * h;
        float[] hf = new float[b * h], cf = new float[b * h], gf = new float[b * w], pf = new float[b * w], ef = new float[b * h];
        double[] hd = new double[b * h], cd = new double[b * h], gd = new double[b * w], pd = new double[b * w], ed = new double[b * h];
        Cells.lstm(b, h, xf, 0, w, xf, 1000, w, xf, 2000, xf, 3000, h, hf, 0, cf, 0, gf, 0);
        Cells.lstm(b, h, xd, 0, w, xd, 1000, w, xd, 2000, xd, 3000, h, hd, 0, cd, 0, gd, 0);
        Cells.lstmBackward(b, h, xf, 4000, h, xf, 5000, h, gf, 0, w, xf, 3000, h, cf, 0, h, pf, 0, ef, 0);
        Cells.lstmBackward(b, h, xd, 4000, h, xd, 5000, h, gd, 0, w, xd, 3000, h, cd, 0, h, pd, 0, ed, 0);
        d.put("lstm cell F32", fnv(hf) ^ 31 * fnv(cf) ^ 961 * fnv(gf));
        d.put("lstm cell F64", fnv(hd) ^ 31 * fnv(cd) ^ 961 * fnv(gd));
        d.put("lstm cell backward F32", fnv(pf) ^ 31 * fnv(ef));
        d.put("lstm cell backward F64", fnv(pd) ^ 31 * fnv(ed));
        int v = 3 * h;
        float[] sf = new float[b * w], xg = new float[b * v], yg = new float[b * v];
        double[] sd = new double[b * w], xh = new double[b * v], yh = new double[b * v];
        Cells.gru(b, h, xf, 0, v, xf, 1000, v, xf, 2000, xf, 3000, h, hf, 0, sf, 0);
        Cells.gru(b, h, xd, 0, v, xd, 1000, v, xd, 2000, xd, 3000, h, hd, 0, sd, 0);
        Cells.gruBackward(b, h, xf, 4000, h, sf, 0, w, xf, 3000, h, xg, 0, yg, 0, ef, 0);
        Cells.gruBackward(b, h, xd, 4000, h, sd, 0, w, xd, 3000, h, xh, 0, yh, 0, ed, 0);
        d.put("gru cell F32", fnv(hf) ^ 31 * fnv(sf));
        d.put("gru cell F64", fnv(hd) ^ 31 * fnv(sd));
        d.put("gru cell backward F32", fnv(xg) ^ 31 * fnv(yg) ^ 961 * fnv(ef));
        d.put("gru cell backward F64", fnv(xh) ^ 31 * fnv(yh) ^ 961 * fnv(ed));
    }

    /** Prints each digest as "name=hex": the child JVM's side. */
    public static void main(String[] args) {
        digests().forEach((name, h) -> System.out.println(name + "=" + Long.toHexString(h)));
    }

    @Test
    void coldAndWarmKernelsGiveTheSameBits() throws Exception {
        Map<String, Long> first = digests();
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 3_000_000_000L) digests();   // long enough for C2 with the intrinsics
        Map<String, Long> warm = digests();
        assertEquals(first.size(), warm.size());
        for (String mode : new String[] {"-Xint", "-XX:TieredStopAtLevel=1"}) {
            Map<String, String> cold = child(mode);
            List<String> differ = new ArrayList<>();
            warm.forEach((name, h) -> {
                if (!Long.toHexString(h).equals(cold.get(name))) differ.add(name);
            });
            assertEquals(List.of(), differ, "kernels whose bits differ between " + mode + " and warm C2 (" + cold.size() + " compared)");
        }
    }

    private static Map<String, String> child(String mode) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "--add-modules", "jdk.incubator.vector", mode, "-Dweft.threads=1"));
        // the same vector width as this JVM (e.g. -XX:MaxVectorSize=32), or lane counts and so the bits would differ
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:MaxVectorSize") || a.startsWith("-XX:UseAVX")) cmd.add(a);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), JitTierBitsTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        Map<String, String> out = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                int eq = line.lastIndexOf('=');
                if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM " + mode + " did not finish in 120 s");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "child JVM " + mode + " failed: " + err);
        return out;
    }

    private static float[] gauss(SplittableRandom r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble(), w = r.nextDouble();
            v[i] = (float) (scale * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w));
        }
        return v;
    }

    private static long fnv(float[] a) {
        long h = 0xcbf29ce484222325L;
        for (float v : a) h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
        return h;
    }

    private static long fnv(double[] a) {
        long h = 0xcbf29ce484222325L;
        for (double v : a) h = (h ^ Double.doubleToRawLongBits(v)) * 0x100000001b3L;
        return h;
    }
}
