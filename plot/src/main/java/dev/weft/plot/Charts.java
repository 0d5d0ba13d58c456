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
 */
public final class Charts {
    private Charts() {}

    public static final int WIDTH = 720, HEIGHT = 440;

    /** Series colours (colour-blind-safe Okabe-Ito order), repeated when there are more series. */
    public static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000));

    static {
        System.setProperty("java.awt.headless", "true");   // before the first font or image is made
    }

    /** The width in pixels of {@code s} in the charts' SansSerif at this size (what layouts measure text with). */
    public static double textWidth(String s, double size, boolean bold) {
        return ChartLayout.width(s, size, bold);
    }

    /** The drawing of {@code chart}, {@link #WIDTH} x {@link #HEIGHT}. */
    public static Drawing drawing(Chart chart) {
        return ChartLayout.layout(chart, WIDTH, HEIGHT);
    }

    /** Writes {@code base}.png and {@code base}.svg of {@code chart} at {@link #WIDTH} x {@link #HEIGHT}; returns both paths. */
    public static List<Path> write(Chart chart, Path base) throws IOException {
        return write(drawing(chart), base);
    }

    /** The drawing painted as an RGB image of its size (what the PNG file holds). */
    public static BufferedImage image(Drawing d) {
        return PngChart.image(d);
    }

    /** Writes the drawing as one PNG file (the folder made if missing); returns it. */
    public static Path writePng(Drawing d, Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        PngChart.write(d, png);
        return png;
    }

    /** Writes any drawing as {@code base}.png and {@code base}.svg (the folder made if missing); returns both paths. */
    public static List<Path> write(Drawing d, Path base) throws IOException {
        Path png = base.resolveSibling(base.getFileName() + ".png"), svg = base.resolveSibling(base.getFileName() + ".svg");
        Files.createDirectories(png.toAbsolutePath().getParent());
        PngChart.write(d, png);
        SvgChart.write(d, svg);
        return List.of(png, svg);
    }
}
