package dev.weft.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.layers.Linear;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.train.Batch;
import dev.weft.nn.train.Evaluator;
import dev.weft.nn.train.History;
import dev.weft.nn.train.Trainer;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end on real data: iris (LabeledCsv) -> standardize -> randomSplit -> shuffled DataLoaders ->
 * Trainer with softmax regression. Checks that a loader plugs straight into Trainer.fit and that the
 * whole run is reproducible from its seeds.
 */
class LoaderTrainingTest {

    private static History run(LabeledCsv iris) {
        Tensor x = iris.features();
        x = x.sub(x.mean(new int[] {0}, true)).div(x.std(new int[] {0}, 1, true));
        List<Subset<List<Tensor>>> parts = Datasets.randomSplit(new TensorDataset(x, iris.labels()), new int[] {120, 30}, new Generator(1));
        DataLoader<Batch> train = DataLoader.pairs(parts.get(0)).batchSize(16).shuffle(new Generator(2)).build();
        DataLoader<Batch> test = DataLoader.pairs(parts.get(1)).batchSize(30).build();
        Linear model = new Linear(4, 3, true, new Generator(3));
        return Trainer.builder().epochs(40).progress(Trainer.ProgressMode.OFF, System.err)
                .evalEachEpoch(Evaluator.of(Losses::crossEntropy, test)).build()
                .fit(model, new Adam(model.parameters(), 0.05), Losses::crossEntropy, train);
    }

    @Test
    void irisThroughLoadersAndTrainer() throws IOException {
        LabeledCsv iris = LabeledCsv.read(RealDataTest.data("uci/iris.csv"));
        History h = run(iris);
        assertEquals(40 * 8, h.steps());
        double testAcc = h.evaluations().getLast().metrics().get("accuracy");
        assertTrue(testAcc >= 0.9, "test accuracy " + testAcc);
        assertTrue(h.last().loss() < h.epochs().getFirst().loss() / 2, "loss " + h.epochs().getFirst().loss() + " -> " + h.last().loss());
        // same seeds, same bits
        assertEquals(h.last().loss(), run(iris).last().loss());
    }
}
