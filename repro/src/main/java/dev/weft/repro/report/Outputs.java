package dev.weft.repro.report;

import dev.weft.repro.Figure;
import dev.weft.plot.Charts;
import dev.weft.repro.Result;
import dev.weft.repro.ResultFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a run's files go: in the output folder, {@code STEM.json} (the result file) and
 * {@code STEM-FIGURE.png/.svg} per figure (beside any {@code STEM-...} file the run wrote itself), STEM being
 * {@code NAME} or {@code NAME-quick}; a later run of the same kind replaces them. The default folder is {@code repro-results} under the working directory.
 */
public final class Outputs {
    private Outputs() {}

    public static final String DEFAULT_DIR = "repro-results";

    /**
     * Saves the charts and the result file; returns the result with its chart names (the figures' charts, then the
     * files the run wrote itself, which {@code r.charts()} holds on entry), and the result file.
     */
    public static Saved save(Result r, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (Figure f : r.figures()) {
            for (Path p : Charts.write(FigureChart.of(f, r.curvesOf(f.id())), dir.resolve(r.stem() + "-" + f.id()))) {
                names.add(p.getFileName().toString());
            }
        }
        for (String own : r.charts()) if (!names.contains(own)) names.add(own);
        Result withCharts = r.withCharts(names);
        Path file = dir.resolve(r.stem() + ".json");
        ResultFile.write(withCharts, file);
        return new Saved(withCharts, file);
    }

    /** A saved result and its file. */
    public record Saved(Result result, Path file) {}
}
