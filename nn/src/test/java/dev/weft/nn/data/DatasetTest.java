package dev.weft.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetTest {
    static Tensor ids(int n) {
        return Tensor.arange(n);
    }

    @Test
    void tensorDatasetSamplesAreRows() {
        Tensor x = Tensor.arange(0, 12, 1).reshape(4, 3).to(DType.F32);
        Tensor y = Tensor.of(7L, 8L, 9L, 10L);
        TensorDataset ds = new TensorDataset(x, y);
        assertEquals(4, ds.size());
        List<Tensor> s = ds.get(2);
        assertArrayEquals(new float[] {6, 7, 8}, s.get(0).toFloatArray());
        assertEquals(9, s.get(1).itemLong());
        assertEquals(0, s.get(1).dim());
        List<Tensor> rows = ds.rows(new int[] {3, 0, 3});
        assertArrayEquals(new int[] {3, 3}, rows.get(0).shape());
        assertArrayEquals(new long[] {10, 7, 10}, rows.get(1).toLongArray());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> ds.get(4));
        assertEquals("TensorDataset: index 4 out of range for size 4", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> ds.get(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> ds.rows(new int[] {0, 4}));
    }

    @Test
    void tensorDatasetChecksShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Tensor.zeros(5, 2), Tensor.zeros(6)));
        assertEquals("TensorDataset: size mismatch between tensors: tensor 0 (5, 2) has 5 samples, tensor 1 (6,) has 6", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TensorDataset());
        assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Tensor.scalar(1)));
    }

    @Test
    void subsetMapsIndices() {
        TensorDataset ds = new TensorDataset(ids(10));
        Subset<List<Tensor>> s = new Subset<>(ds, new int[] {9, 2, 2});
        assertEquals(3, s.size());
        assertEquals(9, s.get(0).get(0).itemLong());
        assertEquals(2, s.get(2).get(0).itemLong());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(ds, new int[] {1, 10}));
        assertEquals("Subset: indices[1] = 10 out of range for a dataset of size 10", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> s.get(3));
    }

    @Test
    void concatCrossesPartBoundaries() {
        Dataset<Integer> a = constant(3, 100), b = constant(0, 200), c = constant(2, 300);
        ConcatDataset<Integer> cat = new ConcatDataset<>(a, b, c);
        assertEquals(5, cat.size());
        int[] got = IntStream.range(0, 5).map(cat::get).toArray();
        assertArrayEquals(new int[] {100, 101, 102, 300, 301}, got);
        assertThrows(IndexOutOfBoundsException.class, () -> cat.get(5));
        assertThrows(IllegalArgumentException.class, () -> new ConcatDataset<Integer>(List.of()));
    }

    /** n samples base, base + 1, ... */
    static Dataset<Integer> constant(int n, int base) {
        return new Dataset<>() {
            public int size() {
                return n;
            }

            public Integer get(int i) {
                Dataset.checkIndex("constant", i, n);
                return base + i;
            }
        };
    }

    @Test
    void randomSplitIsADeterministicPartition() {
        Dataset<Integer> d = constant(23, 0);
        List<Subset<Integer>> parts = Datasets.randomSplit(d, new int[] {10, 0, 13}, new Generator(5));
        assertEquals(List.of(10, 0, 13), parts.stream().map(Subset::size).toList());
        int[] all = parts.stream().flatMapToInt(p -> Arrays.stream(p.indices())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 23).toArray(), all);
        List<Subset<Integer>> again = Datasets.randomSplit(d, new int[] {10, 0, 13}, new Generator(5));
        assertArrayEquals(parts.get(0).indices(), again.get(0).indices());
        List<Subset<Integer>> other = Datasets.randomSplit(d, new int[] {10, 0, 13}, new Generator(6));
        assertNotEquals(Arrays.toString(parts.get(0).indices()), Arrays.toString(other.get(0).indices()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(d, new int[] {10, 12}, new Generator(0)));
        assertEquals("randomSplit: lengths [10, 12] sum to 22 != dataset size 23", e.getMessage());
    }

    @Test
    void randomSplitByFractions() {
        List<Subset<Integer>> parts = Datasets.randomSplit(constant(10, 0), new double[] {0.25, 0.25, 0.5}, new Generator(1));
        // floor gives 2, 2, 5; the one left over goes to the first
        assertEquals(List.of(3, 2, 5), parts.stream().map(Subset::size).toList());
        assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(constant(10, 0), new double[] {0.5, 0.6}, new Generator(1)));
        assertTrue(Datasets.randomSplit(constant(0, 0), new double[] {1.0}, new Generator(1)).getFirst().size() == 0);
    }
}
