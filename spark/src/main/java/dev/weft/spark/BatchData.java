package dev.weft.spark;

import dev.weft.nn.train.Batch;
import dev.weft.tensor.Tensor;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One Weft batch in a form Spark can ship and cache (Java serialization): the input as a flat float
 * array with its shape, and the target either as class indices ({@code long[]}, an I64 tensor of shape (B))
 * or as float values with their own shape. {@link #toBatch()} makes the tensors on the executor.
 *
 * @param input the input, row-major, {@code prod(inputShape)} floats
 * @param inputShape the input's shape, e.g. (B, C)
 * @param classes class indices, one per row, or null
 * @param values float targets, or null
 * @param valueShape the float targets' shape, or null
 */
public record BatchData(float[] input, int[] inputShape, long[] classes, float[] values, int[] valueShape) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks that the sizes agree and exactly one kind of target is given. */
    public BatchData {
        long n = 1;
        for (int d : inputShape) n *= d;
        if (n != input.length) {
            throw new IllegalArgumentException("BatchData: input of " + input.length + " floats for shape " + Arrays.toString(inputShape));
        }
        if ((classes == null) == (values == null)) throw new IllegalArgumentException("BatchData: needs exactly one of classes or values");
        if (classes != null && inputShape.length > 0 && classes.length != inputShape[0]) {
            throw new IllegalArgumentException("BatchData: " + classes.length + " class targets for input " + Arrays.toString(inputShape));
        }
        if (values != null) {
            long m = 1;
            for (int d : valueShape) m *= d;
            if (m != values.length) {
                throw new IllegalArgumentException("BatchData: target of " + values.length + " floats for shape " + Arrays.toString(valueShape));
            }
        }
    }

    /**
     * {@return a classification batch: input (B, ...) and class indices (B)}
     *
     * @param input the input, row-major
     * @param inputShape its shape
     * @param classes the class of each row
     */
    public static BatchData ofClasses(float[] input, int[] inputShape, long[] classes) {
        return new BatchData(input, inputShape, classes, null, null);
    }

    /**
     * {@return a regression batch: input and float targets with their shapes}
     *
     * @param input the input, row-major
     * @param inputShape its shape
     * @param values the targets, row-major
     * @param valueShape their shape
     */
    public static BatchData ofValues(float[] input, int[] inputShape, float[] values, int[] valueShape) {
        return new BatchData(input, inputShape, null, values, valueShape);
    }

    /**
     * {@return a batch's tensors copied into BatchData}
     *
     * @param b the batch (F32 input; I64 or F32 target)
     */
    public static BatchData of(Batch b) {
        Tensor t = b.target();
        float[] x = b.input().contiguous().toFloatArray();
        if (t.dtype().isFloatingPoint()) return ofValues(x, b.input().shape(), t.contiguous().toFloatArray(), t.shape());
        return ofClasses(x, b.input().shape(), t.contiguous().toLongArray());
    }

    /** {@return the number of examples: the input's first dimension (1 for a 0-d input)} */
    public int size() {
        return inputShape.length == 0 ? 1 : inputShape[0];
    }

    /** {@return the batch as Weft tensors (input F32; target I64 classes or F32 values)} */
    public Batch toBatch() {
        Tensor x = Tensor.of(input, inputShape);
        Tensor y = classes != null ? Tensor.of(classes) : Tensor.of(values, valueShape);
        return new Batch(x, y);
    }
}
