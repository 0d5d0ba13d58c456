package dev.weft.nn.layers;

/** Batch norm over (B, C, H, W) inputs, per channel C. See {@link BatchNorm}. */
public class BatchNorm2d extends BatchNorm {
    /**
     * A layer with PyTorch's defaults.
     *
     * @param numFeatures C, the number of channels
     */
    public BatchNorm2d(int numFeatures) {
        this(options(numFeatures));
    }

    /**
     * {@code new BatchNorm2d(BatchNorm2d.options(64).eps(1e-3).momentum(0.01))}.
     *
     * @param options the channel count and settings, checked here
     */
    public BatchNorm2d(Options options) {
        super(options);
    }

    /**
     * Options with PyTorch's defaults (see {@link BatchNorm.Options}).
     *
     * @param numFeatures C, the number of channels
     * @return options to refine and pass to {@link #BatchNorm2d(Options)}
     */
    public static Options options(int numFeatures) {
        return new Options(numFeatures);
    }

    @Override
    boolean acceptsRank(int rank) {
        return rank == 4;
    }

    @Override
    String expectedRanks() {
        return "4D";
    }
}
