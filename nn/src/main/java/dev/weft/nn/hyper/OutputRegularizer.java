package dev.weft.nn.hyper;

import dev.weft.autograd.GradMode;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

/**
 * The hypernetwork output regularizer of continual learning with hypernetworks (von Oswald, Henning, Grewe and
 * Sacramento 2020, eq. 2; hypnettorch's calc_fix_target_reg without the lookahead Delta theta): after learning
 * tasks 0..T'-1, {@link #snapshot} stores the generator's outputs theta*_t = h*(e_t) for each; while learning a
 * new task the loss adds
 * <pre>{@code  L_output = beta / T' * sum_{t < T'} || h(e_t) - theta*_t ||^2  }</pre>
 * with the current generator h and the current embeddings e_t, so the weights it generates for earlier tasks
 * stay put. The targets are plain tensors of this object, not part of any state dict.
 */
public final class OutputRegularizer {
    private Tensor targets;   // (T', N), detached

    /** A regularizer with no stored targets yet (its penalty is 0 until the first {@link #snapshot}). */
    public OutputRegularizer() {}

    /**
     * Stores h(e_t) for every row of {@code embeddings}: computed in eval mode without gradient (the
     * module's mode is restored), replacing earlier targets.
     *
     * @param h the generator
     * @param embeddings e_0 .. e_{T'-1} (T', C), C the generator's condition size
     * @throws IllegalArgumentException when embeddings is not (T', C) with T' at least 1
     */
    public void snapshot(HyperNetwork h, Tensor embeddings) {
        checkEmbeddings("snapshot", h, embeddings);
        boolean training = h.isTraining();
        h.eval();
        try (var s = GradMode.noGrad()) {
            targets = h.generateFlat(embeddings.detach()).detach();
        } finally {
            h.train(training);
        }
    }

    /** {@return T', the number of tasks with a stored target} 0 before any snapshot. */
    public int numTargets() {
        return targets == null ? 0 : targets.size(0);
    }

    /** {@return the stored theta*_t, (T', N); null before a snapshot} */
    public Tensor targets() {
        return targets;
    }

    // embeddings: (T', C), the current e_0 .. e_{T'-1} -> ()
    /**
     * beta / T' * sum_t ||h(e_t) - theta*_t||^2; a zero scalar before any snapshot (embeddings are then not read).
     *
     * @param h the current generator
     * @param embeddings the current e_0 .. e_{T'-1} (T', C)
     * @param beta the regularization strength
     * @return the penalty, a scalar
     * @throws IllegalArgumentException when embeddings is not (T', C) for the snapshotted T'
     */
    public Tensor penalty(HyperNetwork h, Tensor embeddings, double beta) {
        if (targets == null) return Tensor.scalar(0, dtypeOf(h));
        checkEmbeddings("penalty", h, embeddings);
        if (embeddings.size(0) != targets.size(0)) {
            throw new IllegalArgumentException("OutputRegularizer.penalty: embeddings " + Shape.format(embeddings.shape()) + " for "
                    + targets.size(0) + " snapshotted tasks");
        }
        Tensor diff = h.generateFlat(embeddings).sub(targets);          // (T', N), one batched generator pass
        return diff.square().sum().mul(beta / targets.size(0));
    }

    /**
     * The same over a random subset of {@code tasksPerStep} earlier tasks (hypnettorch's batch_size), drawn
     * from {@code g}, and divided by tasksPerStep; all of them when there are no more than that.
     *
     * @param h the current generator
     * @param embeddings the current e_0 .. e_{T'-1} (T', C)
     * @param beta the regularization strength
     * @param tasksPerStep how many earlier tasks to draw, at least 1
     * @param g draws the subset
     * @return the penalty, a scalar
     * @throws IllegalArgumentException when tasksPerStep is below 1 or embeddings does not fit
     */
    public Tensor penalty(HyperNetwork h, Tensor embeddings, double beta, int tasksPerStep, Generator g) {
        if (targets == null || tasksPerStep >= targets.size(0)) return penalty(h, embeddings, beta);
        if (tasksPerStep < 1) throw new IllegalArgumentException("OutputRegularizer.penalty: tasksPerStep must be >= 1, got " + tasksPerStep);
        checkEmbeddings("penalty", h, embeddings);
        Tensor pick = Tensor.randperm(g, targets.size(0)).narrow(0, 0, tasksPerStep);
        Tensor diff = h.generateFlat(embeddings.indexSelect(0, pick)).sub(targets.indexSelect(0, pick));
        return diff.square().sum().mul(beta / tasksPerStep);
    }

    private static void checkEmbeddings(String op, HyperNetwork h, Tensor e) {
        if (e == null || e.dim() != 2 || e.size(1) != h.conditionSize() || e.size(0) < 1) {
            throw new IllegalArgumentException("OutputRegularizer." + op + ": embeddings " + (e == null ? "null" : Shape.format(e.shape()))
                    + " must be (T' >= 1, C=" + h.conditionSize() + ")");
        }
    }

    private static DType dtypeOf(HyperNetwork h) {
        for (var e : h.namedParameters().entrySet()) if (!e.getKey().startsWith("target.")) return e.getValue().dtype();
        return DType.F32;
    }
}
