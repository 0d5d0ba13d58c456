package dev.weft.nn.io;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.weft.nn.io.RawFiles.assertSameTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files written by PyTorch (nn/src/test/resources/interop, made by nn/src/test/python/make_interop.py)
 * read exactly; Weft's F16/BF16 rounding gives PyTorch's bits; a checkpoint loads into a module and
 * reproduces PyTorch's forward and gradients. Also writes target/interop/weft_written.safetensors,
 * which {@code make_interop.py check} verifies from the PyTorch side (a manual step; CI has no Python).
 */
class InteropTest {
    // F16 and BF16 bits PyTorch 1.13 gives for the fixture's f16_src and bf16_src (as the fixture stores them).
    private static final int[] TORCH_F16 = {0x3C00, 0xC100, 0x7BFF, 0x7BFF, 0x7C00, 0x7C00, 0x3C00, 0x3C02, 0x3C01, 0x0001,
            0x0000, 0x0001, 0x0002, 0x0400, 0x03FF, 0x0400, 0x0000, 0x0000, 0x2E66, 0x8000, 0x7C00, 0xFC00, 0x7E00, 0x4248, 0xE4D3};
    private static final int[] TORCH_BF16 = {0x3F80, 0xC020, 0x4780, 0x3F80, 0x3F82, 0x3F81, 0x7F7F, 0x7F80, 0x7F80, 0x0080,
            0x0001, 0x0000, 0x0002, 0x0001, 0x0000, 0x3DCD, 0x8000, 0x7F80, 0xFF80, 0xFFFF, 0x4049};
    private static final String NOTE = "tab\there \"quoted\" back\\slash newline\nunicode \u00e9\u2603\uD83D\uDE00 ctrl\u0001";

    /** Where the file for the Python check goes (module-relative). */
    static final Path OUT = Path.of(System.getProperty("weft.interop.out", "target/interop"));

    @BeforeAll
    static void recorder() {
        Autograd.install();
    }

    static Path fixture(String name) throws Exception {
        return Path.of(InteropTest.class.getResource("/interop/" + name).toURI());
    }

    @Test
    void everyDtypeOfThePyTorchFileReadsExactly() throws Exception {
        SafetensorsFile f = Safetensors.read(fixture("dtypes.safetensors"));
        float inf = Float.POSITIVE_INFINITY;
        assertSameTensor("f32", Tensor.of(new float[] {1, -2.5f, 65504, 1e-40f, Float.MAX_VALUE, -0.0f, inf, -inf, Float.NaN}, 3, 3), f.tensor("f32"));
        assertSameTensor("f64", Tensor.of(1.0, -2.5, 1e-310, Double.MAX_VALUE, -0.0, Double.POSITIVE_INFINITY, Double.NaN, 0.1), f.tensor("f64"));
        assertSameTensor("f64_scalar", Tensor.scalar(3.25, DType.F64), f.tensor("f64_scalar"));
        assertSameTensor("i32", Tensor.of(Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE), f.tensor("i32"));
        assertSameTensor("i64", Tensor.of(Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE).reshape(5, 1), f.tensor("i64"));
        assertSameTensor("i64_scalar", Tensor.scalar(-7, DType.I64), f.tensor("i64_scalar"));
        assertSameTensor("i16", Tensor.of(-32768, -1, 0, 32767), f.tensor("i16"));
        assertSameTensor("i8", Tensor.of(-128, -1, 0, 127), f.tensor("i8"));
        assertSameTensor("u8", Tensor.of(0, 1, 128, 255), f.tensor("u8"));
        assertSameTensor("bool", Tensor.of(new boolean[][] {{true, false, true}, {false, false, true}}), f.tensor("bool"));
        assertSameTensor("empty", Tensor.zeros(0, 3), f.tensor("empty"));
        assertSameTensor("f16", Tensor.of(decode(TORCH_F16, true)), f.tensor("f16"));
        assertSameTensor("bf16", Tensor.of(decode(TORCH_BF16, false)), f.tensor("bf16"));
        assertEquals(SafetensorsDType.F16, f.infos().get("f16").dtype());
        assertEquals(SafetensorsDType.BF16, f.infos().get("bf16").dtype());
        assertEquals(SafetensorsDType.U8, f.infos().get("u8").dtype());
        assertEquals(SafetensorsDType.I16, f.infos().get("i16").dtype());
        assertEquals(NOTE, f.metadata().get("note"));
        assertTrue(f.metadata().get("producer").startsWith("nn/src/test/python/make_interop.py make (torch 1.13"));
        // the fixture's raw bytes hold PyTorch's bits (independent of the reader's decoding)
        byte[] raw = Files.readAllBytes(fixture("dtypes.safetensors"));
        assertArrayEquals(TORCH_F16, bits(raw, f, "f16"));
        assertArrayEquals(TORCH_BF16, bits(raw, f, "bf16"));
    }

    private static float[] decode(int[] bits, boolean half) {
        float[] out = new float[bits.length];
        for (int i = 0; i < bits.length; i++) out[i] = half ? HalfFloats.fromF16((short) bits[i]) : HalfFloats.fromBF16((short) bits[i]);
        return out;
    }

    /** The 16-bit patterns of tensor name as stored in raw (a whole file). */
    private static int[] bits(byte[] raw, SafetensorsFile f, String name) {
        long dataStart = 8 + ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        TensorInfo t = f.infos().get(name);
        ByteBuffer b = ByteBuffer.wrap(raw, (int) (dataStart + t.dataBegin()), (int) t.byteLength()).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[t.numel()];
        for (int i = 0; i < out.length; i++) out[i] = b.getShort() & 0xFFFF;
        return out;
    }

