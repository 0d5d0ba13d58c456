package dev.weft.bench.onnx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The onnx suite runs once on a hand-written one-node model (y = Relu(x), x (batch, 8)) and prints its JSON line. */
class OnnxBenchTest {
    private static void varint(ByteArrayOutputStream o, long v) {
        while ((v & ~0x7FL) != 0) { o.write((int) ((v & 0x7F) | 0x80)); v >>>= 7; }
        o.write((int) v);
    }

    private static byte[] field(int number, byte[] payload) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        varint(o, (long) number << 3 | 2);
        varint(o, payload.length);
        o.writeBytes(payload);
        return o.toByteArray();
    }

    private static byte[] varintField(int number, long v) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        varint(o, (long) number << 3);
        varint(o, v);
        return o.toByteArray();
    }

    private static byte[] str(int number, String s) {
        return field(number, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    private static byte[] valueInfo(String name) {
        byte[] shape = cat(field(1, str(2, "batch")), field(1, varintField(1, 8)));
        return cat(str(1, name), field(2, field(1, cat(varintField(1, 1), field(2, shape)))));
    }

    @Test
    void runsOnceAndPrintsJson(@TempDir Path dir) throws Exception {
        byte[] node = cat(str(1, "x"), str(2, "y"), str(3, "relu0"), str(4, "Relu"));
        byte[] graph = cat(field(1, node), field(11, valueInfo("x")), field(12, valueInfo("y")));
        byte[] model = cat(varintField(1, 8), field(7, graph), field(8, cat(str(1, ""), varintField(2, 13))));
        Path file = dir.resolve("relu.onnx");
        Files.write(file, model);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = new OnnxBench().run(List.of("--model", file.toString(), "--threads", "1", "--warmup", "0", "--iters", "2", "--json"),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        String line = buf.toString(StandardCharsets.UTF_8).trim();
        assertTrue(line.startsWith("{\"suite\":\"onnx\",\"case\":\"relu\",\"impl\":\"weft\",\"threads\":1,\"device\":\"cpu\",\"batch\":1,"
                + "\"input\":\"[1,8]\",\"opset\":13,\"nodes\":1,\"iters\":2,\"ms\":"), line);
    }

    @Test
    void withoutModelSaysHowToMakeOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OnnxBench().run(List.of(), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("bench/peers/onnx_resnet18.py --export"), e.getMessage());
    }
}
