package dev.weft.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Golden values of {@link Crossover#find} on constructed series (times that are power laws cross exactly). */
class CrossoverTest {

    @Test
    void linearCpuAgainstConstantGpuCrossesAtThree() {
        // cpu t = s, gpu t = 3: equal at s = 3; log-linear interpolation is exact for power laws
        Crossover c = Crossover.find(new double[] {1, 2, 4, 8}, new double[] {1, 2, 4, 8}, new double[] {3, 3, 3, 3});
        assertEquals(Crossover.Kind.AT, c.kind());
        assertEquals(3.0, c.size(), 1e-12);
        assertEquals(2.0, c.below());
        assertEquals(4.0, c.above());
    }

    @Test
    void quadraticCpuAgainstLinearGpuCrossesAtTen() {
        double[] s = {1, 2, 4, 8, 16, 32}, cpu = new double[6], gpu = new double[6];
        for (int i = 0; i < 6; i++) { cpu[i] = s[i] * s[i]; gpu[i] = 10 * s[i]; }
        Crossover c = Crossover.find(s, cpu, gpu);
        assertEquals(Crossover.Kind.AT, c.kind());
        assertEquals(10.0, c.size(), 1e-9);
        assertEquals(8.0, c.below());
        assertEquals(16.0, c.above());
    }

    @Test
    void aLossAfterAnEarlyWinMovesTheCrossoverPastIt() {
        // wins at 2, loses at 4 (tie counts as a loss), wins from 8 on: the crossover lies between 4 and 8
        Crossover c = Crossover.find(new double[] {1, 2, 4, 8}, new double[] {1, 5, 4, 16}, new double[] {2, 4, 4, 4});
        assertEquals(Crossover.Kind.AT, c.kind());
        assertEquals(4.0, c.below());
        assertEquals(8.0, c.above());
        assertEquals(4.0, c.size(), 1e-12);   // d = 0 at 4 exactly
    }

    @Test
    void winsEverywhereOrNowhere() {
        Crossover all = Crossover.find(new double[] {64, 128}, new double[] {2, 3}, new double[] {1, 1});
        assertEquals(Crossover.Kind.ALWAYS, all.kind());
        assertEquals(64.0, all.size());
        Crossover none = Crossover.find(new double[] {64, 128, 256}, new double[] {2, 3, 4}, new double[] {1, 1, 5});
        assertEquals(Crossover.Kind.NEVER, none.kind());
        assertEquals(256.0, none.below());
        assertTrue(none.describe(ReportWriter::size).contains("up to 256"), none.describe(ReportWriter::size));
    }

    @Test
    void badSeriesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Crossover.find(new double[] {1, 2}, new double[] {1}, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("Crossover.find") && e.getMessage().contains("2 sizes, 1 CPU times"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Crossover.find(new double[] {4, 2}, new double[] {1, 1}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("sizes must ascend"), e.getMessage());
    }
}
