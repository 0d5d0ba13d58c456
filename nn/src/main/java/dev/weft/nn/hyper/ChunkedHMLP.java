package dev.weft.nn.hyper;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.Sequential;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

import java.util.Map;

/**
 * The chunked MLP hypernetwork (hypnettorch's ChunkedHMLP): the flat target vector theta (N) is cut into
 * K = ceil(N / S) chunks of S elements; one shared MLP g emits chunk k from the condition and a learned chunk
 * embedding e_k, theta = [g(c, e_0), g(c, e_1), ..., g(c, e_{K-1})][:N] (the tail of the last chunk is
 * dropped). The generator (trunk and one head of width S) has the same size for every target with the same
 * chunk size; only the K x E chunk embeddings ("chunk_embs", N(0, 1) as hypnettorch) grow with the target.
 * Chunks ignore tensor boundaries: one chunk may hold the end of a weight and the start of a bias.
 * The generator's input is [c, e_k] (C + E wide).
 */
public class ChunkedHMLP extends HyperNetwork {
    private final int chunkSize, chunkEmbSize, numChunks;
    private final Sequential trunk;
    private final Linear head;

    /**
     * {@code new ChunkedHMLP(ChunkedHMLP.options(target, 8, 1000).chunkEmbSize(8).hidden(100, 100))}.
     *
     * @param o the options
     */
    public ChunkedHMLP(Options o) {
        super("ChunkedHMLP", o);
        this.chunkSize = OptionChecks.atLeast("ChunkedHMLP", "chunkSize", o.chunkSize, 1);
        this.chunkEmbSize = OptionChecks.atLeast("ChunkedHMLP", "chunkEmbSize", o.chunkEmbSize, 1);
        this.numChunks = (int) ((layout().numel() + (long) chunkSize - 1) / chunkSize);
        Generator g = generatorOf(o);
        int in = inputSize() + chunkEmbSize;
        this.trunk = registerModule("trunk", trunk(in, o.hidden, o.activation, o.bias, g));
        this.head = registerModule("head", new Linear(trunkOut(in, o.hidden), chunkSize, o.bias, g));
        registerParameter("chunk_embs", Init.normal(Tensor.empty(numChunks, chunkEmbSize), 0, 1, g));
        if (init() == HyperInit.TARGET_SCALE) initTargetScale(g);
    }

    // TargetScale with one head for all tensors: it aims at the pooled mean and variance of every generated
    // element (a chunk straddles tensors), so per-tensor scales are matched only through MIP's theta0
    private void initTargetScale(Generator g) {
        int cin = inputSize();
        double q = (cin * inputSecondMoment() + chunkEmbSize) / (cin + chunkEmbSize);   // chunk embeddings are N(0, 1)
        q = TargetScale.initTrunk(trunk, q, g);
        Map<String, Tensor> own = target().namedParameters();
        double n = layout().numel(), mean = 0, within = 0;
        double[][] mv = new double[layout().entries().size()][];
        for (int i = 0; i < mv.length; i++) {
            ParameterLayout.Entry e = layout().entries().get(i);
            mv[i] = TargetScale.meanVar(own.get(e.name()));
            mean += e.numel() / n * mv[i][0];
            within += e.numel() / n * mv[i][1];
        }
        double pooled = 0;
        for (int i = 0; i < mv.length; i++) {
            double d = mv[i][0] - mean;
            pooled += layout().entries().get(i).numel() / n * (mv[i][1] + d * d);
        }
        if (isMip()) TargetScale.initHead(head, 0, residualInitScale() * residualInitScale() * within, q, g);
        else TargetScale.initHead(head, mean, pooled, q, g);
    }

    /**
     * Options for a chunked hypernetwork over {@code target}, condition width C, chunks of {@code chunkSize} elements.
     *
     * @param target the module whose parameters are generated
     * @param conditionSize C
     * @param chunkSize S, the elements per chunk
     * @return fresh options
     */
    public static Options options(Module target, int conditionSize, int chunkSize) {
        return new Options(target, conditionSize, chunkSize);
    }

    // input: (B, C_in) -> (B, N)
    @Override
    protected Tensor generator(Tensor input) {
        int b = input.size(0), cin = input.size(1);
        Tensor embs = param("chunk_embs");
        Tensor cond = input.unsqueeze(1).expand(b, numChunks, cin);                       // (B, K, C_in)
        Tensor e = embs.unsqueeze(0).expand(b, numChunks, chunkEmbSize);                  // (B, K, E)
        Tensor rows = Tensor.cat(new Tensor[] {cond, e}, 2).reshape(b * numChunks, cin + chunkEmbSize);
        Tensor chunks = head.forward(trunk.forward(rows)).reshape(b, numChunks, chunkSize);  // (B, K, S)
        return assemble(chunks);
    }

    // chunks: (B, K, S) -> (B, N): chunk k, element j -> flat index k * S + j, the tail past N dropped
    Tensor assemble(Tensor chunks) {
        int b = chunks.size(0);
        if (chunks.dim() != 3 || chunks.size(1) != numChunks || chunks.size(2) != chunkSize) {
            throw new IllegalArgumentException("ChunkedHMLP: chunks " + Shape.format(chunks.shape()) + " must be (B, K=" + numChunks
                    + ", S=" + chunkSize + ")");
        }
        Tensor flat = chunks.reshape(b, numChunks * chunkSize);
        return flat.size(1) == layout().numel() ? flat : flat.narrow(1, 0, layout().numel());
    }

    /** {@return K, the number of chunks (and of chunk embeddings)} */
    public int numChunks() {
        return numChunks;
    }

    /** {@return S, the elements per chunk} */
    public int chunkSize() {
        return chunkSize;
    }

    /** {@return E, the width of a chunk embedding} */
    public int chunkEmbSize() {
        return chunkEmbSize;
    }

    /** {@return the shared MLP trunk} */
    public Sequential trunk() {
        return trunk;
    }

    /** {@return the shared output head (S outputs)} */
    public Linear head() {
        return head;
    }

    @Override
    protected String extraRepr() {
        return super.extraRepr() + ", chunks=" + numChunks + " x " + chunkSize + ", chunkEmb=" + chunkEmbSize;
    }

    /** ChunkedHMLP options: those of {@link HyperNetwork.Options} plus the chunk embedding width (default 8, hypnettorch's). */
    public static final class Options extends HyperNetwork.Options<Options> {
        final int chunkSize;
        int chunkEmbSize = 8;

        Options(Module target, int conditionSize, int chunkSize) {
            super(target, conditionSize);
            this.chunkSize = chunkSize;
        }

        /**
         * E, the width of each learned chunk embedding (default 8).
         *
         * @param size E
         * @return these options
         */
        public Options chunkEmbSize(int size) { this.chunkEmbSize = size; return this; }
    }
}
