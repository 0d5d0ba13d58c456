package dev.weft.repro.report;

import dev.weft.repro.Curve;
import dev.weft.repro.Figure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Draws a {@link Figure}'s curves with JFreeChart, as PNG (ChartUtils) and as SVG (JFreeSVG's
 * SVGGraphics2D, which writes text as text, so the legend's series names are searchable). Runs headless.
 * The series colours come from {@link #PALETTE}, in curve order.
 */
public final class Charts {
    private Charts() {}

    public static final int WIDTH = 720, HEIGHT = 440;

    /** Series colours (colour-blind-safe Okabe-Ito order), repeated when there are more series. */
    public static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000));

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The chart of {@code figure} over {@code curves} (those of other figures are ignored). */
    public static JFreeChart chart(Figure figure, List<Curve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Curve c : curves) {
            if (!c.figure().equals(figure.id())) continue;
            XYSeries s = new XYSeries(c.series(), false, true);
            for (int i = 0; i < c.x().size(); i++) {
                double y = c.y().get(i);
                if (Double.isFinite(y) && (!figure.logY() || y > 0)) s.add((double) c.x().get(i), y);
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis(figure.xLabel());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y;
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot;
        if (figure.logY()) {
            LogAxis log = new LogAxis(figure.yLabel());
            log.setSmallestValue(1e-8);
            log.setTickUnit(new NumberTickUnit(1.0));          // one tick per power of ten
            plot = new XYPlot(data, x, log, renderer);
        } else {
            y = new NumberAxis(figure.yLabel());
            y.setAutoRangeIncludesZero(false);
            plot = new XYPlot(data, x, y, renderer);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(figure.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Writes {@code base}.png and {@code base}.svg; returns both paths. */
    public static List<Path> write(Figure figure, List<Curve> curves, Path base) throws IOException {
        JFreeChart chart = chart(figure, curves);
        Path png = base.resolveSibling(base.getFileName() + ".png"), svg = base.resolveSibling(base.getFileName() + ".svg");
        Files.createDirectories(png.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        SVGUtils.writeToSVG(svg.toFile(), g.getSVGElement());
        return List.of(png, svg);
    }
}
