package dev.weft.tensor.core;


import java.util.Arrays;

/**
 * Static helpers over shapes and strides held as int[]: element counts (overflow-checked), row-major
 * strides, PyTorch broadcasting, dim normalization with errors naming the op, and "(2, 3)" printing.
 * Shapes are never modified in place; every helper returns a new array.
 */
public final class Shape {
    private Shape() {}

    /** The empty shape of a 0-d (scalar) tensor. */
    public static final int[] SCALAR = new int[0];

    /**
     * {@return product of the sizes; errors on negative sizes or when it exceeds Integer.MAX_VALUE}
     *
     * @param shape the shape (sizes of each dim)
     */
    public static int numel(int[] shape) {
        long n = 1;
        boolean empty = false;
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException("shape " + format(shape) + ": negative size " + s);
            empty |= s == 0;
        }
        if (empty) return 0;                    // (2^31, 2, 0) holds nothing: no overflow to report
        for (int s : shape) {
            n *= s;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + format(shape) + ": more than " + Integer.MAX_VALUE + " elements");
            }
        }
        return (int) n;
    }

    /**
     * Row-major (C-contiguous) strides for the shape; size-1 dims get the stride they would have anyway.
     *
     * @param shape the shape (sizes of each dim)
     * @return the strides, in elements
     */
    public static int[] contiguousStrides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            st[d] = s;
            s *= Math.max(shape[d], 1);
        }
        return st;
    }

    /**
     * {@return true if (shape, strides) describe a row-major layout; strides of size-1 dims are ignored}
     *
     * @param shape the shape (sizes of each dim)
     * @param strides the strides, in elements
     */
    public static boolean isContiguous(int[] shape, int[] strides) {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 1) continue;
            if (shape[d] == 0) return true;
            if (strides[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    /**
     * {@return the broadcast shape of a and b (PyTorch rules: align trailing dims; sizes must match or one be 1)}
     * The error names the op and both shapes: "add: shapes (2, 3) and (4,) cannot broadcast".
     *
     * @param op the op
     * @param a the first operand
     * @param b the second operand
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        if (java.util.Arrays.equals(a, b)) return a.clone();
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i - (n - a.length), db = i - (n - b.length);
            int sa = da >= 0 ? a[da] : 1, sb = db >= 0 ? b[db] : 1;
            if (sa == sb || sb == 1) out[i] = sa;
            else if (sa == 1) out[i] = sb;
            else throw new IllegalArgumentException(op + ": shapes " + format(a) + " and " + format(b) + " cannot broadcast");
        }
        return out;
    }

    /**
     * {@return the broadcast shape of several shapes; the error names the op and every shape}
     *
     * @param op the op
     * @param shapes the shapes to broadcast
     */
    public static int[] broadcast(String op, int[]... shapes) {
        int[] out = SCALAR;
        for (int[] s : shapes) {
            try {
                out = broadcast(op, out, s);
            } catch (IllegalArgumentException e) {
                StringBuilder sb = new StringBuilder(op).append(": shapes ");
                for (int i = 0; i < shapes.length; i++) sb.append(i == 0 ? "" : ", ").append(format(shapes[i]));
                throw new IllegalArgumentException(sb.append(" cannot broadcast").toString());
            }
        }
        return out;
    }

    /**
     * {@return true if {@code from} broadcasts to exactly {@code to}}
     *
     * @param from the source
     * @param to the target
     */
    public static boolean broadcastsTo(int[] from, int[] to) {
        if (from.length > to.length) return false;
        int off = to.length - from.length;
        for (int i = 0; i < from.length; i++) if (from[i] != 1 && from[i] != to[off + i]) return false;
        return true;
    }

    /**
     * Normalizes a possibly negative dim into [0, rank). The error names the op, the dim and the rank:
     * "sum: dim 2 out of range for rank 2 (expected -2..1)". A 0-d tensor accepts dims -1 and 0, as in PyTorch.
     *
     * @param op the op
     * @param dim the dim (negative counts from the end)
     * @param rank number of dims
     * @return the dim in [0, rank)
     */
    public static int dim(String op, int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IllegalArgumentException(op + ": dim " + dim + " out of range for rank " + rank
                    + " (expected " + (-r) + ".." + (r - 1) + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    /**
     * Normalizes several dims (see {@link #dim}); repeated dims are an error naming the op. Returns them sorted.
     *
     * @param op the op
     * @param dims the dims (negatives count from the end)
     * @param rank number of dims
     * @return the dims, each in [0, rank), sorted
     */
    public static int[] dims(String op, int[] dims, int rank) {
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) out[i] = dim(op, dims[i], rank);
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw new IllegalArgumentException(op + ": dim " + out[i] + " repeated in " + Arrays.toString(dims));
            }
        }
        return out;
    }

    /**
     * Formats a shape as "(2, 3)", "(4,)" or "()".
     *
     * @param shape the shape (sizes of each dim)
     * @return the text
     */
    public static String format(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ", ").append(shape[i]);
        return sb.append(')').toString();
    }

    /**
     * Copy of the shape with one entry removed.
     *
     * @param shape the shape (sizes of each dim)
     * @param dim the dim (negative counts from the end)
     * @return the new shape
     */
    public static int[] remove(int[] shape, int dim) {
        int[] out = new int[shape.length - 1];
        System.arraycopy(shape, 0, out, 0, dim);
        System.arraycopy(shape, dim + 1, out, dim, shape.length - dim - 1);
        return out;
    }

    /**
     * Copy of the shape with {@code value} inserted at {@code dim}.
     *
     * @param shape the shape (sizes of each dim)
     * @param dim the dim (negative counts from the end)
     * @param value the scalar value
     * @return the new shape
     */
    public static int[] insert(int[] shape, int dim, int value) {
        int[] out = new int[shape.length + 1];
        System.arraycopy(shape, 0, out, 0, dim);
        out[dim] = value;
        System.arraycopy(shape, dim, out, dim + 1, shape.length - dim);
        return out;
    }

    /**
     * Resolves one -1 in a requested shape against numel; errors name the op and both shapes:
     * "view: shape (4, -1) is invalid for input of shape (2, 3) with 6 elements".
     *
     * @param op the op
     * @param requested the requested shape, one entry may be -1
     * @param inputShape the shape being reshaped
     * @return the shape with -1 resolved
     */
    public static int[] infer(String op, int[] requested, int[] inputShape) {
        int numel = numel(inputShape);
        int[] out = requested.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (unknown >= 0) throw new IllegalArgumentException(op + ": only one dim can be -1, got " + format(requested));
                unknown = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException(op + ": negative size " + out[i] + " in " + format(requested));
            } else {
                known *= out[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || numel % known != 0) throw invalid(op, requested, inputShape, numel);
            out[unknown] = (int) (numel / known);
        } else if (known != numel) {
            throw invalid(op, requested, inputShape, numel);
        }
        return out;
    }

    private static IllegalArgumentException invalid(String op, int[] requested, int[] in, int numel) {
        return new IllegalArgumentException(op + ": shape " + format(requested) + " is invalid for input of shape "
                + format(in) + " with " + numel + " elements");
    }
}
