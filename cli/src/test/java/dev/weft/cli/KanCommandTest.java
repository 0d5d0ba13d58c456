package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.nn.io.ModuleIO;
import dev.weft.nn.kan.KAN;
import dev.weft.nn.layers.Linear;
import dev.weft.repro.kan.KanCheckpoint;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weft kan plot}: a saved KAN (pruned, one edge symbolic) becomes NAME.png and NAME.svg in --out or beside the
 * model, with samples from a CSV or without; a missing file, a file that is not safetensors or not a KAN, and bad
 * usage are one message naming the file or option, exit code 2, no stack trace.
 */
class KanCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path savedKan() throws Exception {
        KAN m = new KAN(KAN.options(2, 3, 1).grid(5).generator(new Generator(1)));
        m.to(DType.F64);
        Tensor x = Tensor.rand(new Generator(2), DType.F64, 200, 2).mul(2).sub(1);
        m.updateGridFromSamples(x);
        m.removeEdge(0, 1, 2);
        m.fixSymbolic(1, 0, 0, "tanh", x);
        Path f = dir.resolve("toy.safetensors");
        KanCheckpoint.save(m, f);
        return f;
    }

    /** The number of polylines (one per drawn edge) in an SVG that parses. */
    static int curves(Path svg) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(svg.toFile()).getElementsByTagName("polyline").getLength();
    }

    @Test
    void plotsASavedKanToPngAndSvg() throws Exception {
        Path model = savedKan(), out = dir.resolve("plots");
        Run r = run("kan", "plot", model.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Path png = out.resolve("toy.png"), svg = out.resolve("toy.svg");
        assertTrue(r.out().contains("KAN [2, 3, 1] (grid 5, k 3) from " + model.toAbsolutePath()), r.out());
        assertTrue(r.out().contains("wrote " + png.toAbsolutePath()) && r.out().contains("wrote " + svg.toAbsolutePath()), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() >= 480 && img.getHeight() > 300, img.getWidth() + " x " + img.getHeight());
        assertEquals(2 * 3 - 1 + 3, curves(svg), "every edge but the removed one");
        assertTrue(Files.readString(svg).contains(">tanh</text>"), "the symbolic edge's name");

        // beside the model by default; samples from a CSV with a header and an extra column
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 50; i++) csv.append(i / 50.0 - 0.5).append(',').append(0.3 - i / 100.0).append(",0\n");
        Path samples = dir.resolve("samples.csv");
        Files.writeString(samples, csv);
        Run s = run("kan", "plot", model.toString(), "--samples", samples.toString(), "--beta", "5", "--title", "mine");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("scores and curve ranges from 50 samples in " + samples), s.out());
        assertTrue(Files.readString(dir.resolve("toy.svg")).contains(">mine</text>"));
        assertNotNull(ImageIO.read(dir.resolve("toy.png").toFile()));
    }

    @Test
    void badFilesAreOneMessageNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing.safetensors");
        Run r = run("kan", "plot", missing.toString());
        assertEquals(2, r.code());
        assertEquals("weft kan: KAN checkpoint " + missing + ": no such file", r.err().strip());

        Path junk = dir.resolve("junk.safetensors");
        Files.write(junk, new byte[] {1, 2, 3});
        r = run("kan", "plot", junk.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("weft kan: KAN checkpoint " + junk + " is not a safetensors file: "), r.err());

        Path linear = dir.resolve("linear.safetensors");
        ModuleIO.save(new Linear(4, 2, true, new Generator(0)), linear);
        r = run("kan", "plot", linear.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("weft kan: KAN checkpoint " + linear + " holds no KAN: no tensor act_fun.0.coef"), r.err());

        Path samples = dir.resolve("narrow.csv");
        Files.writeString(samples, "1\n2\n3\n");
        r = run("kan", "plot", savedKan().toString(), "--samples", samples.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("samples " + samples + " has 3 rows of 1 columns; the model takes 2 inputs"), r.err());
        for (Run bad : new Run[] {run("kan"), run("kan", "draw"), run("kan", "plot"), run("kan", "plot", "a", "b"),
                run("kan", "plot", "--beta"), run("kan", "plot", "--frobnicate")}) {
            assertEquals(2, bad.code(), bad.err());
            assertFalse(bad.err().contains("\tat "), "no stack trace: " + bad.err());
        }
        assertTrue(run("kan").err().contains("Usage: weft kan [-hV] [COMMAND]"), run("kan").err());
        assertTrue(run("kan", "plot", "--help").out().replaceAll("\\s+", " ").contains("Usage: weft kan plot [-hV] [--out=DIR] [--samples=CSV] [--beta=B] [--title=T]"
                + " MODEL.safetensors"), run("kan", "plot", "--help").out());
        assertTrue(run("kan", "plot", "m.safetensors", "--frobnicate").err().contains("Unknown option: '--frobnicate'"));
        assertTrue(run("kan", "plot", "m.safetensors", "--beta", "x").err().contains("Invalid value for option '--beta': 'x' is not a double"));
        assertTrue(run("kan", "draw").err().contains("unknown subcommand 'draw' (known: plot)"));
        assertEquals(0, run("kan", "--help").code());
    }
}
