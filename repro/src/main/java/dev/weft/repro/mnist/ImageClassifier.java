package dev.weft.repro.mnist;

import dev.weft.nn.Module;
import dev.weft.nn.data.DataLoader;
import dev.weft.nn.data.TensorDataset;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.lr.CosineAnnealingLR;
import dev.weft.nn.train.Batch;
import dev.weft.nn.train.Evaluator;
import dev.weft.nn.train.History;
import dev.weft.nn.train.Trainer;
import dev.weft.repro.Curve;
import dev.weft.repro.Figure;
import dev.weft.repro.Outcome;
import dev.weft.repro.RunContext;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training set-up the MNIST reproductions share, run by the {@link Trainer}: Adam with a
 * cosine-annealed learning rate (stepped per batch), cross-entropy, seeded shuffling, and the test set
 * evaluated once per epoch (four times per epoch when {@code evalsPerEpoch} is 4, as in quick runs, so
 * the curve has points). Returns the final test accuracy and the error curves of the paper's Fig. 5.
 */
final class ImageClassifier {
    private ImageClassifier() {}

    static final String ACCURACY = "test accuracy", FIGURE = "error";

    /** LeCun et al. 1998, Fig. 5: training and test error against passes through the training set. */
    static Figure errorFigure(String title) {
        return new Figure(FIGURE, title, "passes through the training set (epochs)", "error (%)", false,
                "the paper's Fig. 5 plots LeNet-5's training and test error per pass; the training error here is the "
                        + "running error over each pass (as the model learns), the test error the full 10,000-image test set");
    }

    /** Evaluates loss and accuracy in percent, the unit of every table and progress line. */
    private static Evaluator percent(DataLoader<Batch> test) {
        Evaluator e = Evaluator.of(Losses::crossEntropy, test);
        return model -> {
            Map<String, Double> r = e.evaluate(model), out = new LinkedHashMap<>();
            out.put("accuracy%", 100 * r.get("accuracy"));
            out.put("loss", r.get("loss"));
            return out;
        };
    }

    static Outcome fit(Module model, Tensor trainX, Tensor trainY, Tensor testX, Tensor testY, int epochs, int batch,
                       double lr, int evalsPerEpoch, RunContext ctx) {
        DataLoader<Batch> train = DataLoader.pairs(new TensorDataset(trainX, trainY)).batchSize(batch)
                .shuffle(new Generator(ctx.seed() + 1)).build();
        DataLoader<Batch> test = DataLoader.pairs(new TensorDataset(testX, testY)).batchSize(1000).build();
        Adam opt = new Adam(model.parameters(), lr);
        int steps = train.size();
        Trainer.Builder b = Trainer.builder().epochs(epochs)
                .schedulerPerStep(new CosineAnnealingLR(opt, epochs * steps))
                .evalEachEpoch(percent(test))
                .progress(ctx.progressMode(), ctx.log());
        // extra points within an epoch; the epoch's own evaluation comes last, after its final step
        if (evalsPerEpoch > 1) b.evalEvery((steps + evalsPerEpoch - 1) / evalsPerEpoch, percent(test));
        History h = b.build().fit(model, opt, Losses::crossEntropy, train);
        List<Double> ex = new ArrayList<>(), ey = new ArrayList<>(), tx = new ArrayList<>(), ty = new ArrayList<>();
        long lastStep = -1;
        for (History.Evaluation e : h.evaluations()) {
            if (e.step() == lastStep) continue;                  // a step evaluation that fell on the epoch's end
            lastStep = e.step();
            ex.add((double) e.step() / steps);
            ey.add(100 - e.metrics().get("accuracy%"));
        }
        for (History.Epoch e : h.epochs()) {
            tx.add(e.epoch() + 1.0);
            ty.add(100 * (1 - e.accuracy()));
        }
        double acc = h.evaluations().getLast().metrics().get("accuracy%");
        return new Outcome(Map.of(ACCURACY, acc), List.of(new Curve(FIGURE, "test error", ex, ey),
                new Curve(FIGURE, "training error (running, per pass)", tx, ty)));
    }
}
