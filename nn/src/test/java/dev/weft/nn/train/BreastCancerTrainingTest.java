package dev.weft.nn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Logistic regression on the real UCI breast-cancer data (569 x 30) through the Trainer: standardized
 * features, 400 train / 169 test, Adam. Linear models reach about 95-98 % on it. Skipped when the
 * data directory (-Dweft.data, $WEFT_DATA, else ../../shared/data) is absent.
 */
class BreastCancerTrainingTest {
    private static Path dataDir() {
        String p = System.getProperty("weft.data");
        if (p == null) p = System.getenv("WEFT_DATA");
        return Path.of(p != null ? p : "../../shared/data");
    }

    @Test
    void logisticRegressionGeneralizes() throws IOException {
        Path csv = dataDir().resolve("uci/breast_cancer.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "UCI data not found at " + csv.toAbsolutePath() + " (set -Dweft.data)");
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size() - 1, f = 30;
        float[] x = new float[n * f];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            String[] v = lines.get(i + 1).split(",");
            for (int j = 0; j < f; j++) x[i * f + j] = Float.parseFloat(v[j]);
            y[i] = Float.parseFloat(v[f]);
        }
        Tensor all = Tensor.of(x, n, f);
        Tensor perm = Tensor.randperm(new Generator(5), n);
        all = all.indexSelect(0, perm);
        Tensor labels = Tensor.of(y).indexSelect(0, perm).unsqueeze(1);
        Tensor mean = all.mean(new int[] {0}, true), std = all.std(new int[] {0}, 1, true);
        all = all.sub(mean).div(std);
        List<Batch> train = new ArrayList<>(), test = List.of(new Batch(all.narrow(0, 400, n - 400), labels.narrow(0, 400, n - 400)));
        for (int s = 0; s < 400; s += 50) train.add(new Batch(all.narrow(0, s, 50), labels.narrow(0, s, 50)));
        TinyLinear model = new TinyLinear(f, 1, new Generator(9));
        History h = Trainer.builder().epochs(30).progress(Trainer.ProgressMode.OFF, System.err)
                .evalEachEpoch(Evaluator.of(Losses::binaryCrossEntropyWithLogits, test)).build()
                .fit(model, new Adam(model.parameters(), 0.01), Losses::binaryCrossEntropyWithLogits, train);
        double acc = h.evaluations().get(h.evaluations().size() - 1).metrics().get("accuracy");
        assertTrue(acc > 0.93, "test accuracy " + acc);
        assertTrue(h.last().accuracy() > 0.95, "train accuracy " + h.last().accuracy());
    }
}
