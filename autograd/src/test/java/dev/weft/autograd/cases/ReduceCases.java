package dev.weft.autograd.cases;

import dev.weft.tensor.Tensor;
import java.util.List;

import static dev.weft.autograd.cases.Inputs.*;

/** Gradcheck cases of the Reduce family: sum, mean, prod, amax/amin, var/std, logsumexp, norms, cumulative ops and softmax. */
public final class ReduceCases {
    private ReduceCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("sum_all", true, one(-1, 1), x -> x[0].sum());
        add.add("sum_dim", true, ranked(-1, 1), x -> x[0].sum(dim(x[0], 1), false));
        add.add("sum_dims_keepdim", true, g -> new Tensor[] {g.leaf(g.shape(2, 3, 3), -1, 1)}, x -> x[0].sum(new int[] {0, -1}, true));
        add.add("mean", true, ranked(-1, 1), x -> x[0].mean(dim(x[0], 2), true));
        add.add("prod", true, ranked(0.5, 1.5), x -> x[0].prod(dim(x[0], 3), false));
        add.add("prod_all", false, one(0.5, 1.5), x -> x[0].prod());
        add.add("prod_zeros", false, g -> new Tensor[] {withZeros(g, g.shape(1, 3, 3))}, x -> x[0].prod(-1, true));
        add.add("prod_all_zeros", false, g -> new Tensor[] {withZeros(g, g.shape(1, 2, 3))}, x -> x[0].prod());
        add.add("amax", true, ranked(-1, 1), x -> x[0].amax(new int[] {dim(x[0], 4)}, false));
        add.add("amin", true, ranked(-1, 1), x -> x[0].amin(new int[] {dim(x[0], 5)}, true));
        add.add("max_all", false, one(-1, 1), x -> x[0].max());
        add.add("max_dim", true, ranked(-1, 1), x -> x[0].max(dim(x[0], 6)).values());
        add.add("min_dim_keepdim", true, ranked(-1, 1), x -> x[0].min(dim(x[0], 7), true).values());
        add.add("var", true, g -> new Tensor[] {g.leaf(withLast(g.shape(1, 3, 4), g.nextInt(2, 4)), -1, 1)}, x -> x[0].var(new int[] {-1}, 1, false));
        add.add("var_all", false, one(-1, 1), x -> x[0].var(null, 0, false));
        add.add("std", true, g -> new Tensor[] {g.leaf(withFirst(g.shape(1, 3, 4), g.nextInt(2, 3)), -1, 1)}, x -> x[0].std(new int[] {0}, 0, true));
        add.add("logsumexp", true, ranked(-2, 2), x -> x[0].logsumexp(new int[] {dim(x[0], 8)}, false));
        add.add("softmax", true, ranked(-2, 2), x -> x[0].softmax(dim(x[0], 9)));
        add.add("log_softmax", true, ranked(-2, 2), x -> x[0].logSoftmax(dim(x[0], 10)));
        add.add("cumsum", true, ranked(-1, 1), x -> x[0].cumsum(dim(x[0], 11)));
        add.add("cumprod", true, ranked(0.5, 1.5), x -> x[0].cumprod(dim(x[0], 12)));
        add.add("cumprod_zeros", false, g -> new Tensor[] {withZeros(g, g.shape(1, 3, 4))}, x -> x[0].cumprod(-1));
        add.add("norm2", true, one(-1, 1), x -> x[0].norm().add(x[0].sum()));
        add.add("norm1", false, one(-1, 1, 0), x -> x[0].norm(1));
        add.add("norm3_dim", false, g -> new Tensor[] {g.leaf(g.shape(1, 3, 3), -1, 1, 0)}, x -> x[0].norm(3, new int[] {-1}, false));
        add.add("norm2_dim_keepdim", true, ranked(-1, 1), x -> x[0].norm(2, new int[] {dim(x[0], 13)}, true));
        add.add("norm1_5_dims", true, g -> new Tensor[] {g.leaf(g.shape(2, 3, 3), -1, 1, 0)}, x -> x[0].norm(1.5, new int[] {0, -1}, false));
        add.add("norm0_5", false, g -> new Tensor[] {g.leaf(g.shape(1, 3, 3), 0.2, 1)}, x -> x[0].norm(0.5, new int[] {-1}, false));
        add.add("std_all", true, g -> new Tensor[] {g.leaf(g.shape(1, 3, 4), -1, 1)}, x -> x[0].std());
        add.add("norm_inf", false, one(-1, 1, 0), x -> x[0].norm(Double.POSITIVE_INFINITY));
        return add.cases();
    }
}
