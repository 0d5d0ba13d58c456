package dev.weft.nn.train;

import dev.weft.autograd.Autograd;
import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * An evaluation hook: metrics by name (e.g. "loss", "accuracy") for the model as it is now. The
 * trainer calls it in eval mode under no-grad and switches back to training mode afterwards.
 */
@FunctionalInterface
public interface Evaluator {
    /**
     * Evaluates the model as it is now.
     *
     * @param model the model, in eval mode
     * @return the metrics by name
     */
    Map<String, Double> evaluate(Module model);

    /**
     * Mean loss (weighted by batch size) and, where {@link Metrics#correct} applies, accuracy of the model
     * over {@code data}.
     *
     * @param lossFn the loss of (output, target), a scalar mean over the batch
     * @param data the batches to evaluate on (iterated on each call)
     * @return an evaluator giving "loss" and, where it applies, "accuracy"
     */
    static Evaluator of(BiFunction<Tensor, Tensor, Tensor> lossFn, Iterable<Batch> data) {
        return model -> {
            Metrics m = new Metrics();
            try (var s = Autograd.noGrad()) {
                for (Batch b : data) {
                    Tensor out = model.forward(b.input());
                    m.add(lossFn.apply(out, b.target()).item(), out, b.target());
                }
            }
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("loss", m.meanLoss());
            if (m.hasAccuracy()) r.put("accuracy", m.accuracy());
            return r;
        };
    }
}