    @Test
    void weftRoundsToTheSame16BitPatternsAsPyTorch() throws Exception {
        SafetensorsFile f = Safetensors.read(fixture("dtypes.safetensors"));
        byte[] raw = Files.readAllBytes(fixture("dtypes.safetensors"));
        String[][] pairs = {{"f16", "f16_src"}, {"bf16", "bf16_src"}, {"rnd_f16", "rnd_src"}, {"rnd_bf16", "rnd_src"}};
        for (String[] p : pairs) {
            SafetensorsDType to = f.infos().get(p[0]).dtype();
            byte[] ours = Safetensors.toBytes(Map.of(p[0], f.tensor(p[1])), Map.of(), Map.of(p[0], to));
            SafetensorsFile back = Safetensors.read(ours, "ours");
            int[] mine = bits(ours, back, p[0]), torch = bits(raw, f, p[0]);
            for (int i = 0; i < torch.length; i++) {
                float a = to == SafetensorsDType.F16 ? HalfFloats.fromF16((short) mine[i]) : HalfFloats.fromBF16((short) mine[i]);
                // NOTE: PyTorch's vectorized F32 -> BF16 writes NaN as 0xFFFF; Weft writes the quiet NaN 0x7FC0
                if (Float.isNaN(a) && torch[i] == 0xFFFF) continue;
                int k = i;
                assertEquals(torch[i], mine[i], () -> p[0] + "[" + k + "] of " + f.tensor(p[1]).toFloatArray()[k]);
            }
        }
    }

    @Test
    void rewritingAPyTorchFileReproducesItByteForByte() throws Exception {
        for (String name : new String[] {"model.safetensors", "expected.safetensors", "dtypes.safetensors"}) {
            byte[] raw = Files.readAllBytes(fixture(name));
            SafetensorsFile f = Safetensors.read(raw, name);
            assertEquals(RawFiles.hex(raw), RawFiles.hex(Safetensors.toBytes(f.tensors(), f.metadata(), f.dtypes())), name);
        }
    }

    /** PyTorch's expected values: x, y, loss, grad.x and grad.(parameter name). */
    private static SafetensorsFile expected() throws Exception {
        return Safetensors.read(fixture("expected.safetensors"));
    }

    /** Loads the checkpoint strictly into net, runs forward and backward, and returns y, loss and gradients by name. */
    static Map<String, Tensor> runAgainstPyTorch(Module net) throws Exception {
        ModuleIO.load(net, fixture("model.safetensors"), true);
        SafetensorsFile e = expected();
        Tensor x = e.tensor("x").clone().requiresGrad(true);
        Tensor y = net.forward(x);
        Tensor loss = y.square().sum();
        Autograd.backward(loss);
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("y", y.detach());
        out.put("loss", loss.detach());
        out.put("grad.x", x.grad());
        net.namedParameters().forEach((k, p) -> out.put("grad." + k, p.grad()));
        for (var o : out.entrySet()) {
            Tensor want = e.tensor(o.getKey());
            assertArrayEquals(want.shape(), o.getValue().shape(), o.getKey());
            assertTrue(o.getValue().allclose(want, 1e-9, 1e-11), () -> o.getKey() + ": max abs error "
                    + o.getValue().sub(want).abs().max().item());
        }
        assertEquals(e.tensors().size(), out.size() + 1, "every expected tensor was compared (all but x)");
        return out;
    }

    @Test
    void aPyTorchCheckpointReproducesPyTorchsForwardAndGradients() throws Exception {
        runAgainstPyTorch(new InteropNet());                      // the model composed from tensor ops
    }

    @Test
    void theNnLayersLoadThePyTorchCheckpointAndReproduceIt() throws Exception {
        runAgainstPyTorch(new InteropLayersNet());                // Conv2d, LSTM, LayerNorm, Sequential(Linear, ReLU, Linear)
    }

    @Test
    void writesTheFileForThePythonCheck() throws Exception {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Map<String, SafetensorsDType> dtypes = new LinkedHashMap<>();
        for (String name : new String[] {"model.safetensors", "expected.safetensors", "dtypes.safetensors"}) {
            SafetensorsFile f = Safetensors.read(fixture(name));
            out.putAll(f.tensors());
            dtypes.putAll(f.dtypes());
        }
        // the 16-bit tensors are converted by Weft from their F32 sources, not copied
        SafetensorsFile d = Safetensors.read(fixture("dtypes.safetensors"));
        out.put("f16", d.tensor("f16_src"));
        out.put("bf16", d.tensor("bf16_src"));
        out.put("rnd_f16", d.tensor("rnd_src"));
        out.put("rnd_bf16", d.tensor("rnd_src"));
        runAgainstPyTorch(new InteropLayersNet()).forEach((k, v) -> out.put("weft." + k, v));
        Files.createDirectories(OUT);
        Path p = OUT.resolve("weft_written.safetensors");
        Safetensors.write(p, out, Map.of("note", NOTE, "producer", "dev.weft.nn.io.InteropTest"), dtypes);
        SafetensorsFile back = Safetensors.read(p);
        assertEquals(out.keySet(), back.tensors().keySet());
        assertEquals(dtypes, Map.copyOf(back.dtypes()).entrySet().stream().filter(e -> dtypes.containsKey(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
