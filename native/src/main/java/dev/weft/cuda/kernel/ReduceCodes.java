package dev.weft.cuda.kernel;

/** The mode codes of reduce.cu's kernels (w_reduce for floats, w_reduce_int for integers and BOOL). */
public final class ReduceCodes {
    private ReduceCodes() {}

    public static final int SUM = 0, PROD = 1, MAX = 2, MIN = 3, VAR = 4, STD = 5, NORM = 6, LOGSUMEXP = 7, ALL = 8, ANY = 9;
}
