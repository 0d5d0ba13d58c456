package dev.weft.nn.prune;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Iterative magnitude pruning with reset, the procedure of "The Lottery Ticket Hypothesis" (Frankle and Carbin
 * 2019), and with rewinding to step k ("Stabilizing the Lottery Ticket Hypothesis", Frankle et al. 2019):
 * <pre>
 * ticket = LotteryTicket.of(model, targets)        // stores theta_0: every parameter of the model, now
 * repeat:
 *     train(model)                                   // (call ticket.rewindPoint() at step k to rewind there instead)
 *     ticket.prune(rates)                            // each target loses rates[i] of its unpruned weights, smallest |w| first
 *     ticket.reset()                                 // every parameter back to theta_0 (or theta_k); the masks stay
 * </pre>
 * Pruning is layer-wise ({@link #prune(List)}, the paper's per-layer rates) or global ({@link #pruneGlobal}).
 * The stored values are copies; reset writes them into the same tensors, so references stay valid.
 */
public final class LotteryTicket {
    private final Module model;
    private final List<Prune.Target> targets;
    private final IdentityHashMap<Tensor, Tensor> point = new IdentityHashMap<>();
    private int round;

    private LotteryTicket(Module model, List<Prune.Target> targets) {
        this.model = model;
        this.targets = List.copyOf(targets);
        store();
    }

    /**
     * Stores theta_0 (every parameter of {@code model}) and the targets to prune; call before training.
     *
     * @param model the network
     * @param targets the parameters to prune
     * @return the ticket search, at round 0
     * @throws IllegalArgumentException when model is null, there is no target, or a target is not a parameter of a
     *         module in the model
     */
    public static LotteryTicket of(Module model, List<Prune.Target> targets) {
        if (model == null || targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("LotteryTicket.of: needs a model and at least one target");
        }
        for (Prune.Target t : targets) {
            Prune.original(t.module(), t.name(), "LotteryTicket.of");
            if (!model.modules().contains(t.module())) {
                throw new IllegalArgumentException("LotteryTicket.of: target " + t.module().reprName() + "." + t.name() + " is not in the model");
            }
        }
        return new LotteryTicket(model, targets);
    }

    /** Stores the current parameters as the point {@link #reset} returns to (rewinding to step k). */
    public void rewindPoint() {
        store();
    }

    private void store() {
        point.clear();
        try (var s = GradMode.noGrad()) {
            for (Tensor p : model.parameters()) point.put(p, p.detach().clone());
        }
    }

    /**
     * Layer-wise magnitude pruning: target i loses the share rates.get(i) of its unpruned weights.
     *
     * @param rates one share in [0, 1] per target
     */
    public void prune(List<Double> rates) {
        if (rates == null || rates.size() != targets.size()) {
            throw new IllegalArgumentException("LotteryTicket.prune: " + (rates == null ? "null" : rates.size()) + " rates for "
                    + targets.size() + " targets");
        }
        for (int i = 0; i < targets.size(); i++) Prune.l1Unstructured(targets.get(i).module(), targets.get(i).name(), rates.get(i));
        round++;
    }

    /**
     * Global magnitude pruning: the share {@code rate} of all unpruned target weights, smallest |w| first.
     *
     * @param rate the share, in [0, 1]
     */
    public void pruneGlobal(double rate) {
        Prune.globalUnstructured(targets, rate);
        round++;
    }

    /** Every parameter stored by {@link #of} (or the last {@link #rewindPoint}) back to its stored value; masks unchanged. */
    public void reset() {
        try (var s = GradMode.noGrad()) {
            for (Map.Entry<Tensor, Tensor> e : point.entrySet()) e.getKey().copy_(e.getValue());
        }
    }

    /** {@return the share of the target weights still unpruned} */
    public double remaining() {
        long all = 0, alive = 0;
        for (Prune.Target t : targets) {
            all += Prune.original(t.module(), t.name(), "remaining").numel();
            alive += Prune.unpruned(t.module(), t.name(), "remaining");
        }
        return (double) alive / all;
    }

    /** {@return the pruning rounds done} */
    public int round() {
        return round;
    }

    /** {@return the parameters that are pruned} */
    public List<Prune.Target> targets() {
        return targets;
    }
}
