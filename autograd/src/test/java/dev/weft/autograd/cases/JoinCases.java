package dev.weft.autograd.cases;

import dev.weft.tensor.Joining;
import dev.weft.tensor.Tensor;
import java.util.List;

/** Gradcheck cases of the Join family: cat, flip and what Joining composes from them. */
public final class JoinCases {
    private JoinCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("cat", true, g -> {
            int[] a = g.shape(1, 3, 3), b = a.clone();
            int d = g.nextInt(0, a.length - 1);
            b[d] = g.nextInt(1, 3);
            return new Tensor[] {g.leaf(a, -1, 1), g.leaf(b, -1, 1), Tensor.of((long) d)};
        }, x -> Tensor.cat(new Tensor[] {x[0], x[1], x[0].mul(2.0)}, (int) x[2].itemLong()));
        add.add("stack_split", false, g -> {
            int[] s = g.shape(1, 2, 3);
            return new Tensor[] {g.leaf(s, -1, 1), g.leaf(s, -1, 1)};
        }, x -> {
            Tensor st = Tensor.stack(new Tensor[] {x[0], x[1].exp()}, 0);
            var parts = st.split(1, 0);
            return parts.get(1).mul(parts.get(0)).add(st.chunk(2, 0).get(0));
        });
        add.add("flip", true, g -> new Tensor[] {g.leaf(g.shape(1, 3, 3), -1, 1)}, x -> x[0].flip(-1).mul(x[0]).add(x[0].flip(0).square()));
        add.add("roll", false, g -> new Tensor[] {g.leaf(g.shape(1, 3, 4), -1, 1)}, x -> x[0].roll(1, -1).mul(x[0]));
        add.add("repeat_tile", false, g -> new Tensor[] {g.leaf(new int[] {2, 3}, -1, 1)}, x -> x[0].repeat(2, 1, 2).sin().add(x[0].tile(2).sum()));
        add.add("pad_modes", false, g -> new Tensor[] {g.leaf(new int[] {1, 2, 3, 4}, -1, 1)},
                x -> Joining.pad(x[0], new int[] {1, 2}, "reflect", 0).square().sum()
                        .add(Joining.pad(x[0], new int[] {1, 1, 2, 0}, "replicate", 0).exp().sum())
                        .add(Joining.pad(x[0], new int[] {2, 1}, "circular", 0).mul(Joining.pad(x[0], new int[] {2, 1}, "constant", 0.5)).sum())
                        .add(Joining.pad(x[0], new int[] {-1, 0, 0, 1}).square().sum()));
        add.add("tril_triu_diagonal", false, g -> new Tensor[] {g.leaf(new int[] {3, 4}, -1, 1)},
                x -> x[0].tril(0).mul(2.0).add(x[0].triu(1).square()).sum().add(x[0].diagonal(1, 0, 1).exp().sum())
                        .add(x[0].diagonal(0, 0, 1).diag(0).sum()));
        return add.cases();
    }
}
