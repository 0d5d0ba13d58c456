package dev.weft.graph.nn.aggr;

import dev.weft.tensor.Tensor;
import java.util.List;

/** PyG's MultiAggregation with mode "cat": several aggregations of the same messages, concatenated on the last dim. */
public final class MultiAggregation extends Aggregation {
    private final List<Aggregation> parts;

    /**
     * The concatenation of parts, registered as modules "0", "1", ...
     *
     * @param parts the aggregations, in output order
     */
    public MultiAggregation(List<Aggregation> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("MultiAggregation: needs at least one aggregation");
        this.parts = List.copyOf(parts);
        for (int k = 0; k < parts.size(); k++) registerModule(String.valueOf(k), parts.get(k));
    }

    /**
     * From PyG names, e.g. of("mean", "max", "std").
     *
     * @param names the aggregation names, as {@link Aggregation#of(String)} takes them
     * @return their concatenation
     */
    public static MultiAggregation of(String... names) {
        return new MultiAggregation(java.util.Arrays.stream(names).map(Aggregation::of).toList());
    }

    @Override
    public Tensor aggregate(Tensor m, Tensor rowPtr, int numDst) {
        Tensor[] outs = new Tensor[parts.size()];
        for (int k = 0; k < outs.length; k++) outs[k] = parts.get(k).aggregate(m, rowPtr, numDst);
        return Tensor.cat(java.util.Arrays.asList(outs), -1);
    }

    @Override
    public int outputWidth(int inputWidth) {
        int w = 0;
        for (Aggregation a : parts) w += a.outputWidth(inputWidth);
        return w;
    }
}
