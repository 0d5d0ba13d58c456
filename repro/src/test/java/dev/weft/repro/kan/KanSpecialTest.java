package dev.weft.repro.kan;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.repro.Claim;
import dev.weft.tensor.Generator;
import org.junit.jupiter.api.Test;

/**
 * kan-special's parts (its quick run is in QuickReproductionsTest): every function is finite over its whole box, the
 * recorded spreads are the targets' (so the bounds are far below what a constant predictor scores), the claims.
 */
class KanSpecialTest {
    @Test
    void everyFunctionIsFiniteOnItsBoxAndItsSpreadIsTheRecordedOne() {
        for (KanSpecial.Fn f : KanSpecial.FUNCTIONS) {
            KanVsMlp.Data d = KanVsMlp.sample(f.target(), 4000, new Generator(11));   // sample() rejects non-finite targets
            double std = KanVsMlp.std(d);
            assertEquals(f.std(), std, 0.05 * f.std(), f.name() + ": spread over the box");
            assertTrue(f.kanBound() * 25 <= std, f.name() + ": KAN bound " + f.kanBound() + " vs std " + std);
            assertTrue(f.mlpBound() <= std / 2.5, f.name());
        }
    }

    @Test
    void twoClaimsPerFunctionAndTheQuickBoundsAreLooser() {
        assertEquals(2 * KanSpecial.FUNCTIONS.size(), new KanSpecial().claims().size());
        for (Claim c : new KanSpecial().claims()) {
            assertTrue(c.quickTarget() >= c.target(), c.metric());
            assertFalse(c.higherIsBetter(), c.metric());
        }
    }
}
