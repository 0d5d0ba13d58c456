package dev.weft.graph.nn.aggr;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import java.util.Locale;

/**
 * The aggregation step of message passing (PyG's torch_geometric.nn.aggr): a function of each target's
 * messages, which arrive sorted by target with row pointers rowPtr (numDst + 1) (message rows rowPtr[i] ..
 * rowPtr[i+1]-1 belong to target i). A target without messages gets 0. Aggregations with parameters (softmax
 * with a learnable temperature, the learnable commutative monoid) are modules, registered by the layer.
 */
public abstract class Aggregation extends Module {

    /** An aggregation with no parameters of its own; subclasses register theirs. */
    public Aggregation() {}

    /**
     * The aggregated (numDst, ...) from messages (E, ...) in target order.
     *
     * @param messages the messages (E, ...), sorted by target
     * @param rowPtr the row pointers (numDst + 1) of each target's messages
     * @param numDst the number of targets
     * @return one aggregate per target (numDst, ...)
     */
    public abstract Tensor aggregate(Tensor messages, Tensor rowPtr, int numDst);

    /**
     * {@return the output feature width for an input width} (MultiAggregation's concatenation widens).
     *
     * @param inputWidth the message feature width
     */
    public int outputWidth(int inputWidth) {
        return inputWidth;
    }

    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(this + ": call aggregate(messages, rowPtr, numDst)");
    }

    /**
     * PyG's aggregation names: "sum" (or "add"), "mean", "max", "min", "std", "var", "softmax".
     *
     * @param name the aggregation name, any case
     * @return a new aggregation
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Aggregation of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sum", "add" -> ReduceAggregation.sum();
            case "mean" -> ReduceAggregation.mean();
            case "max" -> ReduceAggregation.max();
            case "min" -> ReduceAggregation.min();
            case "std" -> ReduceAggregation.std();
            case "var" -> ReduceAggregation.var();
            case "softmax" -> new SoftmaxAggregation(1.0, false);
            default -> throw new IllegalArgumentException("aggregation: expected one of 'sum', 'add', 'mean', 'max', 'min', 'std', 'var', "
                    + "'softmax', got '" + name + "'");
        };
    }
}
