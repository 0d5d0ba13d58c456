package dev.weft.autograd.cases;

import dev.weft.tensor.Tensor;
import java.util.List;

import static dev.weft.autograd.cases.Inputs.*;

/** Gradcheck cases of the View family: reshape, permute, expand, slice, select, squeeze/unsqueeze, as_strided and split (unbind, chunk). */
public final class ViewCases {
    private ViewCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("reshape", true, g -> new Tensor[] {g.leaf(new int[] {2, 3, 2}, -1, 1)}, x -> x[0].reshape(3, -1).mul(x[0].reshape(3, 4)));
        add.add("view_flatten", false, g -> new Tensor[] {g.leaf(g.shape(1, 3, 3), -1, 1)}, x -> x[0].flatten().exp());
        add.add("unflatten", false, g -> new Tensor[] {g.leaf(new int[] {3, 4}, -1, 1)}, x -> x[0].unflatten(1, 2, 2).sin());
        add.add("permute", true, g -> new Tensor[] {g.leaf(g.shape(3, 3, 3), -1, 1)}, x -> x[0].permute(2, 0, 1).mul(2.0));
        add.add("transpose", false, g -> new Tensor[] {g.leaf(g.shape(2, 3, 3), -1, 1)}, x -> x[0].transpose(0, -1).exp());
        add.add("expand", true, g -> new Tensor[] {g.leaf(new int[] {3, 1}, -1, 1)}, x -> x[0].expand(2, 3, 4).square());
        add.add("slice", true, g -> new Tensor[] {g.leaf(g.shape(1, 3, 5), -1, 1)}, x -> x[0].slice(-1, 1, 5, 2).exp());
        add.add("narrow", false, g -> new Tensor[] {g.leaf(new int[] {4, 3}, -1, 1)}, x -> x[0].narrow(0, 1, 2).square());
        add.add("select", true, g -> new Tensor[] {g.leaf(g.shape(1, 3, 3), -1, 1)}, x -> x[0].select(0, -1).exp());
        add.add("squeeze", false, g -> new Tensor[] {g.leaf(new int[] {2, 1, 3}, -1, 1)}, x -> x[0].squeeze(1).exp());
        add.add("squeeze_all", false, g -> new Tensor[] {g.leaf(new int[] {1, 3, 1}, -1, 1)}, x -> x[0].squeeze().exp());
        add.add("unsqueeze", false, one(-1, 1), x -> x[0].unsqueeze(0).exp());
        add.add("as_strided", false, g -> new Tensor[] {g.leaf(new int[] {3, 4}, -1, 1)},
                x -> x[0].contiguous().asStrided(new int[] {2, 2}, new int[] {1, 4}, 1).exp());
        add.add("as_strided_overlap", false, g -> new Tensor[] {g.leaf(new int[] {5}, -1, 1)},
                x -> x[0].contiguous().asStrided(new int[] {3, 3}, new int[] {1, 1}, 0).square());
        add.add("unbind", true, g -> new Tensor[] {g.leaf(new int[] {3, 2, 4}, -1, 1)}, x -> {
            List<Tensor> p = x[0].unbind(1);
            return p.get(0).mul(p.get(1).exp());
        });
        add.add("split_one_piece_unused", false, g -> new Tensor[] {g.leaf(new int[] {7, 3}, -1, 1)}, x -> {
            List<Tensor> p = x[0].split(3, 0);
            return p.get(0).sin().sum().add(p.get(2).square().sum());
        });
        add.add("chunk", false, g -> new Tensor[] {g.leaf(new int[] {2, 6}, -1, 1)}, x -> {
            List<Tensor> p = x[0].chunk(3, 1);
            return p.get(0).mul(p.get(1)).add(p.get(2));
        });
        add.add("contiguous", false, g -> new Tensor[] {g.leaf(g.shape(2, 3, 3), -1, 1)}, x -> x[0].transpose(0, -1).contiguous().mul(x[0].transpose(0, -1)));
        return add.cases();
    }
}
