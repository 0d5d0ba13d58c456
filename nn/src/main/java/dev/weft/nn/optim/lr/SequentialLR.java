package dev.weft.nn.optim.lr;

import dev.weft.nn.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs schedulers one after another: scheduler i drives the lr from milestones[i - 1] on; at a
 * milestone the next one restarts at its epoch 0 (in closed form). The schedulers must share the
 * optimizer and be built before this one, as in PyTorch; {@link #withWarmup} builds the common
 * "linear warmup, then schedule S" pair.
 */
public final class SequentialLR extends LRScheduler {
    private final List<LRScheduler> schedulers;
    private final int[] milestones;

    /**
     * Chains schedulers; resets the lrs and restarts the first one at its epoch 0.
     *
     * @param optimizer the optimizer every scheduler drives
     * @param schedulers the schedulers, in the order they run
     * @param milestones the epochs at which the next scheduler takes over, one fewer than schedulers
     * @throws IllegalArgumentException if schedulers is empty, one has another optimizer, or the milestone count is wrong
     */
    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, int[] milestones) {
        super(optimizer);
        if (schedulers.isEmpty()) throw new IllegalArgumentException("SequentialLR: expects at least one scheduler");
        for (int i = 0; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer() != optimizer) {
                throw new IllegalArgumentException("SequentialLR: expects all schedulers to belong to the same optimizer, but got scheduler at index "
                        + i + " with a different one");
            }
        }
        if (milestones.length != schedulers.size() - 1) {
            throw new IllegalArgumentException("SequentialLR: expects number of schedulers provided to be one more than the number of milestone points, but got "
                    + schedulers.size() + " schedulers and " + milestones.length + " milestones");
        }
        this.schedulers = List.copyOf(schedulers);
        this.milestones = milestones.clone();
        this.lastEpoch = 0;
        // reset the lrs the other schedulers' construction changed, undo their step 0, restart the first
        for (var g : optimizer.paramGroups()) g.setLr(g.getDouble("initialLr"));
        for (LRScheduler s : this.schedulers) s.lastEpoch -= 1;
        this.schedulers.get(0).initialStep();
    }

    /**
     * Linear warmup from startFactor * lr to lr over warmupSteps steps, then {@code after} (built here,
     * on the same optimizer) from its epoch 0.
     *
     * @param optimizer the optimizer to schedule
     * @param warmupSteps the length of the warmup, in steps
     * @param startFactor the warmup's first lr as a fraction of the lr
     * @param after builds the scheduler that runs after the warmup
     * @return the two-phase scheduler
     */
    public static SequentialLR withWarmup(Optimizer optimizer, int warmupSteps, double startFactor,
                                          Function<Optimizer, LRScheduler> after) {
        LRScheduler warm = new LinearLR(optimizer, startFactor, 1.0, warmupSteps);
        LRScheduler main = after.apply(optimizer);
        return new SequentialLR(optimizer, List.of(warm, main), new int[] {warmupSteps});
    }

    @Override
    public void step() {
        lastEpoch++;
        int idx = upperBound(milestones, lastEpoch);
        LRScheduler s = schedulers.get(idx);
        if (idx > 0 && milestones[idx - 1] == lastEpoch) s.stepTo(0);
        else s.step();
    }

    /** Number of milestones <= epoch (Python's bisect_right). */
    private static int upperBound(int[] sorted, int epoch) {
        int n = 0;
        while (n < sorted.length && sorted[n] <= epoch) n++;
        return n;
    }

    @Override
    protected double[] computeLr() {
        throw new IllegalStateException("SequentialLR computes no lr itself");
    }

    @Override
    public List<Double> getLastLr() {
        return schedulers.get(upperBound(milestones, lastEpoch)).getLastLr();
    }

    /** lastEpoch and each scheduler's own state dict under "schedulers". */
    @Override
    public Map<String, Object> stateDict() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("lastEpoch", lastEpoch);
        m.put("milestones", milestones.clone());
        List<Map<String, Object>> subs = new ArrayList<>();
        for (LRScheduler s : schedulers) subs.add(s.stateDict());
        m.put("schedulers", subs);
        return m;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> state) {
        List<Map<String, Object>> subs = (List<Map<String, Object>>) state.get("schedulers");
        if (subs == null || subs.size() != schedulers.size()) {
            throw new IllegalArgumentException("SequentialLR.loadStateDict: expected " + schedulers.size() + " scheduler states, got "
                    + (subs == null ? "none" : subs.size()));
        }
        lastEpoch = ((Number) state.get("lastEpoch")).intValue();
        for (int i = 0; i < subs.size(); i++) schedulers.get(i).loadStateDict(subs.get(i));
    }

    @Override
    public String toString() {
        return "SequentialLR(lastEpoch=" + lastEpoch + ", milestones=" + Arrays.toString(milestones) + ", schedulers="
                + schedulers + ")";
    }
}
