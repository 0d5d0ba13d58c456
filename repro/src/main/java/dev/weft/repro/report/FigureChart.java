package dev.weft.repro.report;

import dev.weft.plot.Chart;
import dev.weft.plot.Series;
import dev.weft.repro.Curve;
import dev.weft.repro.Figure;
import java.util.ArrayList;
import java.util.List;

/**
 * A reproduction's {@link Figure} as a weft-plot {@link Chart}: the curves that belong to it (those of other figures
 * are ignored) in curve order, colour i for the i-th, a linear x axis and a linear or log10 y axis as the figure says.
 */
public final class FigureChart {
    private FigureChart() {}

    public static Chart of(Figure figure, List<Curve> curves) {
        List<Series> series = new ArrayList<>();
        for (Curve c : curves) {
            if (!c.figure().equals(figure.id())) continue;
            series.add(Series.of(c.series(), unbox(c.x()), unbox(c.y()), series.size()));
        }
        return Chart.lines(figure.title(), figure.xLabel(), figure.yLabel(), series)
                .withScales(Chart.Scale.LINEAR, figure.logY() ? Chart.Scale.LOG10 : Chart.Scale.LINEAR);
    }

    private static double[] unbox(List<Double> v) {
        double[] a = new double[v.size()];
        for (int i = 0; i < a.length; i++) a[i] = v.get(i);
        return a;
    }
}
