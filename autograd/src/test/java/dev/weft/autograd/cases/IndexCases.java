package dev.weft.autograd.cases;

import dev.weft.tensor.Tensor;
import java.util.List;

import static dev.weft.autograd.cases.Inputs.*;

/** Gradcheck cases of the Index family: index_select, gather, scatter, scatter_add/reduce, index_add, masks and advanced indexing. */
public final class IndexCases {
    private IndexCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("index_select", true, g -> {
            int[] s = g.shape(1, 3, 3);
            int d = g.nextInt(0, s.length - 1);
            return new Tensor[] {g.leaf(s, -1, 1), g.indices(new int[] {g.nextInt(1, 4)}, s[d]), Tensor.of((long) d)};
        }, x -> x[0].indexSelect((int) x[2].itemLong(), x[1]));
        add.add("gather", true, g -> {
            int[] s = g.shape(1, 3, 3), is = s.clone();
            int d = g.nextInt(0, s.length - 1);
            is[d] = g.nextInt(1, 4);
            return new Tensor[] {g.leaf(s, -1, 1), g.indices(is, s[d]), Tensor.of((long) d)};
        }, x -> x[0].gather((int) x[2].itemLong(), x[1]));
        add.add("scatter", true, g -> {
            int[] s = g.shape(1, 3, 4);
            int d = g.nextInt(0, s.length - 1);
            Tensor idx = uniqueIndex(g, s, d);
            int[] src = idx.shape();
            for (int i = 0; i < src.length; i++) if (g.coin()) src[i]++;
            return new Tensor[] {g.leaf(s, -1, 1), g.leaf(src, -1, 1), idx, Tensor.of((long) d)};
        }, x -> x[0].scatter((int) x[3].itemLong(), x[2], x[1]));
        add.add("scatter_value", false, g -> {
            int[] s = g.shape(1, 3, 3);
            return new Tensor[] {g.leaf(s, -1, 1), uniqueIndex(g, s, 0)};
        }, x -> x[0].scatter(0, x[1], 0.5).exp());
        add.add("scatter_add", true, g -> scatterInputs(g, 0.5, 1.5, false), x -> x[0].scatterAdd((int) x[3].itemLong(), x[2], x[1]));
        for (String r : new String[] {"sum", "mean", "amax", "amin", "prod"}) {
            for (boolean incl : new boolean[] {true, false}) {
                add.add("scatter_reduce_" + r + (incl ? "" : "_exclude_self"), r.equals("sum") || r.equals("mean"),
                        g -> scatterInputs(g, 0.5, 1.5, false), x -> x[0].scatterReduce((int) x[3].itemLong(), x[2], x[1], r, incl));
            }
        }
        add.add("scatter_reduce_prod_zeros", false, g -> scatterInputs(g, 0.5, 1.5, true),
                x -> x[0].scatterReduce((int) x[3].itemLong(), x[2], x[1], "prod", true));
        add.add("index_add", true, g -> {
            int[] s = g.shape(1, 3, 3), src = s.clone();
            int d = g.nextInt(0, s.length - 1);
            src[d] = g.nextInt(1, 4);
            return new Tensor[] {g.leaf(s, -1, 1), g.leaf(src, -1, 1), g.indices(new int[] {src[d]}, s[d]), Tensor.of((long) d)};
        }, x -> x[0].indexAdd((int) x[3].itemLong(), x[2], x[1], -1.5));
        add.add("index_put_", false, g -> new Tensor[] {g.leaf(new int[] {5, 3}, -1, 1), g.leaf(new int[] {3, 3}, -1, 1)},
                x -> x[0].mul(1.0).indexPut_(Tensor.of(new long[] {4, 0, -4}), x[1], false).sin());
        add.add("index_put_accumulate", false, g -> new Tensor[] {g.leaf(new int[] {5, 3}, -1, 1), g.leaf(new int[] {3}, -1, 1)},
                x -> x[0].mul(1.0).indexPut_(Tensor.of(new long[] {2, 2, 0}), x[1], true).square());
        add.add("masked_fill_select", true, g -> {
            int[] s = g.shape(1, 3, 3);
            return new Tensor[] {g.leaf(s, -1, 1), g.mask(g.broadcastFrom(s))};
        }, x -> x[0].maskedFill(x[1], 2.0).mul(x[0]).sum().add(x[0].maskedSelect(x[1]).square().sum()));
        add.add("advanced_index", false, g -> {
            int[] s = g.shape(1, 3, 3);
            return new Tensor[] {g.leaf(s, -1, 1), g.indices(new int[] {2, 2}, s[0])};
        }, x -> x[0].index(x[1]).exp());
        add.add("repeat_interleave", true, g -> {
            int[] s = g.shape(1, 3, 3);
            int d = g.nextInt(0, s.length - 1);
            long[] reps = new long[s[d]];
            for (int i = 0; i < reps.length; i++) reps[i] = g.nextInt(0, 3);
            return new Tensor[] {g.leaf(s, -1, 1), Tensor.of(reps), Tensor.of((long) d)};
        }, x -> x[0].repeatInterleave(x[1], (int) x[2].itemLong()));
        return add.cases();
    }
}
