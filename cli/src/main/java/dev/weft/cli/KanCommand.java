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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft kan plot MODEL.safetensors [--out DIR] [--samples CSV] [--beta B] [--title T]}: draws a saved KAN
 * ({@link KanCheckpoint}: widths, grid, masks and symbolic functions from the file) as pykan's plot() does
 * ({@link KanPlot}) and writes DIR/NAME.png and DIR/NAME.svg, NAME the file's name without its extension, DIR the
 * model's folder unless given. Without samples each edge's curve spans its grid range; with a CSV of inputs (one row
 * per sample, the first n_0 columns the inputs, a header row optional) the scores and ranges come from those.
 */
@Command(name = "kan", mixinStandardHelpOptions = true, description = "KAN tools: 'kan plot MODEL.safetensors' draws a saved KAN.")
final class KanCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandSpec spec;

    private KanCommand(Io io) {
        this.io = io;
    }

    /** kan with its plot subcommand. */
    static CommandLine commandLine(Io io) {
        return new CommandLine(new KanCommand(io)).addSubcommand(new Plot(io));
    }

    /** Without a subcommand: the usage on stderr, exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    /** {@code weft kan plot MODEL.safetensors [--out DIR] [--samples CSV] [--beta B] [--title T]}. */
    @Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
            description = {"Draws a saved KAN as pykan's plot(): nodes per layer, each edge's activation curve on the "
                    + "edge, opacity tanh(beta * score) by the edge's attribution score, symbolic edges red with "
                    + "their function's name, masked edges left out; writes DIR/NAME.png and DIR/NAME.svg (NAME: "
                    + "MODEL's file name, DIR: its folder)."},
            footer = {"A KAN file: one written by KanCheckpoint.save (kan-toy writes one into its --out folder), "
                    + "or ModuleIO.save of a KAN whose symbolic branch is off."})
    static final class Plot implements Callable<Integer> {
        private final Io io;

        @Parameters(index = "0", paramLabel = "MODEL.safetensors", description = "a KAN saved by KanCheckpoint.save or ModuleIO.save")
        Path model;

        @Option(names = "--out", paramLabel = "DIR", description = "where the two files go (default: the model's folder)")
        Path dir;

        @Option(names = "--samples", paramLabel = "CSV", description = {"inputs (the first n_0 columns; a header row optional) for the scores and curve ranges; "
                + "default: 1,000 seeded uniform inputs over layer 0's grid, curves over each grid range"})
        Path samples;

        @Option(names = "--beta", paramLabel = "B", description = "opacity tanh(B * score) (default 3, pykan's)")
        Double beta;

        @Option(names = "--title", paramLabel = "T", description = "the title over the plot (default: the file's name, widths, grid and k)")
        String title;

        Plot(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws IOException {
            KanPlot.Options o = KanPlot.options();
            if (beta != null) o.beta(beta);
            return plot(model, dir, samples, title, o, io.out());
        }
    }

    static int plot(Path model, Path dir, Path samples, String title, KanPlot.Options o, PrintStream out) throws IOException {
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
}
