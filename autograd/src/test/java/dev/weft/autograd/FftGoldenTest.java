package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Fft;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * torch.fft against PyTorch 1.13: each case's output and the gradient of sum(y * w), in F64 within 1e-10,
 * and the output again in F32 within 1e-5 of the largest value, from golden/fft_golden.txt written by
 * autograd/src/test/python/make_fft_golden.py (CI never runs Python). Each function below is the Java twin
 * of the one of the same name in that script; complex tensors are (..., 2) pairs on both sides.
 */
class FftGoldenTest {
    static {
        Autograd.install();
    }

    record Block(Tensor x, Tensor w, Tensor y, Tensor grad) {}

    private static final Map<String, Function<Tensor, Tensor>> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put("rfft_n7", x -> Fft.rfft(x));
        FUNCTIONS.put("rfft_dim0_n10_ortho", x -> Fft.rfft(x, 10, 0, "ortho"));
        FUNCTIONS.put("rfft_n4_forward", x -> Fft.rfft(x, 4, -1, "forward"));
        FUNCTIONS.put("rfft_n257", x -> Fft.rfft(x));
        FUNCTIONS.put("irfft_default", x -> Fft.irfft(x));
        FUNCTIONS.put("irfft_dim0_n13_ortho", x -> Fft.irfft(x, 13, 0, "ortho"));
        FUNCTIONS.put("irfft_n5_forward", x -> Fft.irfft(x, 5, 1, "forward"));
        FUNCTIONS.put("irfft_n8_dc_nyquist_imag", x -> Fft.irfft(x, 8, -1, null));
        FUNCTIONS.put("fft_n13", x -> Fft.fft(x));
        FUNCTIONS.put("fft_dim0_n16_ortho", x -> Fft.fft(x, 16, 0, "ortho"));
        FUNCTIONS.put("fft_n100", x -> Fft.fft(x));
        FUNCTIONS.put("ifft_n6", x -> Fft.ifft(x, 6, -1, null));
        FUNCTIONS.put("ifft_dim1_forward", x -> Fft.ifft(x, null, 1, "forward"));
        FUNCTIONS.put("rfft2", x -> Fft.rfft2(x));
        FUNCTIONS.put("irfft2_s", x -> Fft.irfft2(x, new int[] {6, 5}));
        FUNCTIONS.put("rfftn_dims_s_ortho", x -> Fft.rfftn(x, new int[] {6, 4}, new int[] {2, 0}, "ortho"));
        FUNCTIONS.put("irfftn_dims", x -> Fft.irfftn(x, new int[] {5, 4}, new int[] {0, 1}, null));
        FUNCTIONS.put("fftn_ifftn", x -> Fft.ifftn(Fft.fftn(x, new int[] {5, 3}, null, "forward").mul(1.5), null, new int[] {1}, null));
    }

    static Iterable<String> names() {
        return FUNCTIONS.keySet();
    }

    @ParameterizedTest
    @MethodSource("names")
    void matchesPyTorch(String name) throws IOException {
        Block b = load().get(name);
        assertNotNull(b, "golden case " + name + " missing");
        Function<Tensor, Tensor> f = FUNCTIONS.get(name);
        Tensor y = f.apply(b.x);
        close(name + " output", b.y, y, 1e-10);
        close(name + " grad", b.grad, Autograd.grad(y.mul(b.w).sum(), new Tensor[] {b.x})[0], 1e-10);
        Tensor y32 = f.apply(b.x.detach().to(DType.F32));
        assertEquals(DType.F32, y32.dtype(), name + " F32 output dtype");
        double max = Arrays.stream(b.y.toDoubleArray()).map(Math::abs).max().orElse(1);
        close(name + " F32 output", b.y, y32, 1e-5 * max);
    }

    private static void close(String what, Tensor want, Tensor got, double tol) {
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        double[] w = want.toDoubleArray(), v = got.toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            assertTrue(Math.abs(w[i] - v[i]) <= tol * (1 + Math.abs(w[i])),
                    what + ": element " + i + ": PyTorch " + w[i] + ", Weft " + v[i]);
        }
    }

    private static Map<String, Block> load() throws IOException {
        Map<String, Block> cases = new LinkedHashMap<>();
        try (var in = FftGoldenTest.class.getResourceAsStream("/golden/fft_golden.txt")) {
            assertNotNull(in, "golden/fft_golden.txt not on the test classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line, name = null;
            Map<String, Tensor> t = new LinkedHashMap<>();
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] p = line.split(" ");
                switch (p[0]) {
                    case "case" -> {
                        name = p[1];
                        t.clear();
                    }
                    case "end" -> cases.put(name, new Block(t.get("input").requiresGrad(true), t.get("const"), t.get("output"), t.get("grad")));
                    default -> t.put(p[0], parse(p[2], r.readLine()));
                }
            }
        }
        return cases;
    }

    private static Tensor parse(String shape, String values) {
        int[] s = shape.equals("-") ? new int[0] : Arrays.stream(shape.split(",")).mapToInt(Integer::parseInt).toArray();
        double[] v = Arrays.stream(values.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        return Tensor.of(v, s);
    }
}
