package dev.weft.nn.data;

import dev.weft.nn.train.Batch;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Mini-batches over a dataset: sample order (sequential, or a seeded permutation per epoch), batching
 * with optional dropLast, a collate function, and optional prefetching on worker threads with the
 * batch order kept. Each {@link #iterator()} call is the next epoch; {@link #iterator(int)} replays any
 * epoch. A (TensorDataset, or Subsets of one) batch is gathered by indexSelect over the whole tensors.
 *
 * <pre>{@code
 * var loader = DataLoader.pairs(new TensorDataset(x, y)).batchSize(64).shuffle(new Generator(0)).build();
 * for (int e = 0; e < 10; e++) for (Batch b : loader) train(b.input(), b.target());
 * }</pre>
 *
 * @param <B> the batch type
 */
public final class DataLoader<B> implements Iterable<B> {
    private final int datasetSize;
    private final Function<int[], B> fetch;
    private final int batchSize;
    private final boolean dropLast;
    private final boolean shuffle;
    private final long baseSeed;
    private final int numWorkers;
    private final int prefetchFactor;
    private int nextEpoch;

    private DataLoader(Builder<B> b) {
        this.datasetSize = b.datasetSize;
        this.fetch = b.fetch;
        this.batchSize = b.batchSize;
        this.dropLast = b.dropLast;
        this.shuffle = b.generator != null;
        // one draw from the user's generator fixes every epoch's order
        this.baseSeed = shuffle ? b.generator.nextSeed() : 0;
        this.numWorkers = b.numWorkers;
        this.prefetchFactor = b.prefetchFactor;
    }

    /**
     * A loader whose batches are collate(samples), samples = dataset.get(i) for the batch's indices.
     *
     * @param <T> the sample type
     * @param <B> the batch type
     * @param dataset the samples
     * @param collate makes a batch from its samples, in batch order
     * @return a builder to set batch size, shuffling and workers on
     */
    public static <T, B> Builder<B> builder(Dataset<T> dataset, Function<? super List<T>, ? extends B> collate) {
        Objects.requireNonNull(collate, "collate");
        return new Builder<>(dataset.size(), idx -> {
            List<T> samples = new ArrayList<>(idx.length);
            for (int i : idx) samples.add(dataset.get(i));
            return collate.apply(samples);
        });
    }

    /**
     * Batches of tensor tuples: column j of a batch is (B, ...) stacked from the samples' tensor j.
     * A TensorDataset (or a Subset chain over one) takes the indexSelect fast path.
     *
     * @param dataset samples that are tensor tuples
     * @return a builder to set batch size, shuffling and workers on
     */
    public static Builder<List<Tensor>> builder(Dataset<List<Tensor>> dataset) {
        Function<int[], List<Tensor>> rows = rowGather(dataset);
        if (rows != null) return new Builder<>(dataset.size(), rows);
        return builder(dataset, Collate::stackEach);
    }

    /**
     * The training loop's Batch(input, target) for datasets of (x, y) samples (fast path as in
     * {@link #builder(Dataset)}); a DataLoader&lt;Batch&gt; is what Trainer.fit takes.
     *
     * @param dataset samples that are (x, y) pairs
     * @return a builder to set batch size, shuffling and workers on
     */
    public static Builder<Batch> pairs(Dataset<List<Tensor>> dataset) {
        if (dataset instanceof TensorDataset td && td.tensors().size() != 2) {
            throw new IllegalArgumentException("DataLoader.pairs: " + td + " has " + td.tensors().size() + " tensors, needs 2 (input, target)");
        }
        Function<int[], List<Tensor>> rows = rowGather(dataset);
        if (rows != null) return new Builder<>(dataset.size(), rows.andThen(Collate::toBatch));
        return builder(dataset, Collate::pairs);
    }

    /** Index gather for a TensorDataset behind any number of Subsets; null when the dataset is something else. */
    private static Function<int[], List<Tensor>> rowGather(Dataset<?> dataset) {
        if (dataset instanceof TensorDataset td) return td::rows;
        if (dataset instanceof Subset<?> s) {
            Function<int[], List<Tensor>> inner = rowGather(s.dataset());
            return inner == null ? null : idx -> inner.apply(s.map(idx));
        }
        return null;
    }

    /**
     * Batches per epoch: floor(N / batchSize) with dropLast, else ceil(N / batchSize).
     *
     * @return the number of batches per epoch
     */
    public int size() {
        return dropLast ? datasetSize / batchSize : (int) (((long) datasetSize + batchSize - 1) / batchSize);
    }

    /**
     * Samples in the dataset.
     *
     * @return N
     */
    public int datasetSize() {
        return datasetSize;
    }

    /**
     * {@return the number of samples per batch (the last may have fewer)}
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * {@return whether a smaller last batch is dropped}
     */
    public boolean dropLast() {
        return dropLast;
    }

    /**
     * {@return the number of worker threads (0: batches made on the consumer's thread)}
     */
    public int numWorkers() {
        return numWorkers;
    }

    /**
     * The sample order of an epoch: 0..N-1, or with shuffle the permutation
     * randperm(Generator(mix(baseSeed, epoch)), N), a pure function of the builder's generator state and the epoch.
     *
     * @param epoch the epoch, from 0
     * @return a permutation of 0..N-1
     */
    public int[] order(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("DataLoader: epoch must be >= 0, got " + epoch);
        int[] out = new int[datasetSize];
        if (!shuffle) {
            for (int i = 0; i < datasetSize; i++) out[i] = i;
            return out;
        }
        long[] perm = Tensor.randperm(new Generator(epochSeed(baseSeed, epoch)), datasetSize).toLongArray();
        for (int i = 0; i < datasetSize; i++) out[i] = (int) perm[i];
        return out;
    }

    /** {@return the epoch the next {@link #iterator()} call starts} */
    public synchronized int nextEpoch() {
        return nextEpoch;
    }

    /**
     * Makes the next {@link #iterator()} call start this epoch (e.g. to resume training).
     *
     * @param epoch the epoch, from 0
     */
    public synchronized void setEpoch(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("DataLoader: epoch must be >= 0, got " + epoch);
        nextEpoch = epoch;
    }

    /** {@return the batches of the next epoch (and advances the epoch counter)} */
    @Override
    public BatchIterator<B> iterator() {
        int e;
        synchronized (this) {
            e = nextEpoch++;
        }
        return iterator(e);
    }

    /**
     * The batches of the given epoch; does not touch the epoch counter.
     *
     * @param epoch the epoch, from 0
     * @return its batches, in order
     */
    public BatchIterator<B> iterator(int epoch) {
        int[] order = order(epoch);
        return new LoaderIterator<>(epoch, order, size(), batchSize, fetch, numWorkers, prefetchFactor);
    }

    /** splitmix64 of base + golden * (epoch + 1): well-spread keys for neighbouring epochs. */
    static long epochSeed(long base, int epoch) {
        long z = base + 0x9E3779B97F4A7C15L * (epoch + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "DataLoader(samples=" + datasetSize + ", batchSize=" + batchSize + ", shuffle=" + shuffle
                + ", dropLast=" + dropLast + ", numWorkers=" + numWorkers + ", prefetchFactor=" + prefetchFactor + ")";
    }

    /**
     * Options; defaults: batchSize 1, no shuffle, dropLast false, numWorkers 0 (consumer thread), prefetchFactor 2.
     *
     * @param <B> the batch type
     */
    public static final class Builder<B> {
        private final int datasetSize;
        private final Function<int[], B> fetch;
        private int batchSize = 1;
        private boolean dropLast;
        private Generator generator;
        private int numWorkers;
        private int prefetchFactor = 2;

        private Builder(int datasetSize, Function<int[], ? extends B> fetch) {
            this.datasetSize = datasetSize;
            this.fetch = fetch::apply;
        }

        /**
         * Samples per batch.
         *
         * @param batchSize at least 1, default 1
         * @return this builder
         * @throws IllegalArgumentException if batchSize is below least
         */
        public Builder<B> batchSize(int batchSize) {
            if (batchSize < 1) throw new IllegalArgumentException("DataLoader: batchSize must be >= 1, got " + batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Shuffle every epoch; build() draws one seed from generator (advancing it). null: no shuffle.
         *
         * @param generator the shuffle's seed source, or null
         * @return this builder
         */
        public Builder<B> shuffle(Generator generator) {
            this.generator = generator;
            return this;
        }

        /**
         * Drop the last batch when it is smaller than batchSize.
         *
         * @param dropLast default false
         * @return this builder
         */
        public Builder<B> dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /**
         * Worker threads (virtual) that make batches ahead of the consumer; 0 makes them on the consumer's thread.
         *
         * @param numWorkers at least 0, default 0
         * @return this builder
         * @throws IllegalArgumentException if numWorkers is below least
         */
        public Builder<B> numWorkers(int numWorkers) {
            if (numWorkers < 0) throw new IllegalArgumentException("DataLoader: numWorkers must be >= 0, got " + numWorkers);
            this.numWorkers = numWorkers;
            return this;
        }

        /**
         * Batches in flight per worker (the prefetch depth is numWorkers * prefetchFactor).
         *
         * @param prefetchFactor at least 1, default 2
         * @return this builder
         * @throws IllegalArgumentException if prefetchFactor is below least
         */
        public Builder<B> prefetchFactor(int prefetchFactor) {
            if (prefetchFactor < 1) throw new IllegalArgumentException("DataLoader: prefetchFactor must be >= 1, got " + prefetchFactor);
            this.prefetchFactor = prefetchFactor;
            return this;
        }

        /**
         * Makes the loader, drawing the shuffle seed from the generator when there is one.
         *
         * @return the loader
         */
        public DataLoader<B> build() {
            return new DataLoader<>(this);
        }
    }
}
