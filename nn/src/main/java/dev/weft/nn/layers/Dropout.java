package dev.weft.nn.layers;

import dev.weft.nn.Module;
import dev.weft.nn.OptionChecks;
import dev.weft.nn.functional.F;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;

/**
 * Inverted dropout: in training each element is zeroed with probability p and the rest scaled by
 * 1/(1-p); in eval mode the identity. Masks come from the generator given (default: a split of
 * {@link Init#defaultGenerator()} taken at construction, so the masks are seeded too).
 */
public class Dropout extends Module {
    public final double p;
    private final Generator generator;

    public Dropout() {
        this(options());
    }

    public Dropout(double p) {
        this(options().p(p));
    }

    /** {@code new Dropout(Dropout.options().p(0.1).generator(g))}. */
    public Dropout(Options options) {
        this.p = OptionChecks.probability("Dropout", "p", options.p);
        this.generator = options.generator != null ? options.generator : Init.defaultGenerator().split();
    }

    /** Options with PyTorch's default p = 0.5; masks from a split of {@link Init#defaultGenerator()}. */
    public static Options options() {
        return new Options();
    }

    /** Dropout's options. */
    public static final class Options {
        private double p = 0.5;
        private Generator generator;

        private Options() {}

        /** The probability of zeroing an element. */
        public Options p(double p) {
            this.p = p;
            return this;
        }

        /** Draws the masks (used as given, not split). */
        public Options generator(Generator generator) {
            this.generator = OptionChecks.nonNull("Dropout", "generator", generator);
            return this;
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout(input, p, isTraining(), generator);
    }

    @Override
    protected String extraRepr() {
        return "p=" + Repr.num(p);
    }
}
