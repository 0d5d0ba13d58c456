package dev.weft.kernels.index;

/** The reductions of {@link Scatter#scatterReduce}, as torch.scatter_reduce names them. */
public enum ScatterReduceFn {
    /** a + b */
    SUM,
    /** a * b */
    PROD,
    /** sum / count, count including the original value when include_self */
    MEAN,
    /** max, NaN propagates */
    AMAX,
    /** min, NaN propagates */
    AMIN
}
