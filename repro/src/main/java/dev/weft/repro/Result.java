package dev.weft.repro;

import java.util.List;

/**
 * Everything one {@code weft repro NAME} run found, as its result file holds it: what was run (paper,
 * protocol, quick or not, seeds), the metrics over seeds with their verdicts, the curves and the chart
 * files drawn from them (names relative to the result file's folder), where and when it ran, and the values of
 * the reproduction's settings ({@link Settings#NONE} when it declares none).
 */
public record Result(String repro, String description, Paper paper, String protocol, String quickProtocol, boolean quick,
                     List<Long> seeds, List<Double> secondsPerSeed, List<MetricResult> metrics, List<Figure> figures,
                     List<Curve> curves, List<String> charts, String weftVersion, Machine machine, String date, Settings settings) {
    public Result {
        if (settings == null) settings = Settings.NONE;
        seeds = List.copyOf(seeds);
        secondsPerSeed = List.copyOf(secondsPerSeed);
        metrics = List.copyOf(metrics);
        figures = List.copyOf(figures);
        curves = List.copyOf(curves);
        charts = List.copyOf(charts);
    }

    /** A result without settings. */
    public Result(String repro, String description, Paper paper, String protocol, String quickProtocol, boolean quick,
                  List<Long> seeds, List<Double> secondsPerSeed, List<MetricResult> metrics, List<Figure> figures,
                  List<Curve> curves, List<String> charts, String weftVersion, Machine machine, String date) {
        this(repro, description, paper, protocol, quickProtocol, quick, seeds, secondsPerSeed, metrics, figures, curves, charts,
                weftVersion, machine, date, Settings.NONE);
    }

    /** Wall seconds of all seeds together. */
    public double seconds() {
        return secondsPerSeed.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** True when every metric passes its bound. */
    public boolean pass() {
        return metrics.stream().allMatch(m -> m.pass(quick));
    }

    /** The file stem of this run's outputs: "mnist-cnn", "mnist-cnn-quick", or with the given settings "gcn-cora-lr=0.005". */
    public String stem() {
        return stem(repro, quick) + settings.fileSuffix();
    }

    public static String stem(String repro, boolean quick) {
        return repro + (quick ? "-quick" : "");
    }

    /** This result with the chart file names filled in. */
    public Result withCharts(List<String> files) {
        return new Result(repro, description, paper, protocol, quickProtocol, quick, seeds, secondsPerSeed, metrics, figures,
                curves, files, weftVersion, machine, date, settings);
    }

    /** The curves of one figure. */
    public List<Curve> curvesOf(String figure) {
        return curves.stream().filter(c -> c.figure().equals(figure)).toList();
    }
}
