package dev.weft.nn.train;

/**
 * How data-parallel replicas of one model agree: a weighted all-reduce of a flat float vector (gradients
 * every step, or parameters every k steps) and a broadcast of the parameters from replica 0. The
 * {@link Trainer} calls it through {@link Trainer.Builder#gradientSync} or
 * {@link Trainer.Builder#parameterAveraging}; {@link #NONE} (one process) changes nothing. Every call is
 * collective: all replicas must make the same calls, in the same order, with vectors of the same length.
 *
 * <p>Loss reduction: with a mean loss, replica r's gradient is {@code g_r = (1/n_r) sum_{i in r} grad l_i}.
 * The mean over the global batch is {@code g = sum_r n_r g_r / sum_r n_r}, which is what
 * {@link #allReduceMean} computes when each replica passes its example count {@code n_r} as weight (the
 * plain average of replica means only when all {@code n_r} are equal).
 */
public interface GradientSync {
    /** One process: the all-reduce and the broadcast leave their argument as it is. */
    GradientSync NONE = new GradientSync() {
        @Override
        public void allReduceMean(float[] values, double weight) {
            if (!(weight > 0)) throw new IllegalArgumentException("GradientSync.allReduceMean: weight must be > 0, got " + weight);
        }

        @Override
        public void broadcast(float[] values) {}

        @Override
        public int worldSize() {
            return 1;
        }

        @Override
        public int rank() {
            return 0;
        }

        @Override
        public String toString() {
            return "GradientSync.NONE";
        }
    };

    /**
     * Replaces {@code values} on every replica with the weighted mean {@code sum_r w_r v_r / sum_r w_r}
     * (summed in replica order, in double, so every replica gets the same bits).
     *
     * @param values this replica's vector, overwritten with the mean
     * @param weight this replica's weight, e.g. its example count; must be &gt; 0
     * @throws IllegalArgumentException when the replicas' lengths differ or a weight is not positive
     */
    void allReduceMean(float[] values, double weight);

    /**
     * Overwrites {@code values} on every replica with replica 0's.
     *
     * @param values this replica's vector; replica 0's is left as it is
     * @throws IllegalArgumentException when the replicas' lengths differ
     */
    void broadcast(float[] values);

    /** {@return the number of replicas} */
    int worldSize();

    /** {@return this replica's index, 0 to worldSize() - 1} */
    int rank();
}
