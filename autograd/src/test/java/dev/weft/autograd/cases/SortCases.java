package dev.weft.autograd.cases;

import dev.weft.tensor.Tensor;
import java.util.List;

import static dev.weft.autograd.cases.Inputs.*;

/** Gradcheck cases of the Sort family: sort, topk, kthvalue, median. */
public final class SortCases {
    private SortCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("sort", true, ranked(), x -> x[0].sort(-1, true).values().mul(Tensor.arange(x[0].size(-1)).to(x[0].dtype())));
        add.add("topk", true, ranked(), x -> x[0].topk(Math.max(1, x[0].size(0) - 1), 0, true, true).values().square());
        add.add("topk_unsorted_smallest", false, ranked(), x -> x[0].topk(1, -1, false, false).values().exp());
        add.add("kthvalue_median", false, ranked(), x -> x[0].kthvalue(1, -1, false).values().add(x[0].median()));
        return add.cases();
    }
}
