package dev.weft.repro.hyper;

import dev.weft.graph.arch.ArchSpec;
import dev.weft.graph.arch.LayerSpec;
import dev.weft.graph.arch.MlpSpace;
import dev.weft.graph.hyper.GraphHyperNetwork;
import dev.weft.nn.FunctionalCall;
import dev.weft.nn.Sequential;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The parts of ghn-mlp that need no data: the held-out split, the accuracy count, the GHN's fit to every held-out net. */
class GhnMlpTest {
    @Test
    void heldOutArchitecturesAreNeverTrainedOnAndMostHaveUnseenWidths() {
        List<ArchSpec> held = GhnMlp.heldOut();
        assertEquals(6, held.size());
        assertEquals(List.of("784-40-10", "784-100-50-10", "784-64-64-64-10", "784-128-32-10", "784-80-40-20-10", "784-24-96-48-16-10"),
                held.stream().map(MlpSpace::name).toList());
        Generator g = new Generator(0);
        Set<ArchSpec> seen = new HashSet<>(GhnMlp.sampleTraining(g, 3000));
        for (ArchSpec h : held) assertFalse(seen.contains(h), MlpSpace.name(h));
        // the sampler does reach the in-support held-out nets without the rejection: the rejection is what keeps them out
        Set<Integer> widths = new HashSet<>();
        for (int w : GhnMlp.WIDTHS) widths.add(w);
        long outside = held.stream().filter(h -> h.layers().stream().anyMatch(l -> l instanceof LayerSpec.Linear lin && lin.out() != 10
                && !widths.contains(lin.out()))).count();
        assertEquals(3, outside);
        assertTrue(seen.size() > 500, "the training distribution is broad: " + seen.size() + " distinct nets in 3,000 draws");
    }

    @Test
    void accuracyCountsTheArgmaxInBatches() {
        int n = 4100;                         // more than two evaluation batches, with a tail
        long[] y = new long[n];
        float[] guess = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
            guess[i] = i % 2 == 0 ? y[i] : (y[i] + 1) % 10;     // right on even rows only
        }
        Tensor labels = Tensor.of(y), x = Tensor.of(guess, n, 1);
        double acc = GhnMlp.accuracy(in -> Tensor.eye(10).indexSelect(0, in.squeeze(1).to(DType.I64)), x, labels);
        assertEquals(50.0, acc, 1e-9);
        assertEquals(10.0, GhnMlp.accuracy(in -> Tensor.zeros(in.size(0), 10), x, labels), 1e-9, "all-equal logits pick class 0");
    }

    @Test
    void theGhnPredictsEveryHeldOutNetsParametersAtTheirShapes() {
        GraphHyperNetwork ghn = GhnMlp.ghn(new Generator(1));
        assertArrayEquals(new int[] {64, 784, 1, 1}, ghn.maxShape());
        for (ArchSpec spec : GhnMlp.heldOut()) {
            Sequential net = spec.build(new Generator(2));
            Map<String, Tensor> p = ghn.predict(spec.graph());
            for (var e : net.namedParameters().entrySet()) assertArrayEquals(e.getValue().shape(), p.get(e.getKey()).shape(), e.getKey());
            assertArrayEquals(new int[] {3, 10}, FunctionalCall.call(net, p, Tensor.zeros(3, 1, 28, 28)).shape());
        }
        assertTrue(Arrays.stream(GhnMlp.WIDTHS).allMatch(w -> w >= 16 && w <= 128));
    }
}
