package dev.weft.tensor.op;

import java.util.Arrays;

/**
 * View primitives: the output shares the input's storage; only shape, strides and offset change.
 * Dispatch builds them from metadata (no backend call, no allocation) but still records them.
 * Fields are normalized by the op layer (non-negative dims, clamped slice bounds, no -1 sizes).
 */
public sealed interface ViewOp extends Op {
    /**
     * Same elements in row-major order under a new shape; only where strides allow (else an error).
     *
     * @param shape the shape (sizes of each dim)
     */
    record Reshape(int[] shape) implements ViewOp {
        /** Keeps a copy of shape. */
        public Reshape {
            shape = shape.clone();
        }

        public String name() {
            return "view";
        }

        @Override
        public String toString() {
            return "Reshape" + Arrays.toString(shape);
        }
    }

    /**
     * Output dim i is input dim dims[i].
     *
     * @param dims the dims (negatives count from the end)
     */
    record Permute(int[] dims) implements ViewOp {
        /** Keeps a copy of dims. */
        public Permute {
            dims = dims.clone();
        }

        public String name() {
            return "permute";
        }

        @Override
        public String toString() {
            return "Permute" + Arrays.toString(dims);
        }
    }

    /**
     * Broadcast to a larger shape (new leading dims, size-1 dims stretched) with stride 0.
     *
     * @param shape the shape (sizes of each dim)
     */
    record Expand(int[] shape) implements ViewOp {
        /** Keeps a copy of shape. */
        public Expand {
            shape = shape.clone();
        }

        public String name() {
            return "expand";
        }

        @Override
        public String toString() {
            return "Expand" + Arrays.toString(shape);
        }
    }

    /**
     * Elements start, start+step, ... below end along dim ({@code 0 <= start <= end <= size}, step >= 1).
     *
     * @param dim the dim (negative counts from the end)
     * @param start the first value or index
     * @param end the end (exclusive)
     * @param step the step between consecutive values or indices
     */
    record Slice(int dim, int start, int end, int step) implements ViewOp {
        public String name() {
            return "slice";
        }
    }

    /**
     * The index-th entry along dim; the dim disappears {@code (0 <= index < size)}.
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     */
    record Select(int dim, int index) implements ViewOp {
        public String name() {
            return "select";
        }
    }

    /**
     * Removes dim, which must have size 1.
     *
     * @param dim the dim (negative counts from the end)
     */
    record Squeeze(int dim) implements ViewOp {
        public String name() {
            return "squeeze";
        }
    }

    /**
     * Inserts a size-1 dim at position dim {@code (0 <= dim <= rank)}.
     *
     * @param dim the dim (negative counts from the end)
     */
    record Unsqueeze(int dim) implements ViewOp {
        public String name() {
            return "unsqueeze";
        }
    }

    /**
     * Several outputs: consecutive pieces of sizes[i] entries along dim (the sizes sum to the dim's size),
     * each with the dim removed when squeeze (every size then 1). torch.split, chunk and unbind; one graph
     * node for all pieces, whose backward is one cat (or stack) of their gradients.
     *
     * @param dim the dim (negative counts from the end)
     * @param sizes the sizes
     * @param squeeze drop the split dim from each piece (unbind)
     * @param name the name used in error messages
     */
    record Split(int dim, int[] sizes, boolean squeeze, String name) implements ViewOp {
        /** Keeps a copy of sizes. */
        public Split {
            sizes = sizes.clone();
        }

        /** {@return the sizes of the pieces (a copy)} */
        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        @Override
        public String toString() {
            return "Split[dim=" + dim + ", sizes=" + Arrays.toString(sizes) + (squeeze ? ", squeeze" : "") + "]";
        }
    }

    /**
     * An arbitrary strided window of the input's storage: shape, strides (>= 0) and an offset in
     * storage elements. Every element reached must lie inside the storage.
     *
     * @param shape the shape (sizes of each dim)
     * @param strides the strides, in elements
     * @param offset index of the first element in the storage
     */
    record AsStrided(int[] shape, int[] strides, int offset) implements ViewOp {
        /** Keeps copies of shape and strides. */
        public AsStrided {
            shape = shape.clone();
            strides = strides.clone();
        }

        public String name() {
            return "as_strided";
        }

        @Override
        public String toString() {
            return "AsStrided[shape=" + Arrays.toString(shape) + ", strides=" + Arrays.toString(strides) + ", offset=" + offset + "]";
        }
    }
}
