package dev.weft.cli;

import dev.weft.repro.Harness;
import dev.weft.repro.ReproArgs;
import dev.weft.repro.Reproduction;
import dev.weft.repro.Result;
import dev.weft.repro.report.Outputs;
import dev.weft.repro.report.ResultTable;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's last part: the {@code --quick} run (seed 0) of every reproduction that generates its own
 * data and whose quick budget is at most {@link #TOUR_SECONDS}, with its table and where its charts and result
 * file went; the others are named with what they need (data, or the time of their quick run).
 */
final class ReproTour {
    private ReproTour() {}

    /** The longest quick budget ({@link dev.weft.repro.Budget#quickSeconds()}) a reproduction in the tour may have. */
    static final double TOUR_SECONDS = 25;

    /** Runs them; true when every metric of every run is within its quick bound. */
    static boolean run(PrintStream out, Path dir) throws Exception {
        List<Reproduction> generated = ReproCommand.all().values().stream()
                .filter(r -> r.data().isEmpty() && r.time().quickSeconds() <= TOUR_SECONDS).toList();
        List<Reproduction> longer = ReproCommand.all().values().stream()
                .filter(r -> r.data().isEmpty() && r.time().quickSeconds() > TOUR_SECONDS).toList();
        List<Reproduction> needData = ReproCommand.all().values().stream().filter(r -> !r.data().isEmpty()).toList();
        out.println("\n== Reproductions: published results rerun on Weft (./weft repro lists them)");
        out.println("Here the --quick runs of those that generate their data; --quick is a reduced budget, a smoke check"
                + " judged against looser bounds than the paper's.");
        boolean pass = true;
        for (Reproduction r : generated) {
            out.println();
            Result result = Harness.run(r, ReproArgs.dataDir(null), true, List.of(0L), out, ReproCommand.onTerminal(), dir);
            Outputs.Saved saved = Outputs.save(result, dir);
            out.println();
            out.print(ResultTable.format(saved.result()));
            ReproCommand.printFiles(out, saved);
            pass &= saved.result().pass();
        }
        out.println();
        for (Reproduction r : longer) {
            out.printf("not in the tour (its --quick takes %s): ./weft repro %s --quick%n", dev.weft.repro.Budget.format(r.time().quickSeconds()),
                    r.name());
        }
        Path data = ReproArgs.dataDir(null);
        for (Reproduction r : needData) {
            boolean present = r.data().stream().allMatch(d -> d.present(data));
            out.printf("not in the tour (reads %s, %s): ./weft repro %s --quick, or the full protocol without --quick%n",
                    String.join(", ", r.data().stream().map(d -> d.folder() + "/").toList()),
                    present ? "present in " + data.toAbsolutePath().normalize() : "not found in " + data.toAbsolutePath().normalize()
                            + "; ./weft repro says what to get", r.name());
        }
        out.println("one page from every result file in a folder: ./weft repro report --out " + dir);
        return pass;
    }
}
