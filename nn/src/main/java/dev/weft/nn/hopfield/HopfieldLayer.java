package dev.weft.nn.hopfield;

import dev.weft.nn.Module;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * The Hopfield lookup layer (Ramsauer et al. 2021, Sec. 3, the hflayers {@code HopfieldLayer} module):
 * the input is the state pattern and attends to {@code quantity} learned stored patterns
 * (lookup_weights (1, quantity, inputSize)) whose values are learned targets (target_weights (1,
 * quantity, inputSize)): a learned associative memory, x (B, L, inputSize) -> (B, L, outputSize), in
 * place of a fully connected layer. Both drawn normal(0, 0.02); the {@link Hopfield} submodule is "hopfield".
 * <pre>{@code
 * HopfieldLayer lookup = new HopfieldLayer(Hopfield.options(16).outputSize(8), 50, new Generator(0));
 * Tensor z = lookup.forward(x);    // (B, L, 16) -> (B, L, 8)
 * }</pre>
 */
public final class HopfieldLayer extends Module {
    private final Hopfield hopfield;
    private final int quantity;

    /**
     * A lookup layer over hflayers' Hopfield defaults, drawn from the shared default generator.
     *
     * @param inputSize the input's feature size
     * @param quantity the learned stored patterns
     */
    public HopfieldLayer(int inputSize, int quantity) {
        this(Hopfield.options(inputSize), quantity, Init.defaultGenerator());
    }

    /**
     * A lookup layer.
     *
     * @param options configure the inner Hopfield
     * @param quantity the learned stored patterns, at least 1
     * @param g the generator of lookup_weights, target_weights and the Hopfield's weights, not null
     * @throws IllegalArgumentException when quantity is below 1 or g is null
     */
    public HopfieldLayer(Hopfield.Options options, int quantity, Generator g) {
        if (quantity < 1) throw new IllegalArgumentException("HopfieldLayer: quantity must be >= 1, got " + quantity);
        if (g == null) throw new IllegalArgumentException("HopfieldLayer: generator must not be null");
        this.quantity = quantity;
        this.hopfield = registerModule("hopfield", new Hopfield(options.generator(g)));
        Init.normal(registerParameter("lookup_weights", Tensor.empty(1, quantity, hopfield.storedPatternSize())), 0, 0.02, g);
        Init.normal(registerParameter("target_weights", Tensor.empty(1, quantity, hopfield.patternProjectionSize())), 0, 0.02, g);
    }

    /** {@return the number of learned stored patterns} */
    public int quantity() { return quantity; }

    /** {@return the inner Hopfield module} */
    public Hopfield hopfield() { return hopfield; }

    /** x (B, L, inputSize) (batch-first; (L, B, C) when the Hopfield is not) -> (B, L, outputSize) in x's layout. */
    @Override
    public Tensor forward(Tensor x) {
        if (x == null || x.dim() != 3) {
            throw new IllegalArgumentException("HopfieldLayer: input " + (x == null ? "null" : Shape.format(x.shape()))
                    + ": expected 3-d (B, L, " + hopfield.inputSize() + ")");
        }
        int B = x.size(hopfield.batchFirst() ? 0 : 1);
        Tensor stored = param("lookup_weights").expand(B, quantity, hopfield.storedPatternSize());
        Tensor targets = param("target_weights").expand(B, quantity, hopfield.patternProjectionSize());
        if (!hopfield.batchFirst()) {
            stored = stored.transpose(0, 1);
            targets = targets.transpose(0, 1);
        }
        return hopfield.forward(stored, x, targets);
    }

    @Override
    protected String extraRepr() {
        return "quantity=" + quantity;
    }
}
