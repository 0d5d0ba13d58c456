package dev.weft.nn.data;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Dataset utilities: random splits into disjoint subsets. */
public final class Datasets {
    private Datasets() {}

    /**
     * Splits a dataset into disjoint subsets of the given lengths, which must sum to its size. The
     * samples are permuted by Tensor.randperm(generator, size) (advancing the generator); subset j takes
     * the next lengths[j] positions of that permutation.
     *
     * @param <T> the sample type
     * @param dataset the dataset to split
     * @param lengths the subset sizes, non-negative, summing to the dataset's size
     * @param generator the source of the permutation
     * @return the subsets, in the order of lengths
     * @throws IllegalArgumentException if a length is negative or they do not sum to the size
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, Generator generator) {
        long sum = 0;
        for (int len : lengths) {
            if (len < 0) throw new IllegalArgumentException("randomSplit: negative length in " + Arrays.toString(lengths));
            sum += len;
        }
        if (sum != dataset.size()) {
            throw new IllegalArgumentException("randomSplit: lengths " + Arrays.toString(lengths) + " sum to " + sum
                    + " != dataset size " + dataset.size());
        }
        long[] perm = Tensor.randperm(generator, dataset.size()).toLongArray();
        List<Subset<T>> out = new ArrayList<>(lengths.length);
        int at = 0;
        for (int len : lengths) {
            int[] idx = new int[len];
            for (int k = 0; k < len; k++) idx[k] = (int) perm[at + k];
            at += len;
            out.add(new Subset<>(dataset, idx));
        }
        return out;
    }

    /**
     * Splits by fractions summing to 1 (within 1e-9): each gets floor(f * size) samples, then the
     * remaining samples go one each to the first subsets, round robin.
     *
     * @param <T> the sample type
     * @param dataset the dataset to split
     * @param fractions the subset fractions, each in [0, 1]
     * @param generator the source of the permutation
     * @return the subsets, in the order of fractions
     * @throws IllegalArgumentException if a fraction is outside [0, 1] or they do not sum to 1
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        double total = 0;
        for (double f : fractions) {
            if (!(f >= 0 && f <= 1)) throw new IllegalArgumentException("randomSplit: fraction " + f + " outside [0, 1] in " + Arrays.toString(fractions));
            total += f;
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("randomSplit: fractions " + Arrays.toString(fractions) + " sum to " + total + ", not 1");
        }
        int n = dataset.size();
        int[] lengths = new int[fractions.length];
        int used = 0;
        for (int j = 0; j < fractions.length; j++) {
            lengths[j] = (int) Math.floor(n * fractions[j]);
            used += lengths[j];
        }
        for (int j = 0; used < n; j = (j + 1) % lengths.length, used++) lengths[j]++;
        return randomSplit(dataset, lengths, generator);
    }
}
