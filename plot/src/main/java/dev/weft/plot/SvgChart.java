package dev.weft.plot;

import dev.weft.plot.Drawing.Box;
import dev.weft.plot.Drawing.Circle;
import dev.weft.plot.Drawing.Line;
import dev.weft.plot.Drawing.Mark;
import dev.weft.plot.Drawing.Polyline;
import dev.weft.plot.Drawing.Text;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link Drawing} as a standalone SVG 1.1 document (JDK only): boxes as {@code <rect>}, lines as
 * {@code <line>}, circles as {@code <circle>}, each series as one {@code <polyline>} (with a {@code <circle>} per
 * point when it has dots) inside a {@code <g>} titled with its name, texts as {@code <text>} so their words stay
 * searchable. A colour that is not opaque adds {@code fill-opacity} / {@code stroke-opacity}. Text is XML-escaped;
 * coordinates are written to 0.01 px in plain decimal, the same in every locale.
 */
final class SvgChart {
    private SvgChart() {}

    /** The SVG document of {@code d}. */
    static String svg(Drawing d) {
        StringBuilder s = new StringBuilder(16_384);
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(d.width())
                .append("\" height=\"").append(d.height()).append("\" viewBox=\"0 0 ").append(d.width()).append(' ')
                .append(d.height()).append("\" font-family=\"sans-serif\">\n");
        for (Mark m : d.marks()) mark(s, m);
        return s.append("</svg>\n").toString();
    }

    /** Writes the SVG document of {@code d} to {@code file} in UTF-8. */
    static void write(Drawing d, Path file) throws IOException {
        Files.writeString(file, svg(d), StandardCharsets.UTF_8);
    }

    private static void mark(StringBuilder s, Mark m) {
        switch (m) {
            case Box b -> s.append("<rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y()))
                    .append("\" width=\"").append(num(b.w())).append("\" height=\"").append(num(b.h())).append('"')
                    .append(paint("fill", b.fill())).append(b.stroke() == null ? "" : paint("stroke", b.stroke()) + " stroke-width=\"1\"")
                    .append("/>\n");
            case Line l -> s.append("<line x1=\"").append(num(l.x1())).append("\" y1=\"").append(num(l.y1()))
                    .append("\" x2=\"").append(num(l.x2())).append("\" y2=\"").append(num(l.y2())).append('"')
                    .append(paint("stroke", l.color())).append(" stroke-width=\"").append(num(l.width())).append('"')
                    .append(l.dashed() ? " stroke-dasharray=\"6 4\"" : "").append("/>\n");
            case Polyline p -> {
                s.append("<g><title>").append(escape(p.series())).append("</title>\n<polyline points=\"");
                for (int i = 0; i < p.x().length; i++) {
                    if (i > 0) s.append(' ');
                    s.append(num(p.x()[i])).append(',').append(num(p.y()[i]));
                }
                s.append("\" fill=\"none\"").append(paint("stroke", p.color())).append(" stroke-width=\"").append(num(p.width()))
                        .append("\" stroke-linejoin=\"round\"").append(p.dashed() ? " stroke-dasharray=\"7 4\"" : " stroke-linecap=\"round\"")
                        .append("/>\n");
                if (p.dot() > 0) {
                    for (int i = 0; i < p.x().length; i++) {
                        s.append("<circle cx=\"").append(num(p.x()[i])).append("\" cy=\"").append(num(p.y()[i]))
                                .append("\" r=\"").append(num(p.dot())).append('"').append(paint("fill", p.color())).append("/>\n");
                    }
                }
                s.append("</g>\n");
            }
            case Circle c -> s.append("<circle cx=\"").append(num(c.x())).append("\" cy=\"").append(num(c.y()))
                    .append("\" r=\"").append(num(c.r())).append('"').append(paint("fill", c.fill()))
                    .append(c.stroke() == null ? "" : paint("stroke", c.stroke()) + " stroke-width=\"1\"").append("/>\n");
            case Text t -> {
                s.append("<text x=\"").append(num(t.x())).append("\" y=\"").append(num(t.y()))
                        .append("\" font-size=\"").append(num(t.size())).append('"');
                if (t.bold()) s.append(" font-weight=\"bold\"");
                switch (t.anchor()) {
                    case START -> {}
                    case MIDDLE -> s.append(" text-anchor=\"middle\"");
                    case END -> s.append(" text-anchor=\"end\"");
                }
                if (t.vertical()) s.append(" transform=\"rotate(-90 ").append(num(t.x())).append(' ').append(num(t.y())).append(")\"");
                s.append(paint("fill", t.color())).append('>').append(escape(t.text())).append("</text>\n");
            }
        }
    }

    /**
     * {@code attr="#rrggbb"} ("none" for a null colour), then {@code attr-opacity="a"} when the colour is not opaque,
     * a = alpha / 255 to three decimals; each with a leading space.
     */
    static String paint(String attr, Color c) {
        if (c == null) return " " + attr + "=\"none\"";
        String s = " " + attr + "=\"" + hex(c) + "\"";
        if (c.getAlpha() == 255) return s;
        return s + " " + attr + "-opacity=\"" + java.math.BigDecimal.valueOf(c.getAlpha() / 255.0).setScale(3, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString() + "\"";
    }

    /** {@code v} rounded to 0.01 in plain decimal ("12.5", "-3", "0.07"), with no locale and no exponent. */
    static String num(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("SvgChart: coordinate " + v + " is not finite");
        long c = Math.round(v * 100);
        StringBuilder s = new StringBuilder();
        if (c < 0) s.append('-');
        long a = Math.abs(c);
        s.append(a / 100);
        long frac = a % 100;
        if (frac != 0) s.append('.').append(frac / 10).append(frac % 10 == 0 ? "" : String.valueOf(frac % 10));
        return s.toString();
    }

    /** {@code #rrggbb}. */
    static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%06x", c.getRGB() & 0xffffff);
    }

    /**
     * Text escaped for XML character data and attribute values: {@code & < > " '} as entities; control
     * characters that XML 1.0 forbids are dropped (tab, newline and carriage return are kept).
     */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        if (ch != 0xFFFE && ch != 0xFFFF) s.append(ch);
                    }
                }
            }
        }
        return s.toString();
    }
}
