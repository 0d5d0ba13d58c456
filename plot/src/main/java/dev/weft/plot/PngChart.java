package dev.weft.plot;

import dev.weft.plot.Drawing.Anchor;
import dev.weft.plot.Drawing.Box;
import dev.weft.plot.Drawing.Circle;
import dev.weft.plot.Drawing.Line;
import dev.weft.plot.Drawing.Mark;
import dev.weft.plot.Drawing.Polyline;
import dev.weft.plot.Drawing.Text;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Paints a {@link Drawing} with Java2D (antialiased, headless) and writes it as PNG. */
final class PngChart {
    private PngChart() {}

    /** The drawing as an RGB image of its size. */
    static BufferedImage image(Drawing d) {
        BufferedImage img = new BufferedImage(d.width(), d.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            for (Mark m : d.marks()) paint(g, m);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the drawing to {@code png}. */
    static void write(Drawing d, Path png) throws IOException {
        if (!ImageIO.write(image(d), "png", png.toFile())) throw new IOException("no PNG writer for " + png);
    }

    private static void paint(Graphics2D g, Mark m) {
        switch (m) {
            case Box b -> {
                Rectangle2D r = new Rectangle2D.Double(b.x(), b.y(), b.w(), b.h());
                if (b.fill() != null) { g.setColor(b.fill()); g.fill(r); }
                if (b.stroke() != null) { g.setColor(b.stroke()); g.setStroke(new BasicStroke(1f)); g.draw(r); }
            }
            case Line l -> {
                g.setColor(l.color());
                g.setStroke(l.dashed() ? new BasicStroke((float) l.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                        new float[] {6f, 4f}, 0f) : new BasicStroke((float) l.width()));
                g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
            }
            case Polyline p -> {
                g.setColor(p.color());
                g.setStroke(p.dashed() ? new BasicStroke((float) p.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                        new float[] {7f, 4f}, 0f) : new BasicStroke((float) p.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D.Double path = new Path2D.Double();
                path.moveTo(p.x()[0], p.y()[0]);
                for (int i = 1; i < p.x().length; i++) path.lineTo(p.x()[i], p.y()[i]);
                g.draw(path);
                double r = p.dot();
                if (r > 0) for (int i = 0; i < p.x().length; i++) g.fill(new Ellipse2D.Double(p.x()[i] - r, p.y()[i] - r, 2 * r, 2 * r));
            }
            case Circle c -> {
                Ellipse2D e = new Ellipse2D.Double(c.x() - c.r(), c.y() - c.r(), 2 * c.r(), 2 * c.r());
                if (c.fill() != null) { g.setColor(c.fill()); g.fill(e); }
                if (c.stroke() != null) { g.setColor(c.stroke()); g.setStroke(new BasicStroke(1f)); g.draw(e); }
            }
            case Text t -> {
                Font f = ChartLayout.font(t.size(), t.bold());
                double w = f.getStringBounds(t.text(), g.getFontRenderContext()).getWidth();
                double dx = t.anchor() == Anchor.START ? 0 : t.anchor() == Anchor.MIDDLE ? -w / 2 : -w;
                AffineTransform saved = g.getTransform();
                g.translate(t.x(), t.y());
                if (t.vertical()) g.rotate(-Math.PI / 2);
                g.setFont(f);
                g.setColor(t.color());
                g.drawString(t.text(), (float) dx, 0f);
                g.setTransform(saved);
            }
        }
    }
}
