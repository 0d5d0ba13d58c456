package dev.weft.repro;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.plot.Charts;
import dev.weft.repro.report.Outputs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.NodeList;

/**
 * Every registered reproduction's {@code --quick} end to end through the harness (seed 0): every metric
 * within its quick bound (loose for the budget, but far above what a broken model reaches: a quick
 * MNIST MLP must pass 94%, a quick LeNet-5 94%, the quick adding problem 90% solved), then its charts
 * (valid PNG and SVG holding each series), the files it wrote itself into the output folder (kan-toy's network
 * plots: listed with the charts, PNG decodes, SVG parses), its result file (round trip) and its --json line. Those
 * that need downloaded data are skipped when it is absent.
 */
class QuickReproductionsTest {
    static Path data() {
        return ReproArgs.dataDir(System.getProperty("weft.data", System.getenv().getOrDefault("WEFT_DATA", "../../shared/data")));
    }

    static Stream<Named<Reproduction>> reproductions() {
        List<Reproduction> all = new ArrayList<>();
        ServiceLoader.load(Reproduction.class).forEach(all::add);
        assertTrue(all.size() >= 3, "registered: " + all);
        return all.stream().map(r -> Named.of(r.name(), r));
    }

    @ParameterizedTest(name = "quick[{0}]")
    @MethodSource("reproductions")
    void quickRunPassesItsBoundsAndWritesChartsAndAResultFile(Reproduction r, @TempDir Path out) throws Exception {
        for (DataSet d : r.data()) {
            Assumptions.assumeTrue(d.present(data()), r.name() + ": " + d.folder() + "/ not found under "
                    + data().toAbsolutePath() + " (set -Dweft.data or WEFT_DATA)");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Result result = Harness.run(r, data(), true, List.of(0L), new PrintStream(log, true, StandardCharsets.UTF_8), false, out);
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("--quick:  "), "the quick run says what it cuts:\n" + text);
        assertTrue(text.lines().count() >= 8, "a quick run reports progress as it goes:\n" + text);
        assertEquals(r.claims().size(), result.metrics().size());
        for (MetricResult m : result.metrics()) {
            assertTrue(m.pass(true), r.name() + ": " + m.claim().metric() + " = " + m.mean() + ", quick bound "
                    + m.claim().boundText(true) + "\n" + text);
        }

        List<String> own = result.charts();                              // the files the run wrote itself (kan-toy's network plots)
        for (String f : own) {
            assertTrue(f.startsWith(result.stem() + "-"), f);
            if (f.endsWith(".png")) assertNotNull(ImageIO.read(out.resolve(f).toFile()), f);
            else if (f.endsWith(".svg")) parseSvg(out.resolve(f));
            else assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        Outputs.Saved saved = Outputs.save(result, out);
        assertEquals(2 * r.figures().size() + own.size(), saved.result().charts().size(), saved.result().charts().toString());
        assertTrue(saved.result().charts().containsAll(own), saved.result().charts().toString());
        for (Figure f : r.figures()) {
            List<Curve> curves = result.curvesOf(f.id());
            assertFalse(curves.isEmpty(), f.id());
            checkPng(out.resolve(result.stem() + "-" + f.id() + ".png"), curves.size());
            checkSvg(out.resolve(result.stem() + "-" + f.id() + ".svg"), f, curves);
        }

        assertEquals(saved.result(), ResultFile.read(saved.file()), "the result file round-trips");

        Map<?, ?> line = (Map<?, ?>) Json.parse(ResultFile.jsonLine(saved.result(), saved.file()));
        assertEquals(r.name(), line.get("repro"));
        assertEquals(Boolean.TRUE, line.get("quick"));
        assertInstanceOf(Double.class, line.get("seconds"));
        for (Object o : (List<?>) line.get("metrics")) {
            Map<?, ?> m = (Map<?, ?>) o;
            for (String k : List.of("name", "paper", "weft", "unit", "higher_is_better", "target", "verdict")) {
                assertTrue(m.containsKey(k), k + " missing in " + m);
            }
            assertEquals("pass", m.get("verdict"));
        }
    }

    /** A decodable PNG of the chart's size, with pixels of each series' colour. */
    static void checkPng(Path png, int series) throws Exception {
        byte[] bytes = Files.readAllBytes(png);
        assertEquals(0x89, bytes[0] & 0xff);
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png.toString());
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        for (int s = 0; s < series; s++) {
            int rgb = Charts.PALETTE.get(s).getRGB() & 0xffffff;
            int count = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == rgb) count++;
            }
            assertTrue(count > 20, png + ": series " + s + " colour drawn on " + count + " pixels");
        }
    }

    /** The SVG file parsed (well-formed XML with an svg root). */
    static org.w3c.dom.Document parseSvg(Path svg) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document doc = dbf.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        return doc;
    }

    /** Well-formed SVG whose text holds the title and every series name. */
    static void checkSvg(Path svg, Figure f, List<Curve> curves) throws Exception {
        org.w3c.dom.Document doc = parseSvg(svg);
        NodeList texts = doc.getElementsByTagName("text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) words.add(texts.item(i).getTextContent());
        assertTrue(words.contains(f.title()), words.toString());
        for (Curve c : curves) assertTrue(words.contains(c.series()), c.series() + " not in " + words);
        long drawn = curves.stream().filter(c -> c.y().stream().anyMatch(y -> Double.isFinite(y) && (!f.logY() || y > 0))).count();
        assertTrue(drawn > 0, "no series with points in " + svg);
        assertEquals(drawn, doc.getElementsByTagName("polyline").getLength(), "one polyline per series with points in " + svg);
    }
}
