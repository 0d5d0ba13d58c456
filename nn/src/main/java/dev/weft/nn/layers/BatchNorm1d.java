package dev.weft.nn.layers;

/** Batch norm over (B, C) or (B, C, L) inputs, per channel C. See {@link BatchNorm}. */
public class BatchNorm1d extends BatchNorm {
    /**
     * A layer with PyTorch's defaults.
     *
     * @param numFeatures C, the number of channels
     */
    public BatchNorm1d(int numFeatures) {
        this(options(numFeatures));
    }

    /**
     * {@code new BatchNorm1d(BatchNorm1d.options(64).eps(1e-3).momentum(0.01))}.
     *
     * @param options the channel count and settings, checked here
     */
    public BatchNorm1d(Options options) {
        super(options);
    }

    /**
     * Options with PyTorch's defaults (see {@link BatchNorm.Options}).
     *
     * @param numFeatures C, the number of channels
     * @return options to refine and pass to {@link #BatchNorm1d(Options)}
     */
    public static Options options(int numFeatures) {
        return new Options(numFeatures);
    }

    @Override
    boolean acceptsRank(int rank) {
        return rank == 2 || rank == 3;
    }

    @Override
    String expectedRanks() {
        return "2D or 3D";
    }
}
