package dev.weft.graph.nn.aggr;

import dev.weft.tensor.Segments;
import dev.weft.tensor.Tensor;

/**
 * The parameter-free aggregations, PyG's SumAggregation, MeanAggregation, MaxAggregation, MinAggregation,
 * VarAggregation and StdAggregation: per target and feature, the sum, mean, max or min of the messages (0
 * without any), var = mean(m^2) - mean(m)^2, std = sqrt(max(var, 1e-5)) set to 0 where it is at that floor
 * (PyG's StdAggregation, so a single message gives 0 with a finite gradient).
 */
public final class ReduceAggregation extends Aggregation {
    private enum Kind { SUM, MEAN, MAX, MIN, VAR, STD }

    private final Kind kind;

    private ReduceAggregation(Kind kind) {
        this.kind = kind;
    }

    /** {@return PyG's SumAggregation: the sum of each target's messages} */
    public static ReduceAggregation sum() { return new ReduceAggregation(Kind.SUM); }
    /** {@return PyG's MeanAggregation: the mean of each target's messages} */
    public static ReduceAggregation mean() { return new ReduceAggregation(Kind.MEAN); }
    /** {@return PyG's MaxAggregation: the featurewise max of each target's messages} */
    public static ReduceAggregation max() { return new ReduceAggregation(Kind.MAX); }
    /** {@return PyG's MinAggregation: the featurewise min of each target's messages} */
    public static ReduceAggregation min() { return new ReduceAggregation(Kind.MIN); }
    /** {@return PyG's VarAggregation: mean(m^2) - mean(m)^2 per target} */
    public static ReduceAggregation var() { return new ReduceAggregation(Kind.VAR); }
    /** {@return PyG's StdAggregation: sqrt(max(var, 1e-5)), 0 at the floor} */
    public static ReduceAggregation std() { return new ReduceAggregation(Kind.STD); }

    @Override
    public Tensor aggregate(Tensor m, Tensor rowPtr, int numDst) {
        return switch (kind) {
            case SUM -> Segments.segment(m, rowPtr, "sum");
            case MEAN -> Segments.segment(m, rowPtr, "mean");
            case MAX -> Segments.segmentMax(m, rowPtr).values();
            case MIN -> Segments.segmentMin(m, rowPtr).values();
            case VAR -> variance(m, rowPtr);
            case STD -> {
                double floor = 1e-5;
                Tensor s = variance(m, rowPtr).relu().clampMin(floor).sqrt();
                yield s.maskedFill(s.le(Math.sqrt(floor)), 0.0);
            }
        };
    }

    private static Tensor variance(Tensor m, Tensor rowPtr) {
        Tensor mean = Segments.segment(m, rowPtr, "mean");
        return Segments.segment(m.mul(m), rowPtr, "mean").sub(mean.mul(mean));
    }

    @Override
    public String reprName() {
        return switch (kind) {
            case SUM -> "SumAggregation";
            case MEAN -> "MeanAggregation";
            case MAX -> "MaxAggregation";
            case MIN -> "MinAggregation";
            case VAR -> "VarAggregation";
            case STD -> "StdAggregation";
        };
    }
}
