package dev.weft.repro.hopfield;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The retrieval measure on generated patterns (no data): masking, bit error, and both memories either side of capacity. */
class HopfieldRetrievalTest {
    @Test
    void halfMaskingZeroesTheSecondHalfAndBitErrorCountsWrongEntries() {
        Tensor x = HopfieldRetrieval.randomPatterns(new Generator(1), 5, 8);
        double[] q = HopfieldRetrieval.halfMasked(x, 3).toDoubleArray(), v = x.toDoubleArray();
        assertEquals(24, q.length);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 8; j++) assertEquals(j < 4 ? v[i * 8 + j] : 0, q[i * 8 + j], 0.0);
        }
        assertEquals(0, HopfieldRetrieval.bitError(x, x));
        assertEquals(100, HopfieldRetrieval.bitError(x.neg(), x));
        assertEquals(50, HopfieldRetrieval.bitError(HopfieldRetrieval.halfMasked(x, 5), x), "the masked half (0) counts as wrong");
    }

    @Test
    void classicalFailsBeyondCapacityWhereModernRetrieves() {
        int d = 200;
        Tensor few = HopfieldRetrieval.randomPatterns(new Generator(2), 8, d), many = HopfieldRetrieval.randomPatterns(new Generator(3), 60, d);
        assertTrue(HopfieldRetrieval.classicalError(few, 100) < 0.5);
        assertTrue(HopfieldRetrieval.classicalError(many, 100) > 5, "0.3 d patterns are beyond the classical capacity");
        assertEquals(0, HopfieldRetrieval.modernError(many, 1 / Math.sqrt(d), 100));
    }
}
