package dev.weft.autograd.cases;

import dev.weft.tensor.Linalg;
import dev.weft.tensor.Tensor;
import java.util.List;

import static dev.weft.autograd.cases.Inputs.*;

/** Gradcheck cases of the Linalg family: solves, factorizations, determinants and inverses. */
public final class LinalgCases {
    private LinalgCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("solve", true, g -> new Tensor[] {wellConditioned(g, 3), g.leaf(new int[] {3, 2}, -1, 1)}, x -> Linalg.solve(x[0], x[1]));
        add.add("solve_batched_vector", false, g -> new Tensor[] {wellConditioned(g, 2).unsqueeze(0).expand(2, 2, 2).clone().detach().requiresGrad(true),
                g.leaf(new int[] {2, 2}, -1, 1)}, x -> Linalg.solve(x[0], x[1]));
        add.add("cholesky", true, g -> new Tensor[] {spd(g, 3)}, x -> Linalg.cholesky(x[0]));
        add.add("cholesky_upper", false, g -> new Tensor[] {spd(g, 3)}, x -> Linalg.cholesky(x[0], true));
        add.add("cholesky_of_product", false, g -> new Tensor[] {g.leaf(new int[] {3, 3}, -1, 1)},
                x -> Linalg.cholesky(x[0].matmul(x[0].mT()).add(Tensor.eye(3, 3, x[0].dtype()))));
        add.add("cholesky_solve", false, g -> new Tensor[] {g.leaf(new int[] {3, 2}, -1, 1), lowerFactor(g, 3)},
                x -> Linalg.choleskySolve(x[0], x[1]));
        add.add("cholesky_solve_upper", false, g -> new Tensor[] {g.leaf(new int[] {3, 2}, -1, 1), lowerFactor(g, 3).mT().detach().requiresGrad(true)},
                x -> Linalg.choleskySolve(x[0], x[1], true));
        for (boolean upper : new boolean[] {true, false}) {
            for (boolean left : new boolean[] {true, false}) {
                for (boolean unit : new boolean[] {false, true}) {
                    add.add("solve_triangular_" + (upper ? "upper" : "lower") + (left ? "_left" : "_right") + (unit ? "_unit" : ""),
                            upper && left && !unit, g -> new Tensor[] {wellConditioned(g, 3), g.leaf(left ? new int[] {3, 2} : new int[] {2, 3}, -1, 1)},
                            x -> Linalg.solveTriangular(x[0], x[1], upper, left, unit));
                }
            }
        }
        add.add("qr_tall", false, g -> new Tensor[] {g.leaf(new int[] {4, 3}, -1, 1), g.tensor(new int[] {4, 3}, -1, 1), g.tensor(new int[] {3, 3}, -1, 1)},
                x -> {
                    var qr = Linalg.qr(x[0]);
                    return qr.Q().mul(x[1]).sum().add(qr.R().mul(x[2]).sum());
                });
        add.add("qr_square_q", false, g -> new Tensor[] {wellConditioned(g, 3)}, x -> Linalg.qr(x[0]).Q());
        add.add("qr_wide", false, g -> new Tensor[] {g.leaf(new int[] {2, 4}, -1, 1), g.tensor(new int[] {2, 2}, -1, 1), g.tensor(new int[] {2, 4}, -1, 1)},
                x -> {
                    var qr = Linalg.qr(x[0]);
                    return qr.Q().mul(x[1]).sum().add(qr.R().mul(x[2]).sum());
                });
        add.add("lstsq_tall", false, g -> new Tensor[] {g.leaf(new int[] {4, 2}, -1, 1), g.leaf(new int[] {4, 2}, -1, 1)}, x -> Linalg.lstsq(x[0], x[1]));
        add.add("lstsq_wide", false, g -> new Tensor[] {g.leaf(new int[] {2, 4}, -1, 1), g.leaf(new int[] {2, 1}, -1, 1)}, x -> Linalg.lstsq(x[0], x[1]));
        add.add("det", true, g -> new Tensor[] {wellConditioned(g, 3)}, x -> Linalg.det(x[0]));
        add.add("slogdet_logdet", false, g -> new Tensor[] {wellConditioned(g, 3)},
                x -> Linalg.slogdet(x[0]).logabsdet().add(Linalg.logdet(x[0].square().add(Tensor.eye(3, 3, x[0].dtype())))));
        add.add("inv", true, g -> new Tensor[] {wellConditioned(g, 3)}, x -> x[0].inverse());
        return add.cases();
    }
}
