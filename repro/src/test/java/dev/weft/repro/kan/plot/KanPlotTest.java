package dev.weft.repro.kan.plot;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.nn.kan.KAN;
import dev.weft.nn.kan.KanAttribution;
import dev.weft.plot.Drawing;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The KAN network plot: the PNG decodes at the drawing's size and is not blank; the SVG parses, with one curve
 * (polyline) per unmasked edge titled with its (l,i,j) and none for a masked edge; symbolic edges red with their
 * function's name; opacity tanh(beta * score) of the attribution scores; curves sampled over the grid range, or the
 * samples' range, with the edge's own values; the same model gives the same bytes.
 */
class KanPlotTest {
    @TempDir
    Path dir;

    static KAN model(long seed, int... width) {
        KAN m = new KAN(KAN.options(width).grid(5).generator(new Generator(seed)));
        m.to(DType.F64);
        return m;
    }

    static Tensor samples(long seed, int n, int d) {
        return Tensor.rand(new Generator(seed), DType.F64, n, d).mul(2).sub(1);
    }

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        return doc;
    }

    /** The title of each polyline's group, in document order. */
    static List<String> curveTitles(Document doc) {
        NodeList lines = doc.getElementsByTagName("polyline");
        List<String> out = new ArrayList<>();
        for (int k = 0; k < lines.getLength(); k++) {
            Element g = (Element) lines.item(k).getParentNode();
            out.add(g.getElementsByTagName("title").item(0).getTextContent());
        }
        return out;
    }

    static Element curve(Document doc, String title) {
        NodeList lines = doc.getElementsByTagName("polyline");
        for (int k = 0; k < lines.getLength(); k++) {
            Element p = (Element) lines.item(k);
            if (((Element) p.getParentNode()).getElementsByTagName("title").item(0).getTextContent().equals(title)) return p;
        }
        throw new AssertionError("no curve titled " + title + " in " + curveTitles(doc));
    }

    @Test
    void thePngDecodesAtTheDrawingsSizeAndIsNotBlank() throws Exception {
        KAN m = model(1, 2, 3, 1);
        Tensor x = samples(2, 200, 2);
        Drawing d = KanPlot.drawing(m, x, KanPlot.options());
        List<Path> files = KanPlot.write(m, x, dir.resolve("net"), KanPlot.options());
        assertEquals(List.of(dir.resolve("net.png"), dir.resolve("net.svg")), files);
        BufferedImage img = ImageIO.read(files.get(0).toFile());
        assertNotNull(img, "ImageIO decodes the PNG");
        assertEquals(d.width(), img.getWidth());
        assertEquals(d.height(), img.getHeight());
        assertEquals(KanPlotLayout.autoWidth(new int[] {2, 3, 1}), img.getWidth());
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int px = 0; px < img.getWidth(); px++) {
                int rgb = img.getRGB(px, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 128) dark++;
            }
        }
        assertTrue(dark > 500, "dark pixels (nodes, edges, curves): " + dark);
        BufferedImage wide = ImageIO.read(KanPlot.write(m, x, dir.resolve("wide"), KanPlot.options().width(900)).get(0).toFile());
        assertEquals(900, wide.getWidth());
        assertTrue(wide.getHeight() > img.getHeight(), "the height follows the width");
    }

    @Test
    void theSvgHasOneCurvePerUnmaskedEdgeAndNoneForAMaskedOne() throws Exception {
        KAN m = model(3, 2, 3, 2);
        Tensor x = samples(4, 200, 2);
        Document all = parse(KanPlot.write(m, x, dir.resolve("all"), KanPlot.options()).get(1));
        assertEquals(2 * 3 + 3 * 2, all.getElementsByTagName("polyline").getLength());
        assertTrue(curveTitles(all).contains("(0,1,2) spline"), curveTitles(all).toString());

        m.removeEdge(0, 1, 2);
        m.removeNode(1, 0);                                              // masks (0,0,0), (0,1,0), (1,0,0), (1,0,1)
        Document pruned = parse(KanPlot.write(m, x, dir.resolve("pruned"), KanPlot.options()).get(1));
        List<String> titles = curveTitles(pruned);
        assertEquals(12 - 5, titles.size(), titles.toString());
        for (String gone : List.of("(0,1,2)", "(0,0,0)", "(0,1,0)", "(1,0,0)", "(1,0,1)")) {
            assertTrue(titles.stream().noneMatch(t -> t.startsWith(gone)), gone + " is masked but drawn: " + titles);
        }
        assertEquals(titles.size(), KanEdges.of(m, x, 16).size());
    }

    @Test
    void symbolicEdgesAreRedWithTheirFunctionsName() throws Exception {
        KAN m = model(5, 2, 2, 1);
        Tensor x = samples(6, 300, 2);
        m.fixSymbolic(0, 0, 1, "sin", x);
        m.setMode(0, 1, 0, "sn");                                        // spline and symbolic (function "0") both on
        Document doc = parse(KanPlot.write(m, x, dir.resolve("sym"), KanPlot.options()).get(1));
        assertEquals("#ff0000", curve(doc, "(0,0,1) sin").getAttribute("stroke"));
        assertEquals("#800080", curve(doc, "(0,1,0) spline + 0").getAttribute("stroke"));
        assertEquals("#000000", curve(doc, "(0,0,0) spline").getAttribute("stroke"));
        NodeList texts = doc.getElementsByTagName("text");
        List<String> words = new ArrayList<>();
        for (int k = 0; k < texts.getLength(); k++) words.add(texts.item(k).getTextContent());
        assertTrue(words.contains("sin"), words.toString());
        assertTrue(words.containsAll(List.of("x_1", "x_2", "y_1")), words.toString());
    }

    @Test
    void opacityIsTanhOfBetaTimesTheAttributionScore() throws Exception {
        KAN m = model(7, 2, 3, 1);
        Tensor x = samples(8, 400, 2);
        KanAttribution a = m.attribute(x);
        double beta = 2.5;
        Document doc = parse(KanPlot.write(m, x, dir.resolve("alpha"), KanPlot.options().beta(beta)).get(1));
        int seen = 0;
        for (int l = 0; l < 2; l++) {
            int in = l == 0 ? 2 : 3, out = l == 0 ? 3 : 1;
            double[] score = a.edgeScores().get(l).contiguous().toDoubleArray();
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    double expected = Math.tanh(beta * score[j * in + i]);
                    String op = curve(doc, "(" + l + "," + i + "," + j + ") spline").getAttribute("stroke-opacity");
                    double actual = op.isEmpty() ? 1 : Double.parseDouble(op);
                    assertEquals(expected, actual, 0.5 / 255 + 1e-3, "edge (" + l + "," + i + "," + j + ") score " + score[j * in + i]);
                    seen++;
                }
            }
        }
        assertEquals(9, seen);
    }

    @Test
    void curvesSpanTheGridRangeOrTheSamplesAndHoldTheEdgesValues() {
        KAN m = model(9, 2, 2, 1);
        Tensor x = samples(10, 300, 2).mul(0.5);                         // inputs in [-0.5, 0.5], the grid on [-1, 1]
        m.fixSymbolic(0, 1, 0, "x^2");                                   // c f(a x + b) + d with a = c = 1, b = d = 0
        for (KanEdge e : KanEdges.of(m, null, 11)) {
            if (e.layer() != 0) continue;
            assertEquals(-1, e.x()[0], 1e-12, e.label());
            assertEquals(1, e.x()[10], 1e-12, e.label());
            assertEquals(0.2, e.x()[6], 1e-12, e.label());
            if (e.in() == 1 && e.out() == 0) {
                assertEquals(KanEdge.Kind.SYMBOLIC, e.kind());
                for (int p = 0; p < 11; p++) assertEquals(e.x()[p] * e.x()[p], e.y()[p], 1e-12, "x^2 at " + e.x()[p]);
            }
        }
        double[] in0 = x.select(1, 0).contiguous().toDoubleArray();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : in0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        KanEdge e000 = KanEdges.of(m, x, 5).getFirst();
        assertEquals("(0,0,0) spline", e000.label());
        assertEquals(lo, e000.x()[0], 1e-12);
        assertEquals(hi, e000.x()[4], 1e-12);
        // the curve is the layer's own activation of those inputs
        Tensor in = Tensor.stack(List.of(Tensor.of(e000.x()), Tensor.zeros(DType.F64, 5)), 1);
        double[] phi = m.layer(0).forwardActivations(in).postacts().select(1, 0).select(1, 0).contiguous().toDoubleArray();
        assertArrayEquals(phi, e000.y(), 1e-12);
    }

    @Test
    void theSameModelGivesTheSameBytesAndBadOptionsAreRefused() throws Exception {
        KAN m = model(11, 3, 2, 1);
        Path a = KanPlot.write(m, null, dir.resolve("a"), KanPlot.options().title("t")).get(1);
        Path b = KanPlot.write(model(11, 3, 2, 1), null, dir.resolve("b"), KanPlot.options().title("t")).get(1);
        assertEquals(Files.readString(a, StandardCharsets.UTF_8), Files.readString(b, StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KanPlot.drawing(m, null, KanPlot.options().inVars(List.of("a", "b"))));
        assertTrue(e.getMessage().contains("inVars names 2 variables [a, b], the model has 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KanPlot.options().beta(0));
        e = assertThrows(IllegalArgumentException.class, () -> KanPlot.drawing(m, samples(1, 10, 2), KanPlot.options()));
        assertTrue(e.getMessage().contains("samples (10, 2) must be (B, 3)"), e.getMessage());
    }
}
