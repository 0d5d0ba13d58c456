package dev.weft.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The SVG writer and the chart layout it writes: well-formed XML, one polyline per series, escaping, axes. */
class SvgChartTest {
    /** A chart's title, axis labels and y scale; the series come with each test. */
    record Figure(String title, String xLabel, String yLabel, boolean logY) {}

    static final Figure LINEAR = new Figure("error per epoch", "epoch", "error (%)", false);
    static final Figure LOG = new Figure("loss", "step", "MSE (log)", true);

    /** A series with x = 1, 2, ...; colours are given by position when the chart is made. */
    static Series curve(String name, double... y) {
        double[] xs = new double[y.length];
        for (int i = 0; i < y.length; i++) xs[i] = i + 1;
        return Series.of(name, xs, y, 0);
    }

    static Chart chart(Figure f, List<Series> curves) {
        List<Series> coloured = new ArrayList<>();
        for (Series c : curves) coloured.add(Series.of(c.label(), c.x(), c.y(), coloured.size()));
        return Chart.lines(f.title(), f.xLabel(), f.yLabel(), coloured)
                .withScales(Chart.Scale.LINEAR, f.logY() ? Chart.Scale.LOG10 : Chart.Scale.LINEAR);
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getAttribute("xmlns"));
        return doc;
    }

    static String svg(Figure f, List<Series> curves) {
        return SvgChart.svg(Charts.drawing(chart(f, curves)));
    }

    static List<String> texts(Document doc) {
        NodeList n = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) out.add(n.item(i).getTextContent());
        return out;
    }

    /** The points of each polyline, as [x, y] pairs. */
    static List<List<double[]>> polylines(Document doc) {
        NodeList n = doc.getElementsByTagName("polyline");
        List<List<double[]>> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            List<double[]> pts = new ArrayList<>();
            for (String p : ((Element) n.item(i)).getAttribute("points").trim().split(" ")) {
                assertTrue(p.matches("-?\\d+(\\.\\d{1,2})?,-?\\d+(\\.\\d{1,2})?"), "plain decimal point: " + p);
                String[] xy = p.split(",");
                pts.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
            }
            out.add(pts);
        }
        return out;
    }

    /** The y pixel of the horizontal tick mark whose label is {@code label}. */
    static double tickY(Drawing d, String label) {
        for (Drawing.Mark m : d.marks()) {
            if (m instanceof Drawing.Text t && t.text().equals(label) && t.anchor() == Drawing.Anchor.END) return t.y() - ChartLayout.TICK * 0.35;
        }
        throw new AssertionError("no y tick " + label);
    }

    @Test
    void wellFormedWithOnePolylinePerSeriesAndEveryText() throws Exception {
        List<Series> curves = List.of(curve("train", 9, 5, 3), curve("test", 10, 7, 6, 5.5, 5));
        Document doc = parse(svg(LINEAR, curves));
        List<List<double[]>> lines = polylines(doc);
        assertEquals(2, lines.size());
        assertEquals(3, lines.get(0).size());
        assertEquals(5, lines.get(1).size());
        assertEquals(8, doc.getElementsByTagName("circle").getLength(), "a dot per point");
        List<String> words = texts(doc);
        for (String w : List.of("error per epoch", "epoch", "error (%)", "train", "test")) assertTrue(words.contains(w), w + " in " + words);
        for (List<double[]> pts : lines) {
            for (double[] p : pts) assertTrue(p[0] >= 0 && p[0] <= Charts.WIDTH && p[1] >= 0 && p[1] <= Charts.HEIGHT, "inside the chart");
        }
        // x grows left to right; a larger y is higher up (smaller pixel y)
        assertTrue(lines.get(0).get(0)[0] < lines.get(0).get(2)[0]);
        assertTrue(lines.get(0).get(0)[1] < lines.get(0).get(2)[1]);
    }

    @Test
    void textIsEscaped() throws Exception {
        Figure f = new Figure("a < b && c > d \"q\" 'x'\u0001", "x <", "y &", false);
        String svg = svg(f, List.of(curve("<series & co>", 1, 2)));
        assertTrue(svg.contains("a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &apos;x&apos;</text>"), svg);
        List<String> words = texts(parse(svg));
        assertTrue(words.contains("a < b && c > d \"q\" 'x'"), "the control character is dropped: " + words);
        assertTrue(words.contains("<series & co>"), words.toString());
        assertTrue(words.contains("x <") && words.contains("y &"), words.toString());
        assertEquals("<series & co>", ((Element) parse(svg).getElementsByTagName("title").item(0)).getTextContent());
    }

    @Test
    void logAxisTicksPowersOfTenAndDropsNonPositiveValues() throws Exception {
        Series c = curve("mse", 0.2, 0.0, 0.03, -1, Double.NaN, 0.002, 1.0);
        Drawing d = Charts.drawing(chart(LOG, List.of(c)));
        Document doc = parse(SvgChart.svg(d));
        List<String> words = texts(doc);
        for (String t : List.of("0.001", "0.01", "0.1", "1")) assertTrue(words.contains(t), t + " in " + words);
        assertFalse(words.contains("0") || words.contains("10"), "the axis spans 1e-3..1 only: " + words);
        List<double[]> pts = polylines(doc).getFirst();
        assertEquals(4, pts.size(), "0, -1 and NaN are left out on a log axis");
        assertEquals(tickY(d, "1"), pts.get(3)[1], 0.01, "y = 1 on the tick 1");
        assertEquals(tickY(d, "0.001"), pts.get(2)[1] + (tickY(d, "0.001") - tickY(d, "0.01")) * Math.log10(2), 0.02,
                "y = 0.002 lies log10(2) of a decade above 0.001");
        double decade = tickY(d, "0.01") - tickY(d, "0.1");
        assertEquals(decade, tickY(d, "0.1") - tickY(d, "1"), 1e-9, "decades equally spaced");
        assertTrue(Axis.log(1e-9, 1e3).ticks().size() <= 9, "a wide span thins its ticks");
        assertEquals("1e-9", Axis.log(1e-9, 1e3).ticks().getFirst().label());
    }

    @Test
    void emptySeriesKeepsItsLegendEntryAndDrawsNoLine() throws Exception {
        Document doc = parse(svg(LINEAR, List.of(curve("empty"), curve("all NaN", Double.NaN, Double.NaN), curve("one", 1, 2, 3))));
        assertEquals(1, polylines(doc).size());
        List<String> words = texts(doc);
        assertTrue(words.contains("empty") && words.contains("all NaN") && words.contains("one"), words.toString());

        Document none = parse(svg(LOG, List.of(curve("nothing"))));
        assertEquals(0, none.getElementsByTagName("polyline").getLength());
        assertTrue(texts(none).contains("nothing"));
        assertTrue(texts(none).contains("1"), "a default axis when there is no data");
    }

    @Test
    void numbersAreTheSameInEveryLocale() throws Exception {
        Locale saved = Locale.getDefault();
        String root, german;
        try {
            Locale.setDefault(Locale.ROOT);
            root = svg(LINEAR, List.of(curve("s", 0.25, 0.5, 1.25)));
            Locale.setDefault(Locale.GERMANY);
            german = svg(LINEAR, List.of(curve("s", 0.25, 0.5, 1.25)));
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals(root, german);
        assertTrue(texts(parse(root)).containsAll(List.of("0.2", "0.4", "1.4")), texts(parse(root)).toString());
        assertEquals("12.5", SvgChart.num(12.5));
        assertEquals("-3", SvgChart.num(-3));
        assertEquals("0.07", SvgChart.num(0.07));
        assertEquals("0", SvgChart.num(-0.001));
        assertEquals("1234567.89", SvgChart.num(1234567.891));
        assertThrows(IllegalArgumentException.class, () -> SvgChart.num(Double.NaN));
    }

    @Test
    void linearTicksAreNiceAndExact() {
        Axis y = Axis.linear(0.13, 0.87, true);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), y.ticks().stream().map(Axis.Tick::label).toList());
        assertEquals(0, y.lo());
        assertEquals(1, y.hi());
        Axis x = Axis.linear(1, 10, false);
        assertEquals(1, x.lo());
        assertEquals(List.of("2", "4", "6", "8", "10"), x.ticks().stream().map(Axis.Tick::label).toList());
        assertEquals(List.of("-1.0", "-0.5", "0.0", "0.5", "1.0"), labels(Axis.linear(-1, 1, true)), "no -0.0");
        assertEquals(List.of("0", "2000", "4000", "6000"), labels(Axis.linear(0, 6000, true)));
        Axis flat = Axis.linear(5, 5, true);
        assertTrue(flat.lo() < 5 && flat.hi() > 5, "a flat series gets a range around it");
    }

    @Test
    void sizeChartsHaveLog2TicksDashedSeriesAReferenceLineAndAMarker() throws Exception {
        Series cpu = Series.of("cpu", new double[] {64, 1024, 65536}, new double[] {0.5, 0.8, 0.9}, 0);
        Series gpu = new Series("gpu + transfers", new double[] {64, 1024, 65536}, new double[] {0.1, 0.6, 1.2}, 3, true);
        Chart c = Chart.lines("fraction", "elements", "fraction of peak", List.of(cpu, gpu))
                .withScales(Chart.Scale.LOG2, Chart.Scale.LINEAR_FROM_ZERO).withReference(1.0).withMarker(2048, "GPU wins from ~2K");
        Drawing d = ChartLayout.layout(c, 860, 440);
        Document doc = parse(SvgChart.svg(d));
        List<String> words = texts(doc);
        for (String t : List.of("64", "1K", "64K", "GPU wins from ~2K", "0.0")) assertTrue(words.contains(t), t + " in " + words);
        List<List<double[]>> lines = polylines(doc);
        // log2: 64 -> 1024 is 4 doublings, 1024 -> 65536 six, so the second gap is 1.5 times the first
        double g1 = lines.get(0).get(1)[0] - lines.get(0).get(0)[0], g2 = lines.get(0).get(2)[0] - lines.get(0).get(1)[0];
        assertEquals(1.5, g2 / g1, 1e-3);
        NodeList pl = doc.getElementsByTagName("polyline");
        assertEquals("", ((Element) pl.item(0)).getAttribute("stroke-dasharray"));
        assertEquals("7 4", ((Element) pl.item(1)).getAttribute("stroke-dasharray"));
        assertEquals(Charts.PALETTE.get(3), ((Drawing.Polyline) d.marks().stream().filter(m -> m instanceof Drawing.Polyline p
                && p.series().startsWith("gpu")).findFirst().orElseThrow()).color(), "the series' own colour index");
        long dashedLines = d.marks().stream().filter(m -> m instanceof Drawing.Line l && l.dashed()).count();
        assertEquals(3, dashedLines, "the reference line, the marker and the dashed series' legend swatch");
        assertEquals(tickY(d, "1.0"), d.marks().stream().filter(m -> m instanceof Drawing.Line l && l.dashed() && l.y1() == l.y2())
                .map(m -> ((Drawing.Line) m).y1()).findFirst().orElseThrow(), 0.01, "the reference line at y = 1");
        assertEquals("1K", Axis.sizeLabel(1024));
        assertEquals("16M", Axis.sizeLabel(16 << 20));
        assertEquals("48", Axis.sizeLabel(48));
        assertEquals(List.of("1", "4", "16", "64", "256", "1K", "4K", "16K", "64K"), labels(Axis.log2(1, 65536)), "thinned to every 2nd");
    }

    static List<String> labels(Axis a) {
        return a.ticks().stream().map(Axis.Tick::label).toList();
    }
}
