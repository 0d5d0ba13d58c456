package dev.weft.nn;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

/** Splits dim {@code dim} into {@code unflattenedSize} (one entry may be -1): (B, 12) -> (B, 3, 4). */
public class Unflatten extends Module {
    /** The dim split. */
    public final int dim;
    private final int[] unflattenedSize;

    /**
     * Splits dim into unflattenedSize.
     *
     * @param dim             the dim to split (negative: from the end)
     * @param unflattenedSize the new sizes, one of them may be -1
     * @throws IllegalArgumentException if unflattenedSize is empty
     */
    public Unflatten(int dim, int... unflattenedSize) {
        if (unflattenedSize.length == 0) throw new IllegalArgumentException("Unflatten: unflattenedSize must not be empty");
        this.dim = dim;
        this.unflattenedSize = unflattenedSize.clone();
    }

    /** {@return the sizes dim is split into, a copy} */
    public int[] unflattenedSize() {
        return unflattenedSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.unflatten(dim, unflattenedSize);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim + ", unflattenedSize=" + Shape.format(unflattenedSize);
    }
}
