package dev.weft.autograd.cases;

import dev.weft.tensor.Tensor;
import java.util.List;

/** Gradcheck cases of the Matmul family: bmm and the products built on it (mm, mv, dot, outer, matmul, einsum). */
public final class MatmulCases {
    private MatmulCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("bmm", true, g -> {
            int b = g.nextInt(1, 2), m = g.nextInt(1, 3), k = g.nextInt(1, 3), n = g.nextInt(1, 3);
            return new Tensor[] {g.leaf(new int[] {b, m, k}, -1, 1), g.leaf(new int[] {b, k, n}, -1, 1)};
        }, x -> x[0].bmm(x[1]));
        add.add("mm", true, g -> {
            int m = g.nextInt(1, 3), k = g.nextInt(1, 3), n = g.nextInt(1, 3);
            return new Tensor[] {g.leaf(new int[] {m, k}, -1, 1), g.leaf(new int[] {k, n}, -1, 1)};
        }, x -> x[0].mm(x[1]));
        add.add("matmul_batch_broadcast", true, g -> {
            int m = g.nextInt(1, 3), k = g.nextInt(1, 3), n = g.nextInt(1, 2);
            return new Tensor[] {g.leaf(new int[] {2, 1, m, k}, -1, 1), g.leaf(new int[] {3, k, n}, -1, 1)};
        }, x -> x[0].matmul(x[1]));
        add.add("matmul_3d_2d", false, g -> new Tensor[] {g.leaf(new int[] {2, 2, 3}, -1, 1), g.leaf(new int[] {3, 2}, -1, 1)},
                x -> x[0].matmul(x[1]));
        add.add("matmul_1d_3d", false, g -> new Tensor[] {g.leaf(new int[] {3}, -1, 1), g.leaf(new int[] {2, 3, 2}, -1, 1)},
                x -> x[0].matmul(x[1]));
        add.add("mv", false, g -> new Tensor[] {g.leaf(new int[] {3, 2}, -1, 1), g.leaf(new int[] {2}, -1, 1)}, x -> x[0].mv(x[1]));
        add.add("dot", true, g -> new Tensor[] {g.leaf(new int[] {4}, -1, 1), g.leaf(new int[] {4}, -1, 1)}, x -> x[0].dot(x[1]));
        add.add("outer", false, g -> new Tensor[] {g.leaf(new int[] {3}, -1, 1), g.leaf(new int[] {2}, -1, 1)}, x -> x[0].outer(x[1]));
        add.add("einsum_bmm", true, g -> new Tensor[] {g.leaf(new int[] {2, 2, 3}, -1, 1), g.leaf(new int[] {2, 3, 2}, -1, 1)},
                x -> Tensor.einsum("bij,bjk->bik", x[0], x[1]));
        add.add("einsum_diag", true, g -> new Tensor[] {g.leaf(new int[] {3, 3}, -1, 1)}, x -> Tensor.einsum("ii->i", x[0]));
        add.add("einsum_trace", false, g -> new Tensor[] {g.leaf(new int[] {3, 3}, -1, 1)}, x -> Tensor.einsum("ii", x[0]));
        add.add("einsum_contract", false, g -> new Tensor[] {g.leaf(new int[] {2, 3}, -1, 1), g.leaf(new int[] {3}, -1, 1)},
                x -> Tensor.einsum("ij,j->", x[0], x[1]));
        // distances away from coincident points (where the gradient is PyTorch's 0: GoldenTest new_ops)
        add.add("cdist_p2", true, g -> new Tensor[] {g.leaf(new int[] {2, 3, 4}, -1, 1), g.leaf(new int[] {2, 2, 4}, 2, 3)},
                x -> Tensor.cdist(x[0], x[1], 2));
        add.add("cdist_p1_5", false, g -> new Tensor[] {g.leaf(new int[] {3, 2}, -1, 1), g.leaf(new int[] {4, 2}, 2, 3)},
                x -> Tensor.cdist(x[0], x[1], 1.5));
        return add.cases();
    }
}
