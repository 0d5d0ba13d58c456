package dev.weft.plot;

import java.awt.image.BufferedImage;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a {@link Chart} as PNG and SVG with the JDK only (java.desktop): {@link ChartLayout} computes one
 * {@link Drawing} (title, axes with ticks, linear or log y, one line per series, legend), which
 * {@link PngChart} paints with Java2D and {@link SvgChart} writes as SVG, so both files show the same
 * geometry. No chart library: the charts need little, and the engine ships no third-party (or GPL) jar
 * (see docs/REPRODUCTIONS.md, "Charts"). Runs headless. Series colours come from {@link #PALETTE} by each
 * series' colour index. Used by the reproductions' charts and KAN plots (weft-repro) and by {@code weft bench report}.
 *
 * <p>A loss curve on a log y axis, written as {@code out/loss.png} and {@code out/loss.svg}:
 * <pre>{@code
 * double[] steps = {0, 100, 200, 300};
 * Chart chart = Chart.lines("Training loss", "step", "loss", List.of(
 *                 Series.of("train", steps, new double[] {2.30, 0.90, 0.52, 0.41}, 0),
 *                 Series.of("test", steps, new double[] {2.30, 1.02, 0.71, 0.66}, 1)))
 *         .withScales(Chart.Scale.LINEAR, Chart.Scale.LOG10);
 * List<Path> files = Charts.write(chart, Path.of("out", "loss"));
 * }</pre>
 */
public final class Charts {
    private Charts() {}

    /** The width in pixels of a chart written by {@link #drawing(Chart)} and {@link #write(Chart, Path)}. */
    public static final int WIDTH = 720;
    /** The height in pixels of a chart written by {@link #drawing(Chart)} and {@link #write(Chart, Path)}. */
    public static final int HEIGHT = 440;

    /** Series colours (colour-blind-safe Okabe-Ito order), repeated when there are more series. */
    public static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000));

    static {
        System.setProperty("java.awt.headless", "true");   // before the first font or image is made
    }

    /**
     * The width of a text in the charts' font, as layouts measure it to place labels and legends.
     *
     * @param s    the text
     * @param size the font size, in pixels
     * @param bold whether the text is bold
     * @return its width in pixels in Java2D's SansSerif with antialiasing and fractional metrics (an SVG viewer's
     *         own sans-serif is close to it)
     */
    public static double textWidth(String s, double size, boolean bold) {
        return ChartLayout.width(s, size, bold);
    }

    /**
     * Lays out a chart at the standard size (see {@link ChartLayout#layout}).
     *
     * @param chart the chart
     * @return its drawing, {@link #WIDTH} x {@link #HEIGHT} pixels
     */
    public static Drawing drawing(Chart chart) {
        return ChartLayout.layout(chart, WIDTH, HEIGHT);
    }

    /**
     * Writes {@code chart} at {@link #WIDTH} x {@link #HEIGHT} pixels as {@code base}.png and {@code base}.svg
     * (the folder made if missing, existing files replaced).
     *
     * @param chart the chart
     * @param base  the files' path without extension, e.g. {@code out/loss}
     * @return the PNG's path, then the SVG's
     * @throws IOException if a folder or file cannot be written
     */
    public static List<Path> write(Chart chart, Path base) throws IOException {
        return write(drawing(chart), base);
    }

    /**
     * Paints a drawing with Java2D, antialiased (what the PNG file holds).
     *
     * @param d the drawing
     * @return a new RGB image of the drawing's size
     */
    public static BufferedImage image(Drawing d) {
        return PngChart.image(d);
    }

    /**
     * Writes a drawing as one PNG file (the folder made if missing, an existing file replaced).
     *
     * @param d   the drawing
     * @param png the file to write, its name ending in .png by convention (the format is PNG whatever the name)
     * @return {@code png}
     * @throws IOException if the folder or file cannot be written
     */
    public static Path writePng(Drawing d, Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        PngChart.write(d, png);
        return png;
    }

    /**
     * Writes any drawing as {@code base}.png and {@code base}.svg (the folder made if missing, existing files
     * replaced); both show the same marks.
     *
     * @param d    the drawing
     * @param base the files' path without extension: ".png" and ".svg" are appended to its last name
     * @return the PNG's path, then the SVG's
     * @throws IOException if a folder or file cannot be written
     * @throws IllegalArgumentException if a mark's coordinate is not finite (the SVG writer's check)
     */
    public static List<Path> write(Drawing d, Path base) throws IOException {
        Path png = base.resolveSibling(base.getFileName() + ".png"), svg = base.resolveSibling(base.getFileName() + ".svg");
        Files.createDirectories(png.toAbsolutePath().getParent());
        PngChart.write(d, png);
        SvgChart.write(d, svg);
        return List.of(png, svg);
    }
}
