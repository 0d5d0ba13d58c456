package dev.weft.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Laws of an epoch over random sizes and options: each sample exactly once, full batches, len(). */
class DataLoaderProperties {

    @Property(tries = 120, seed = "21")
    void everySampleExactlyOncePerEpoch(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        int n = rnd.nextInt(40), bs = 1 + rnd.nextInt(9);
        boolean dropLast = rnd.nextBoolean(), shuffle = rnd.nextBoolean();
        int workers = rnd.nextInt(3);
        DataLoader<List<Tensor>> l = DataLoader.builder(new TensorDataset(Tensor.arange(n))).batchSize(bs).dropLast(dropLast)
                .shuffle(shuffle ? new Generator(seed) : null).numWorkers(workers).build();
        int expectedBatches = dropLast ? n / bs : (n + bs - 1) / bs;
        assertEquals(expectedBatches, l.size());
        for (int epoch = 0; epoch < 2; epoch++) {
            int[] seen = new int[n];
            int batches = 0, samples = 0;
            for (List<Tensor> b : l) {
                long[] ids = b.getFirst().toLongArray();
                boolean last = batches == expectedBatches - 1;
                assertTrue(ids.length == bs || (!dropLast && last && ids.length == n % bs), "batch " + batches + " has " + ids.length);
                for (long id : ids) seen[(int) id]++;
                samples += ids.length;
                batches++;
            }
            assertEquals(expectedBatches, batches);
            assertEquals(dropLast ? expectedBatches * bs : n, samples);
            for (int i = 0; i < n; i++) assertTrue(seen[i] <= 1, "sample " + i + " seen " + seen[i] + " times in epoch " + epoch);
            if (!dropLast) for (int i = 0; i < n; i++) assertEquals(1, seen[i], "sample " + i + " in epoch " + epoch);
        }
    }

    @Property(tries = 60, seed = "22")
    void orderIsAPermutationAndReplays(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(200);
        DataLoader<List<Tensor>> l = DataLoader.builder(new TensorDataset(Tensor.arange(n))).shuffle(new Generator(seed)).build();
        int epoch = rnd.nextInt(1000);
        int[] order = l.order(epoch);
        int[] sorted = order.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < n; i++) assertEquals(i, sorted[i]);
        assertArrayEquals(order, DataLoader.builder(new TensorDataset(Tensor.arange(n))).shuffle(new Generator(seed)).build().order(epoch));
    }
}
