package dev.weft.nn.hyper;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Learned task embeddings e_0, ..., e_{T-1} (von Oswald et al. 2020), one (C) parameter per task named "0",
 * "1", ... (separate tensors, so an optimizer can train the current task's alone), drawn N(0, 1) as
 * hypnettorch's conditional embeddings.
 */
public class TaskEmbeddings extends Module {
    private final int numTasks, dim;

    /**
     * T embeddings of width C, drawn N(0, 1) from g; parameters "0", "1", ....
     *
     * @param numTasks T, at least 1
     * @param dim C, at least 1
     * @param g the generator
     */
    public TaskEmbeddings(int numTasks, int dim, Generator g) {
        this.numTasks = OptionChecks.atLeast("TaskEmbeddings", "numTasks", numTasks, 1);
        this.dim = OptionChecks.atLeast("TaskEmbeddings", "dim", dim, 1);
        for (int t = 0; t < numTasks; t++) registerParameter(String.valueOf(t), Init.normal(Tensor.empty(dim), 0, 1, g));
    }

    /**
     * {@return e_task (C)}
     *
     * @param task the task's index
     */
    public Tensor get(int task) {
        check(task);
        return param(String.valueOf(task));
    }

    // -> (count, C)
    /**
     * {@return e_0 ... e_{count-1} stacked: (count, C)}
     *
     * @param count how many
     */
    public Tensor first(int count) {
        if (count < 1 || count > numTasks) {
            throw new IllegalArgumentException("TaskEmbeddings.first: count must be in [1, " + numTasks + "], got " + count);
        }
        List<Tensor> rows = new ArrayList<>(count);
        for (int t = 0; t < count; t++) rows.add(get(t));
        return Tensor.stack(rows, 0);
    }

    private void check(int task) {
        if (task < 0 || task >= numTasks) {
            throw new IllegalArgumentException("TaskEmbeddings: task " + task + " is out of range for " + numTasks + " tasks");
        }
    }

    /** {@return T, the number of embeddings} */
    public int numTasks() {
        return numTasks;
    }

    /** {@return C, the width of each embedding} */
    public int dim() {
        return dim;
    }

    @Override
    protected String extraRepr() {
        return "tasks=" + numTasks + ", dim=" + dim;
    }
}
