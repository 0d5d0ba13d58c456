package dev.weft.nn.hopfield;

import dev.weft.nn.Module;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * Hopfield pooling (Ramsauer et al. 2021, Sec. 3, the hflayers {@code HopfieldPooling} module): a learned
 * state pattern (query) of {@code quantity} rows attends to the input set, which is both the stored
 * patterns and the pattern projection: x (B, S, inputSize) -> (B, quantity * outputSize), a fixed-size
 * summary of a set of any size S (multiple-instance learning's pooling). Parameters: pooling_weights
 * (1, quantity, inputSize), drawn normal(0, 0.02), and the {@link Hopfield} submodule "hopfield".
 * <pre>{@code
 * HopfieldPooling pool = new HopfieldPooling(Hopfield.options(32).numHeads(4), 2, new Generator(0));
 * Tensor z = pool.forward(bags);   // (B, S, 32) -> (B, 64)
 * }</pre>
 */
public final class HopfieldPooling extends Module {
    private final Hopfield hopfield;
    private final int quantity;

    /**
     * One query row over hflayers' Hopfield defaults, drawn from the shared default generator.
     *
     * @param inputSize the input's feature size
     */
    public HopfieldPooling(int inputSize) {
        this(Hopfield.options(inputSize), 1, Init.defaultGenerator());
    }

    /**
     * A pooling layer.
     *
     * @param options configure the inner Hopfield (its inputSize is the input's feature size)
     * @param quantity the query rows, at least 1
     * @param g the generator of pooling_weights and the Hopfield's weights, not null
     * @throws IllegalArgumentException when quantity is below 1, g is null, or the options' stored pattern or pattern
     *         projection size differs from inputSize
     */
    public HopfieldPooling(Hopfield.Options options, int quantity, Generator g) {
        if (quantity < 1) throw new IllegalArgumentException("HopfieldPooling: quantity must be >= 1, got " + quantity);
        if (g == null) throw new IllegalArgumentException("HopfieldPooling: generator must not be null");
        this.quantity = quantity;
        this.hopfield = registerModule("hopfield", new Hopfield(options.generator(g)));
        if (hopfield.storedPatternSize() != hopfield.inputSize() || hopfield.patternProjectionSize() != hopfield.inputSize()) {
            throw new IllegalArgumentException("HopfieldPooling: the input is stored pattern and projection: storedPatternSize "
                    + hopfield.storedPatternSize() + " and patternProjectionSize " + hopfield.patternProjectionSize()
                    + " must equal inputSize " + hopfield.inputSize());
        }
        Init.normal(registerParameter("pooling_weights", Tensor.empty(1, quantity, hopfield.inputSize())), 0, 0.02, g);
    }

    /** {@return the number of query rows} */
    public int quantity() { return quantity; }

    /** {@return the inner Hopfield module} */
    public Hopfield hopfield() { return hopfield; }

    /** x (B, S, inputSize) (batch-first; (S, B, C) when the Hopfield is not) -> (B, quantity * outputSize). */
    @Override
    public Tensor forward(Tensor x) {
        if (x == null || x.dim() != 3) {
            throw new IllegalArgumentException("HopfieldPooling: input " + (x == null ? "null" : Shape.format(x.shape()))
                    + ": expected 3-d (B, S, " + hopfield.inputSize() + ")");
        }
        int B = x.size(hopfield.batchFirst() ? 0 : 1);
        Tensor state = param("pooling_weights").expand(B, quantity, hopfield.inputSize());
        if (!hopfield.batchFirst()) state = state.transpose(0, 1);
        Tensor z = hopfield.forward(x, state, x);                      // (B, quantity, out) or (quantity, B, out)
        if (!hopfield.batchFirst()) z = z.transpose(0, 1);
        return z.reshape(B, quantity * hopfield.outputSize());
    }

    @Override
    protected String extraRepr() {
        return "quantity=" + quantity;
    }
}
