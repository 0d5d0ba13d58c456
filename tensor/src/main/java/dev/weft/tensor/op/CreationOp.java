package dev.weft.tensor.op;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import java.util.Arrays;

/** Ops with no tensor inputs that create a new tensor on a device. Each record is a pure value. */
public sealed interface CreationOp extends Op {
    /** {@return the device the output is allocated on} */
    Device device();

    /**
     * Every element equal to value (converted to dtype as {@link ElementwiseOp.Cast} does).
     *
     * @param shape the shape (sizes of each dim)
     * @param value the scalar value
     * @param dtype the element type
     * @param device the device
     */
    record Full(int[] shape, double value, DType dtype, Device device) implements CreationOp {
        /** Keeps a copy of shape. */
        public Full {
            shape = shape.clone();
        }

        public String name() {
            return "full";
        }

        @Override
        public String toString() {
            return "Full[shape=" + Arrays.toString(shape) + ", value=" + value + ", dtype=" + dtype + ", device=" + device + "]";
        }
    }

    /**
     * start, start+step, ... strictly before end: ceil((end - start) / step) elements, element i = start + i*step.
     *
     * @param start the first value or index
     * @param end the end (exclusive)
     * @param step the step between consecutive values or indices
     * @param dtype the element type
     * @param device the device
     */
    record Arange(double start, double end, double step, DType dtype, Device device) implements CreationOp {
        public String name() {
            return "arange";
        }

        /** {@return the element count (validated by CreationRules)} */
        public int count() {
            return (int) Math.ceil((end - start) / step);
        }
    }

    /**
     * steps points from start to end inclusive, evenly spaced.
     *
     * @param start the first value or index
     * @param end the end (exclusive)
     * @param steps number of points
     * @param dtype the element type
     * @param device the device
     */
    record Linspace(double start, double end, int steps, DType dtype, Device device) implements CreationOp {
        public String name() {
            return "linspace";
        }
    }

    /**
     * (n, m) with ones on the diagonal.
     *
     * @param n number of elements
     * @param m number of columns
     * @param dtype the element type
     * @param device the device
     */
    record Eye(int n, int m, DType dtype, Device device) implements CreationOp {
        public String name() {
            return "eye";
        }
    }

    /**
     * Random values of a distribution, a pure function of (seed, counter): element i is computed from
     * Philox block counter + i / dist.perBlock(dtype) under key seed.
     *
     * @param dist the distribution (p0, p1 are its parameters)
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param seed the seed
     * @param counter the Philox counter of the first block
     * @param shape the shape (sizes of each dim)
     * @param dtype the element type
     * @param device the device
     */
    record Random(Distribution dist, double p0, double p1, long seed, long counter, int[] shape, DType dtype,
                  Device device) implements CreationOp {
        /** Keeps a copy of shape. */
        public Random {
            shape = shape.clone();
        }

        public String name() {
            return switch (dist) {
                case UNIFORM -> "rand";
                case NORMAL -> "randn";
                case RANDINT -> "randint";
                case BERNOULLI -> "bernoulli";
                case PERMUTATION -> "randperm";
            };
        }

        @Override
        public String toString() {
            return "Random[" + dist + ", p0=" + p0 + ", p1=" + p1 + ", seed=" + seed + ", counter=" + counter
                    + ", shape=" + Arrays.toString(shape) + ", dtype=" + dtype + ", device=" + device + "]";
        }
    }
}
