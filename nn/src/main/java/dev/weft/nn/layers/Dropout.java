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
    /**
     * The probability of zeroing an element.
     */
    public final double p;
    private final Generator generator;

    /**
     * Dropout with p = 0.5.
     */
    public Dropout() {
        this(options());
    }

    /**
     * Dropout with probability p.
     *
     * @param p in [0, 1]
     * @throws IllegalArgumentException if p is outside [0, 1]
     */
    public Dropout(double p) {
        this(options().p(p));
    }

    /**
     * {@code new Dropout(Dropout.options().p(0.1).generator(g))}.
     *
     * @param options p and the mask generator
     * @throws IllegalArgumentException if p is outside [0, 1]
     */
    public Dropout(Options options) {
        this.p = OptionChecks.probability("Dropout", "p", options.p);
        this.generator = options.generator != null ? options.generator : Init.defaultGenerator().split();
    }

    /**
     * Options with PyTorch's default p = 0.5; masks from a split of {@link Init#defaultGenerator()}.
     *
     * @return options to refine and pass to {@link #Dropout(Options)}
     */
    public static Options options() {
        return new Options();
    }

    /** Dropout's options. */
    public static final class Options {
        private double p = 0.5;
        private Generator generator;

        private Options() {}

        /**
         * The probability of zeroing an element.
         *
         * @param p in [0, 1], default 0.5
         * @return these options
         */
        public Options p(double p) {
            this.p = p;
            return this;
        }

        /**
         * Draws the masks (used as given, not split).
         *
         * @param generator not null
         * @return these options
         */
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
