package dev.weft.nn.optim.lr;

import dev.weft.nn.optim.Optimizer;
import dev.weft.nn.optim.ParamGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the learning-rate schedulers, with PyTorch's protocol: construction records each group's
 * "initialLr" (once) as the base lr and performs step 0; each {@link #step()} (call it after
 * optimizer.step()) advances lastEpoch and writes the new lr into every group. Subclasses compute the
 * next lr from the current one in {@link #computeLr()} (PyTorch's chainable get_lr, so schedulers can
 * be chained), optionally in closed form in {@link #closedFormLr()}; a subclass constructor must end
 * with {@link #initialStep()} once its own fields are set.
 */
public abstract class LRScheduler {
    /** The optimizer whose groups' lrs this scheduler writes. */
    protected final Optimizer optimizer;
    /** The epoch (or step) the current lr belongs to; -1 before step 0, 0 after construction. */
    protected int lastEpoch = -1;
    /** How many times the lr was stepped, step 0 included. */
    protected int stepCount;
    /** Each group's base lr ("initialLr"), the start of every closed-form schedule. */
    protected double[] baseLrs;
    private double[] lastLr;

    /**
     * Records each group's "initialLr" (its current lr, unless a scheduler set it before); the subclass
     * constructor then calls {@link #initialStep()}.
     *
     * @param optimizer the optimizer to schedule
     * @throws NullPointerException if optimizer is null
     */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = java.util.Objects.requireNonNull(optimizer, "optimizer");
        for (ParamGroup g : optimizer.paramGroups()) {
            if (!g.has("initialLr")) g.set("initialLr", g.lr());
        }
        this.baseLrs = initialLrs();
    }

    /** {@return each group's "initialLr"} */
    protected final double[] initialLrs() {
        return optimizer.paramGroups().stream().mapToDouble(g -> g.getDouble("initialLr")).toArray();
    }

    /** Step 0: sets the first lr. Call at the end of the subclass constructor. */
    protected final void initialStep() {
        stepCount = 0;
        step();
    }

    /** Advances one epoch (or batch, for per-step schedules) and writes the new lr into every group. */
    public void step() {
        stepCount++;
        lastEpoch++;
        apply(computeLr());
    }

    /**
     * Jumps to {@code epoch}, using the closed form when the scheduler has one (SequentialLR restarts
     * a scheduler this way at its milestone).
     */
    void stepTo(int epoch) {
        stepCount++;
        lastEpoch = epoch;
        double[] closed = closedFormLr();
        apply(closed != null ? closed : computeLr());
    }

    private void apply(double[] lrs) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) groups.get(i).setLr(lrs[i]);
        lastLr = currentLrs();
    }

    /** {@return the lr of each group now} */
    protected final double[] currentLrs() {
        return optimizer.paramGroups().stream().mapToDouble(ParamGroup::lr).toArray();
    }

    /** {@return the lr of each group for lastEpoch, usually from the current one (chainable form)} */
    protected abstract double[] computeLr();

    /** {@return the lr of each group for lastEpoch from the base lrs alone, or null if there is no closed form} */
    protected double[] closedFormLr() {
        return null;
    }

    /** {@return the lrs the last step set, one per group (PyTorch's get_last_lr)} */
    public List<Double> getLastLr() {
        List<Double> out = new ArrayList<>(lastLr.length);
        for (double v : lastLr) out.add(v);
        return Collections.unmodifiableList(out);
    }

    /** {@return the index of the last step (0 right after construction)} */
    public int lastEpoch() {
        return lastEpoch;
    }

    /** {@return the optimizer whose lr this scheduler sets} */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** {@return the mutable state: lastEpoch, stepCount, baseLrs, lastLr (the hyperparameters come from the constructor)} */
    public Map<String, Object> stateDict() {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("lastEpoch", lastEpoch);
        m.put("stepCount", stepCount);
        m.put("baseLrs", baseLrs.clone());
        m.put("lastLr", lastLr.clone());
        return m;
    }

    /**
     * Restores {@link #stateDict()}'s values (the optimizer's lrs are restored by its own state dict).
     *
     * @param state a map from {@link #stateDict()}
     * @throws IllegalArgumentException if a key is missing
     */
    public void loadStateDict(Map<String, Object> state) {
        lastEpoch = ((Number) require(state, "lastEpoch")).intValue();
        stepCount = ((Number) require(state, "stepCount")).intValue();
        baseLrs = ((double[]) require(state, "baseLrs")).clone();
        lastLr = ((double[]) require(state, "lastLr")).clone();
    }

    private Object require(Map<String, Object> state, String key) {
        Object v = state.get(key);
        if (v == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".loadStateDict: no '" + key + "' in " + state.keySet());
        }
        return v;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(lastEpoch=" + lastEpoch + ", lastLr=" + Arrays.toString(lastLr) + ")";
    }
}
