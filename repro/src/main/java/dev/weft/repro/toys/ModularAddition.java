package dev.weft.repro.toys;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * The modular-addition data set of the grokking papers: every pair (a, b) of Z_p x Z_p labelled (a + b) mod p, the
 * inputs one-hot(a) || one-hot(b) (2p values), split at random into a training fraction and the rest (the test
 * set); a fraction of the training labels is corrupted, each replaced by a uniformly drawn wrong label (Doshi et al.
 * 2024, sec. 2). Test labels are never corrupted.
 */
record ModularAddition(int p, Tensor trainX, Tensor trainY, Tensor trainClean, Tensor corrupted, Tensor testX, Tensor testY) {

    /**
     * @param trainFraction share of the p^2 pairs used for training
     * @param corruption    share of the training pairs whose label is replaced by a wrong one
     */
    static ModularAddition make(int p, double trainFraction, double corruption, Generator g) {
        int n = p * p, nTrain = (int) Math.round(trainFraction * n), nBad = (int) Math.round(corruption * nTrain);
        if (p < 2 || nTrain < 1 || nTrain >= n) {
            throw new IllegalArgumentException("ModularAddition: p = " + p + ", trainFraction " + trainFraction + " leaves no train or test pairs");
        }
        long[] perm = Tensor.randperm(g, n).toLongArray();
        long[] offsets = Tensor.randint(g, 1, p, nTrain).toLongArray();
        long[] a = new long[n], b = new long[n], given = new long[nTrain], clean = new long[nTrain], testY = new long[n - nTrain];
        long[] trainA = new long[nTrain], trainB = new long[nTrain], testA = new long[n - nTrain], testB = new long[n - nTrain];
        boolean[] bad = new boolean[nTrain];
        for (int i = 0; i < n; i++) {
            long pair = perm[i], ai = pair / p, bi = pair % p, y = (ai + bi) % p;
            if (i < nTrain) {
                trainA[i] = ai;
                trainB[i] = bi;
                clean[i] = y;
                // the first nBad training pairs (already in random order) get label + offset, offset uniform in 1..p-1
                bad[i] = i < nBad;
                given[i] = bad[i] ? (y + offsets[i]) % p : y;
            } else {
                testA[i - nTrain] = ai;
                testB[i - nTrain] = bi;
                testY[i - nTrain] = y;
            }
        }
        return new ModularAddition(p, inputs(trainA, trainB, p), Tensor.of(given), Tensor.of(clean), Tensor.of(bad),
                inputs(testA, testB, p), Tensor.of(testY));
    }

    /** one-hot(a) || one-hot(b): (n, 2p) F32. */
    static Tensor inputs(long[] a, long[] b, int p) {
        return Tensor.cat(new Tensor[] {Tensor.of(a).oneHot(p), Tensor.of(b).oneHot(p)}, 1).to(DType.F32);
    }
}
