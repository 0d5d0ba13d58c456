package dev.weft.nn.hyper;

import dev.weft.nn.Module;
import dev.weft.nn.ModuleList;
import dev.weft.nn.Sequential;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The full MLP hypernetwork (hypnettorch's HMLP): an MLP trunk z = phi(W_L ... phi(W_1 c)) and one linear
 * output head per generated target tensor, theta_i = V_i z + b_i, reshaped to the tensor's shape. Submodules:
 * "trunk" (Linear, activation, ...), "heads" (one Linear(hidden, numel_i) per entry of the layout, in order),
 * and the target. The generator grows with the target (each head is hidden x numel_i); {@link ChunkedHMLP}
 * does not.
 *
 * <pre>{@code
 * Linear target = new Linear(4, 2);
 * HMLP h = new HMLP(HMLP.options(target, 8).hidden(32, 32));      // generates target.weight and target.bias
 * Tensor y = h.forward(taskEmbedding, x);                          // taskEmbedding (8), x (B, 4) -> (B, 2)
 * }</pre>
 */
public class HMLP extends HyperNetwork {
    private final Sequential trunk;
    private final ModuleList heads;

    /**
     * {@code new HMLP(HMLP.options(target, 8).hidden(100, 100).generate("*.weight"))}.
     *
     * @param o the target, condition size and settings
     */
    public HMLP(Options o) {
        super("HMLP", o);
        Generator g = generatorOf(o);
        int in = inputSize();
        this.trunk = registerModule("trunk", trunk(in, o.hidden, o.activation, o.bias, g));
        int z = trunkOut(in, o.hidden);
        this.heads = registerModule("heads", new ModuleList());
        for (ParameterLayout.Entry e : layout().entries()) heads.add(new Linear(z, e.numel(), o.bias, g));
        if (init() == HyperInit.TARGET_SCALE) initTargetScale(g);
    }

    // TargetScale: each head aims at its own tensor's mean and variance
    private void initTargetScale(Generator g) {
        double q = TargetScale.initTrunk(trunk, inputSecondMoment(), g);
        Map<String, Tensor> own = target().namedParameters();
        List<ParameterLayout.Entry> entries = layout().entries();
        for (int i = 0; i < entries.size(); i++) {
            double[] mv = TargetScale.meanVar(own.get(entries.get(i).name()));
            if (isMip()) TargetScale.initHead(head(i), 0, residualInitScale() * residualInitScale() * mv[1], q, g);
            else TargetScale.initHead(head(i), mv[0], mv[1], q, g);
        }
    }

    /**
     * Options for a hypernetwork over {@code target} conditioned on C = {@code conditionSize} inputs.
     *
     * @param target the module whose parameters are generated
     * @param conditionSize C, at least 1
     * @return options to refine and pass to {@link #HMLP(Options)}
     */
    public static Options options(Module target, int conditionSize) {
        return new Options(target, conditionSize);
    }

    // input: (B, C_in) -> (B, N)
    @Override
    protected Tensor generator(Tensor input) {
        Tensor z = trunk.forward(input);
        List<Tensor> out = new ArrayList<>(heads.size());
        for (Module head : heads) out.add(head.forward(z));
        return out.size() == 1 ? out.get(0) : Tensor.cat(out, 1);
    }

    /** {@return the MLP trunk shared by all heads} */
    public Sequential trunk() {
        return trunk;
    }

    /**
     * The output head of generated tensor {@code i} (layout order).
     *
     * @param i the index in {@link #layout()}
     * @return its Linear(hidden, numel_i)
     */
    public Linear head(int i) {
        return heads.get(i, Linear.class);
    }

    /** HMLP options; see {@link HyperNetwork.Options}. */
    public static final class Options extends HyperNetwork.Options<Options> {
        Options(Module target, int conditionSize) {
            super(target, conditionSize);
        }
    }
}
