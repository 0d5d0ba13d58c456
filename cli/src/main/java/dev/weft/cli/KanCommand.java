package dev.weft.cli;

import dev.weft.nn.data.Csv;
import dev.weft.nn.data.CsvTable;
import dev.weft.nn.kan.KAN;
import dev.weft.repro.kan.KanCheckpoint;
import dev.weft.repro.kan.plot.KanPlot;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code weft kan plot MODEL.safetensors [--out DIR] [--samples CSV] [--beta B] [--title T]}: draws a saved KAN
 * ({@link KanCheckpoint}: widths, grid, masks and symbolic functions from the file) as pykan's plot() does
 * ({@link KanPlot}) and writes DIR/NAME.png and DIR/NAME.svg, NAME the file's name without its extension, DIR the
 * model's folder unless given. Without samples each edge's curve spans its grid range; with a CSV of inputs (one row
 * per sample, the first n_0 columns the inputs, a header row optional) the scores and ranges come from those.
 */
final class KanCommand {
    private KanCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty() || args.getFirst().equals("--help") || args.getFirst().equals("-h")) {
            usage(args.isEmpty() ? err : out);
            return args.isEmpty() ? 2 : 0;
        }
        if (!args.getFirst().equals("plot")) throw new IllegalArgumentException("unknown subcommand '" + args.getFirst() + "' (known: plot)");
        Path model = null, dir = null, samples = null;
        KanPlot.Options o = KanPlot.options();
        String title = null;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--out", "--samples", "--beta", "--title" -> {
                    if (i + 1 >= args.size()) throw new IllegalArgumentException("plot: " + a + " needs a value");
                    String v = args.get(++i);
                    switch (a) {
                        case "--out" -> dir = Path.of(v);
                        case "--samples" -> samples = Path.of(v);
                        case "--beta" -> o.beta(parseDouble(a, v));
                        default -> title = v;
                    }
                }
                case "--help", "-h" -> {
                    usage(out);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--")) throw new IllegalArgumentException("plot: unknown option '" + a + "'");
                    if (model != null) throw new IllegalArgumentException("plot: one model at a time, got " + model + " and " + a);
                    model = Path.of(a);
                }
            }
        }
        if (model == null) throw new IllegalArgumentException("plot: needs MODEL.safetensors (a KAN saved by KanCheckpoint.save or ModuleIO.save)");
        KAN kan = KanCheckpoint.load(model);
        Tensor x = samples == null ? null : readSamples(samples, kan.width()[0], kan.layer(0).coef().dtype());
        String name = baseName(model);
        Path folder = dir != null ? dir : model.toAbsolutePath().getParent();
        o.title(title != null ? title : name + ": KAN " + Arrays.toString(kan.width()) + ", grid " + kan.grid + ", k " + kan.k);
        List<Path> files = KanPlot.write(kan, x, folder.resolve(name), o);
        out.println("KAN " + Arrays.toString(kan.width()) + " (grid " + kan.grid + ", k " + kan.k + ") from " + model.toAbsolutePath()
                + (x == null ? "; curves over each input's grid range" : "; scores and curve ranges from " + x.size(0) + " samples in " + samples));
        for (Path f : files) out.println("wrote " + f.toAbsolutePath());
        return 0;
    }

    /** The file name without its last extension: "kan-toy-quick-model.safetensors" -> "kan-toy-quick-model". */
    static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The first n columns of a CSV as (rows, n) of dtype; a first row that is not all numbers is a header. */
    static Tensor readSamples(Path csv, int n, DType dtype) throws IOException {
        if (!Files.isRegularFile(csv)) throw new IllegalArgumentException("plot: samples " + csv + ": no such file");
        CsvTable t = Csv.read(csv, ',', false);
        if (t.rowCount() > 0 && !t.rows().getFirst().stream().allMatch(KanCommand::isNumber)) t = Csv.read(csv, ',', true);
        if (t.rowCount() < 2 || t.columnCount() < n) {
            throw new IllegalArgumentException("plot: samples " + csv + " has " + t.rowCount() + " rows of " + t.columnCount()
                    + " columns; the model takes " + n + " inputs (needs at least 2 rows, the inputs in the first " + n + " columns)");
        }
        int[] cols = new int[n];
        for (int i = 0; i < n; i++) cols[i] = i;
        try {
            return t.toTensor(dtype, cols);
        } catch (IOException e) {
            throw new IllegalArgumentException("plot: samples " + e.getMessage(), e);
        }
    }

    private static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double parseDouble(String option, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("plot: " + option + " takes a number, got '" + v + "'");
        }
    }

    static void usage(PrintStream out) {
        out.println("""
                usage: ./weft kan plot MODEL.safetensors [--out DIR] [--samples CSV] [--beta B] [--title T]
                  draws a saved KAN as pykan's plot(): nodes per layer, each edge's activation curve on the edge, opacity
                  tanh(beta * score) by the edge's attribution score, symbolic edges red with their function's name,
                  masked edges left out; writes DIR/NAME.png and DIR/NAME.svg (NAME: MODEL's file name, DIR: its folder)
                  --out DIR      where the two files go (default: the model's folder)
                  --samples CSV  inputs (the first n_0 columns; a header row optional) for the scores and curve ranges;
                                 default: 1,000 seeded uniform inputs over layer 0's grid, curves over each grid range
                  --beta B       opacity tanh(B * score) (default 3, pykan's)
                  --title T      the title over the plot (default: the file's name, widths, grid and k)
                a KAN file: one written by KanCheckpoint.save (kan-toy writes one into its --out folder), or ModuleIO.save
                of a KAN whose symbolic branch is off""");
    }
}
