package dev.weft.repro.toys;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * grokking-modadd's parts (its quick run is in QuickReproductionsTest): the data set (sizes, one-hot pairs, labels
 * (a + b) mod p, exactly the corrupted share of training labels wrong, clean test labels, seeded) and the delay ratio.
 */
class GrokkingModAddTest {
    @Test
    void modularAdditionSplitsAndCorruptsAsStated() {
        int p = 7;
        ModularAddition d = ModularAddition.make(p, 0.5, 0.2, new Generator(3));
        int nTrain = (int) Math.round(0.5 * 49);
        assertArrayEquals(new int[] {nTrain, 2 * p}, d.trainX().shape());
        assertArrayEquals(new int[] {49 - nTrain, 2 * p}, d.testX().shape());
        // labels: the argmax of each one-hot half gives a and b
        for (Tensor[] xy : new Tensor[][] {{d.trainX(), d.trainClean()}, {d.testX(), d.testY()}}) {
            long[] a = xy[0].narrow(1, 0, p).argmax(1).toLongArray(), b = xy[0].narrow(1, p, p).argmax(1).toLongArray(), y = xy[1].toLongArray();
            for (int i = 0; i < y.length; i++) assertEquals((a[i] + b[i]) % p, y[i]);
            assertEquals(2.0 * y.length, xy[0].sum().item());
        }
        long wrong = d.trainY().ne(d.trainClean()).to(DType.F64).sum().toLongArray()[0];
        assertEquals(Math.round(0.2 * nTrain), wrong);
        assertTrue(d.trainY().ne(d.trainClean()).eq(d.corrupted()).all().item() == 1);
        // every pair once: train and test together cover Z_p x Z_p
        Tensor codes = Tensor.cat(new Tensor[] {d.trainX(), d.testX()}, 0).narrow(1, 0, p).argmax(1).mul((long) p)
                .add(Tensor.cat(new Tensor[] {d.trainX(), d.testX()}, 0).narrow(1, p, p).argmax(1));
        assertArrayEquals(Tensor.arange(49).toLongArray(), codes.sort().values().toLongArray());
        ModularAddition again = ModularAddition.make(p, 0.5, 0.2, new Generator(3));
        assertArrayEquals(d.trainY().toLongArray(), again.trainY().toLongArray());
        assertThrows(IllegalArgumentException.class, () -> ModularAddition.make(p, 1.0, 0, new Generator(0)));
    }

    @Test
    void delayRatioComparesTheFirstStepsReachingEachLevel() {
        List<Double> steps = List.of(0.0, 50.0, 100.0, 150.0, 200.0);
        var h = new GrokkingRun.History(steps, List.of(3.0, 60.0, 100.0, 100.0, 100.0), List.of(0.0, 0.0, 0.0, 0.0, 0.0),
                List.of(3.0, 1.0, 20.0, 80.0, 95.0));
        assertEquals(2.0, GrokkingModAdd.delayRatio(h));
        var never = new GrokkingRun.History(steps, h.train(), h.memorized(), List.of(3.0, 1.0, 2.0, 2.0, 2.0));
        assertTrue(Double.isNaN(GrokkingModAdd.delayRatio(never)));
    }
}
