package dev.weft.bench.report;

import java.util.List;

/**
 * One op family of the report (GEMM of one dtype, one elementwise op): its series, one per
 * implementation, device and thread count, over a size axis, and the GPU crossover.
 * {@code withTransfers} is the GPU series recomputed with host&lt;-&gt;device copies counted (empty without a GPU
 * series or transfer figures); {@code note} says what the crossover assumed.
 */
record Family(String id, String title, String sizeLabel, String unit, String limitName, List<Series> series,
              List<Series> withTransfers, Crossover crossover, String note) {

    /**
     * A point: at {@code size}, {@code value} in the family's unit (GFLOP/s or GB/s) of {@code work} (flops or
     * bytes) per call, {@code limit} the device's limit in the same unit (NaN if unknown), and the bytes a GPU
     * run would copy in and out per call.
     */
    record Point(double size, double value, double limit, double work, double inBytes, double outBytes) {
        /** Seconds per call: work / (value * 1e9). */
        double seconds() {
            return work / (value * 1e9);
        }

        /** value / limit, NaN when the limit is unknown. */
        double fraction() {
            return value / limit;
        }
    }

    /** The points of one implementation on one device at one thread count, ascending in size. */
    record Series(String label, String impl, String device, int threads, List<Point> points) {
        Series {
            points = List.copyOf(points);
        }

        boolean gpu() {
            return !device.equals("cpu");
        }

        /** The point at {@code size}, or null. */
        Point at(double size) {
            for (Point p : points) if (p.size() == size) return p;
            return null;
        }
    }

    Family {
        series = List.copyOf(series);
        withTransfers = List.copyOf(withTransfers);
    }

    /** Every size some series has, ascending. */
    double[] sizes() {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::size).distinct().sorted().toArray();
    }

    boolean hasGpu() {
        return series.stream().anyMatch(Series::gpu);
    }
}
