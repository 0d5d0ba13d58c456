package dev.weft.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.bench.JsonLine;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench report --from} on small synthetic JSONL: a GEMM family and two elementwise families with
 * scalar, SIMD and a fake CUDA series, the limits and the transfer lines the suites write.
 */
class BenchReportTest {

    @TempDir
    Path tmp;

    /** CPU: scalar 2, simd 80 GFLOP/s (peak 100); GPU 8000 GFLOP/s; transfers 1 GB/s each way. */
    static List<String> synthetic(boolean withGpu) {
        List<String> l = new ArrayList<>();
        l.add(JsonLine.of("gemm", "fma_peak", "simd", 1, "cpu").put("dtype", "f32").put("gflops", 100.0).toString());
        for (int n : new int[] {256, 512, 1024, 2048}) {
            for (String impl : new String[] {"scalar", "simd"}) {
                l.add(JsonLine.of("gemm", "square", impl, 1, "cpu").put("dtype", "f32").put("m", n).put("n", n).put("k", n)
                        .put("trans_a", false).put("trans_b", false).put("gflops", impl.equals("simd") ? 80.0 : 2.0)
                        .put("peak_gflops", 100.0).put("pct_peak", impl.equals("simd") ? 80.0 : 2.0).toString());
            }
            if (withGpu) l.add(JsonLine.of("gemm", "square", "cuda", 1, "cuda:0").put("dtype", "f32").put("m", n).put("n", n).put("k", n)
                    .put("gflops", 8000.0).put("peak_gflops", 16000.0).toString());
        }
        l.add("");
        l.add(JsonLine.of("gemm", "mlp_fwd_784x256", "simd", 1, "cpu").put("m", 128).put("n", 256).put("k", 784).put("gflops", 50.0).toString());
        l.add(JsonLine.of("elementwise", "triad", "best", 1, "cpu").put("n", 16 << 20).put("gbps", 10.0).put("triad_gbps", 10.0).toString());
        for (String op : new String[] {"add", "exp"}) {
            for (int n : new int[] {1024, 1 << 20}) {
                l.add(JsonLine.of("elementwise", op, "scalar", 1, "cpu").put("n", n).put("gbps", 3.0).put("triad_gbps", 10.0).toString());
                l.add(JsonLine.of("elementwise", op, "simd", 1, "cpu").put("n", n).put("gbps", 9.0).toString());   // limit from the triad line
                if (withGpu) l.add(JsonLine.of("elementwise", op, "cuda", 1, "cuda:0").put("n", n).put("gbps", 500.0).put("copy_gbps", 1000.0).toString());
            }
        }
        if (withGpu) {
            l.add(JsonLine.of("transfer", "h2d", "cuda", 1, "cuda:0").put("n", 1 << 22).put("gbps", 1.0).toString());
            l.add(JsonLine.of("transfer", "d2h", "cuda", 1, "cuda:0").put("n", 1 << 22).put("gbps", 1.0).toString());
            l.add(JsonLine.of("transfer", "d2d_copy", "cuda", 1, "cuda:0").put("n", 1 << 22).put("gbps", 900.0).toString());
        }
        return l;
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private String runFrom(Path file, Path out) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = new BenchReport().run(List.of("--from", file.toString(), "--out", out.toString()), new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pageHasEveryFamilyChartsAndTable() throws Exception {
        Path out = tmp.resolve("report");
        String printed = runFrom(write("lines.jsonl", synthetic(true)), out);
        assertTrue(printed.contains("3 families, 6 charts"), printed);
        String html = Files.readString(out.resolve("index.html"));
        for (String id : new String[] {"gemm-f32", "elementwise-add", "elementwise-exp"}) {
            assertTrue(html.contains("<h2 id=\"" + id + "\">"), id);
            for (String kind : new String[] {"rate", "fraction"}) {
                Path png = out.resolve(id + "-" + kind + ".png");
                assertTrue(html.contains("src=\"" + id + "-" + kind + ".png\""), png.toString());
                BufferedImage img = ImageIO.read(png.toFile());
                assertNotNull(img, png + " does not decode");
                assertEquals(860, img.getWidth());
                assertEquals(440, img.getHeight());
            }
        }
        assertTrue(html.contains("GPU series present"), "status line");
        assertTrue(html.contains("<th>cuda (cuda:0)<br>GFLOP/s</th>"), "a CUDA column");
        assertTrue(html.contains("<td>80.00</td><td>80.0</td>"), "simd GFLOP/s and % of the FMA peak");
        assertTrue(html.contains("<td>9.00</td><td>90.0</td>"), "simd GB/s and % of the triad, the limit from the triad line");
        assertTrue(html.contains("transfers at 1.00 GB/s host to device"), "transfer note");
        assertTrue(html.contains("CPU") && html.contains("JDK") && html.contains("vector species"), "machine facts");
        assertTrue(html.contains("./weft bench report --from "), "the command line");
        // results.jsonl holds every non-blank line drawn, in order
        List<String> expected = synthetic(true).stream().filter(s -> !s.isBlank()).toList();
        assertEquals(expected, Files.readAllLines(out.resolve("results.jsonl")));
    }

    @Test
    void gemmCrossoverCountsTransfers() throws Exception {
        Families.Built b = Families.build(ResultLines.parse("test", synthetic(true)));
        Family gemm = b.families().getFirst();
        assertEquals("gemm-f32", gemm.id());
        // by hand: cpu (best = simd) t = 2n^3 / 80e9; gpu t = 2n^3 / 8000e9 + (2n^2 * 4 B) / 1e9 + (n^2 * 4 B) / 1e9
        double[] sizes = {256, 512, 1024, 2048}, cpu = new double[4], gpu = new double[4];
        for (int i = 0; i < 4; i++) {
            double n = sizes[i];
            cpu[i] = 2 * n * n * n / 80e9;
            gpu[i] = 2 * n * n * n / 8000e9 + 8 * n * n / 1e9 + 4 * n * n / 1e9;
        }
        Crossover expected = Crossover.find(sizes, cpu, gpu);
        assertEquals(Crossover.Kind.AT, gemm.crossover().kind());
        assertEquals(expected.size(), gemm.crossover().size(), 1e-9 * expected.size());
        // the analytic crossing, 2n^3/80e9 = 2n^3/8000e9 + 12n^2/1e9, is n = 485: between 256 and 512
        assertEquals(256.0, gemm.crossover().below());
        assertEquals(512.0, gemm.crossover().above());
        assertTrue(Math.abs(gemm.crossover().size() - 485) < 60, "interpolated " + gemm.crossover().size());
        // elementwise: 1 GB/s transfers against 9 GB/s on the CPU: the GPU never wins
        assertEquals(Crossover.Kind.NEVER, b.families().get(1).crossover().kind());
        assertEquals(1, b.ignored(), "the mlp line");
        Family.Series incl = gemm.withTransfers().getFirst();
        assertEquals(2 * 2048.0 * 2048 * 2048 / gpu[3] / 1e9, incl.at(2048).value(), 1e-6);
    }

    @Test
    void withoutGpuSeriesThePageSaysCpuOnly() throws Exception {
        Path out = tmp.resolve("cpu");
        runFrom(write("cpu.jsonl", synthetic(false)), out);
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("no CUDA device: CPU columns only"), "status line");
        assertTrue(html.contains("The lines read have no CUDA series"), "the reason");
        assertTrue(html.contains("CPU only: no GPU series, so no crossover."));
        assertEquals(6, Files.list(out).filter(p -> p.toString().endsWith(".png")).count());
    }

    @Test
    void badLinesNameTheFileAndLine() throws Exception {
        List<String> lines = new ArrayList<>(synthetic(false).subList(0, 2));
        lines.add("{\"suite\":\"gemm\",\"case\":\"square\", oops}");
        Path bad = write("bad.jsonl", lines);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> runFrom(bad, tmp.resolve("x")));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(!Files.exists(tmp.resolve("x")), "nothing written");

        Path noMetric = write("nometric.jsonl", List.of(synthetic(false).get(0),
                JsonLine.of("gemm", "square", "simd", 1, "cpu").put("m", 8).put("n", 8).put("k", 8).toString()));
        e = assertThrows(IllegalArgumentException.class, () -> runFrom(noMetric, tmp.resolve("y")));
        assertTrue(e.getMessage().contains("nometric.jsonl line 2") && e.getMessage().contains("'gflops'"), e.getMessage());

        Path noThreads = write("nothreads.jsonl", List.of("{\"suite\":\"gemm\",\"case\":\"square\",\"impl\":\"simd\",\"device\":\"cpu\"}"));
        e = assertThrows(IllegalArgumentException.class, () -> runFrom(noThreads, tmp.resolve("z")));
        assertTrue(e.getMessage().contains("nothreads.jsonl line 1") && e.getMessage().contains("'threads'"), e.getMessage());

        Path nothing = write("other.jsonl", List.of(JsonLine.of("spmm", "cora", "simd", 1, "cpu").put("ms", 1.0).toString()));
        e = assertThrows(IllegalArgumentException.class, () -> runFrom(nothing, tmp.resolve("w")));
        assertTrue(e.getMessage().contains("no gemm (case square) or elementwise"), e.getMessage());
    }

    @Test
    void registeredAsASuiteAndFromExcludesRunOptions() throws Exception {
        List<String> names = java.util.ServiceLoader.load(dev.weft.bench.BenchSuite.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("report"), names.toString());
        Path f = write("ok.jsonl", synthetic(false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BenchReport().run(
                List.of("--from", f.toString(), "--full"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("bench report: --from"), e.getMessage());
    }

    @Test
    void withoutACudaBackendTheReasonIsTheRegistrys() {
        dev.weft.tensor.core.Device cuda = dev.weft.tensor.core.Device.cuda(0);
        org.junit.jupiter.api.Assumptions.assumeFalse(dev.weft.tensor.Backends.isAvailable(cuda), "a CUDA device is present");
        String why = dev.weft.bench.DeviceOption.reason(cuda);
        assertTrue(!why.isEmpty() && !why.startsWith("unavailable"), why);
    }

    @Test
    void sizeLabels() {
        assertEquals("64", dev.weft.plot.Axis.sizeLabel(64));
        assertEquals("1K", dev.weft.plot.Axis.sizeLabel(1024));
        assertEquals("16M", dev.weft.plot.Axis.sizeLabel(16 << 20));
        assertEquals("485", ReportWriter.size(485.3));
    }
}
