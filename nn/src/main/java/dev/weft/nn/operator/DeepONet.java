package dev.weft.nn.operator;

import dev.weft.nn.Module;
import dev.weft.nn.Sequential;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.GELU;
import dev.weft.nn.layers.Linear;
import dev.weft.nn.layers.ReLU;
import dev.weft.nn.layers.Tanh;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;
import java.util.Arrays;

/**
 * The unstacked DeepONet (Lu et al. 2021, eq. 2 and Fig. 1d; DeepXDE's DeepONet / DeepONetCartesianProd):
 * <pre>
 * G(u)(y) = sum_{k &lt; p} b_k(u(x_1), ..., u(x_m)) t_k(y) + b0
 * </pre>
 * branch: an MLP of widths branch[0] = m .. branch[-1] = p on the input function at m fixed sensors (no activation
 * after its last layer); trunk: an MLP of widths trunk[0] = d .. trunk[-1] = p on the query point, with the
 * activation after its last layer too (as DeepXDE: t = sigma(trunk(y))); b0 a learned scalar ("b", 0 at start).
 * Weights Glorot normal, biases 0 (DeepXDE's "Glorot normal" initializer). Names: branch.0, branch.2, ...,
 * trunk.0, ..., b.
 */
public class DeepONet extends Module {
    /** The widths of the branch MLP (m .. p) and of the trunk MLP (d .. p). */
    public final int[] branchWidths, trunkWidths;
    /** The activation's name: "relu", "tanh" or "gelu". */
    public final String activation;

    /**
     * A DeepONet with Glorot-normal weights and zero biases.
     *
     * @param branch the branch widths m .. p, at least two, each at least 1
     * @param trunk the trunk widths d .. p, at least two, each at least 1, ending in the same p
     * @param activation "relu", "tanh" or "gelu"
     * @param g the generator of the initial weights
     * @throws IllegalArgumentException when the widths do not fit or the activation is unknown
     */
    public DeepONet(int[] branch, int[] trunk, String activation, Generator g) {
        if (branch.length < 2 || trunk.length < 2 || branch[branch.length - 1] != trunk[trunk.length - 1]
                || Arrays.stream(branch).anyMatch(w -> w < 1) || Arrays.stream(trunk).anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("DeepONet: branch " + Arrays.toString(branch) + " and trunk " + Arrays.toString(trunk)
                    + ": each needs >= 2 widths >= 1 and both must end in the same p");
        }
        act(activation);
        this.branchWidths = branch.clone();
        this.trunkWidths = trunk.clone();
        this.activation = activation;
        registerModule("branch", mlp(branch, activation, false, g));
        registerModule("trunk", mlp(trunk, activation, true, g));
        registerParameter("b", Tensor.zeros(1));
    }

    /**
     * A DeepONet with ReLU and the shared default generator.
     *
     * @param branch the branch widths m .. p
     * @param trunk the trunk widths d .. p
     */
    public DeepONet(int[] branch, int[] trunk) {
        this(branch, trunk, "relu", Init.defaultGenerator());
    }

    private static Module act(String name) {
        return switch (name) {
            case "relu" -> new ReLU();
            case "tanh" -> new Tanh();
            case "gelu" -> new GELU();
            case null, default -> throw new IllegalArgumentException("DeepONet: activation " + name
                    + " is not one of \"relu\", \"tanh\", \"gelu\"");
        };
    }

    private static Sequential mlp(int[] widths, String activation, boolean lastActivated, Generator g) {
        Sequential s = new Sequential();
        for (int i = 0; i + 1 < widths.length; i++) {
            Linear l = new Linear(widths[i], widths[i + 1], true, g);
            Init.xavierNormal(l.weight(), 1, g);
            Init.zeros(l.bias());
            s.append(l);
            if (i + 2 < widths.length || lastActivated) s.append(act(activation));
        }
        return s;
    }

    /**
     * The branch features b_k(u).
     *
     * @param u the input functions at the sensors (B, m)
     * @return the features (B, p)
     */
    public Tensor branch(Tensor u) {
        check("u", u, branchWidths[0]);
        return child("branch").forward(u);
    }

    /**
     * The trunk features t_k(y).
     *
     * @param y the query points (P, d)
     * @return the features (P, p)
     */
    public Tensor trunk(Tensor y) {
        check("y", y, trunkWidths[0]);
        return child("trunk").forward(y);
    }

    /**
     * G(u_i)(y_j) for every function and every point (DeepONetCartesianProd).
     *
     * @param u the input functions at the sensors (B, m)
     * @param y the query points (P, d)
     * @return G (B, P)
     */
    public Tensor forward(Tensor u, Tensor y) {
        return branch(u).matmul(trunk(y).t()).add(param("b"));
    }

    /**
     * G(u_i)(y_i) for pairs (DeepXDE's DeepONet).
     *
     * @param u the input functions at the sensors (B, m)
     * @param y one query point per function (B, d)
     * @return G (B)
     * @throws IllegalArgumentException when u and y are not 2-d with one B
     */
    public Tensor forwardPaired(Tensor u, Tensor y) {
        if (u.dim() != 2 || y.dim() != 2 || u.size(0) != y.size(0)) {
            throw new IllegalArgumentException(name() + ".forwardPaired: u " + Shape.format(u.shape()) + " and y " + Shape.format(y.shape())
                    + ": expected (B, " + branchWidths[0] + ") and (B, " + trunkWidths[0] + ")");
        }
        return branch(u).mul(trunk(y)).sum(1).add(param("b"));
    }

    private void check(String what, Tensor x, int width) {
        if (x.dim() != 2 || x.size(1) != width) {
            throw new IllegalArgumentException(name() + ": " + what + " " + Shape.format(x.shape()) + ": expected (N, " + width + ")");
        }
    }

    private String name() {
        return "DeepONet(" + extraRepr() + ")";
    }

    @Override
    protected String extraRepr() {
        return "branch=" + Arrays.toString(branchWidths) + ", trunk=" + Arrays.toString(trunkWidths) + ", activation=" + activation;
    }
}
