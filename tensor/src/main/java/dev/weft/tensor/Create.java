package dev.weft.tensor;

import dev.weft.tensor.op.CreationOp;
import dev.weft.tensor.op.Distribution;


import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Storage;
import dev.weft.tensor.core.Strided;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Creation ops: constants, ranges, identity, host arrays (flat or nested) and random tensors. Random
 * ops reserve their Philox blocks from the generator and record (seed, counter), so their values do
 * not depend on threads. Bernoulli with a probability tensor is composed as {@code rand < p}.
 */
public final class Create {
    private Create() {}

    /**
     * {@return a new tensor of the shape with value (converted to dtype) everywhere}
     *
     * @param shape the shape (sizes of each dim)
     * @param value the scalar value
     * @param dtype the element type
     * @param device the device
     */
    public static Tensor full(int[] shape, double value, DType dtype, Device device) {
        return Dispatch.apply1(new CreationOp.Full(shape, value, dtype, device));
    }

    /**
     * {@return start, start+step, ... before end, 1-d (torch.arange)}
     *
     * @param start the first value or index
     * @param end the end (exclusive)
     * @param step the step between consecutive values or indices
     * @param dtype the element type
     * @param device the device
     */
    public static Tensor arange(double start, double end, double step, DType dtype, Device device) {
        return Dispatch.apply1(new CreationOp.Arange(start, end, step, dtype, device));
    }

    /**
     * {@return steps evenly spaced points from start to end inclusive, 1-d (torch.linspace)}
     *
     * @param steps number of points
     * @param start the first value or index
     * @param end the end (exclusive)
     * @param dtype the element type
     * @param device the device
     */
    public static Tensor linspace(double start, double end, int steps, DType dtype, Device device) {
        return Dispatch.apply1(new CreationOp.Linspace(start, end, steps, dtype, device));
    }

    /**
     * {@return the (n, m) matrix with ones on the main diagonal, zeros elsewhere}
     *
     * @param m number of columns
     * @param n number of rows
     * @param dtype the element type
     * @param device the device
     */
    public static Tensor eye(int n, int m, DType dtype, Device device) {
        return Dispatch.apply1(new CreationOp.Eye(n, m, dtype, device));
    }

    /**
     * {@return a random tensor: reserves dist.blocks(numel) Philox blocks from g and records (seed, counter)}
     *
     * @param g the generator that supplies the random bits
     * @param dist the distribution (p0, p1 are its parameters)
     * @param p0 the function's first scalar parameter (unused by most functions)
     * @param p1 the function's second scalar parameter (unused by most functions)
     * @param shape the shape (sizes of each dim)
     * @param dtype the element type
     * @param device the device
     */
    public static Tensor random(Generator g, Distribution dist, double p0, double p1, int[] shape, DType dtype, Device device) {
        int n = Shape.numel(shape);
        long counter = g.reserve(dist.blocks(n, dtype));
        return Dispatch.apply1(new CreationOp.Random(dist, p0, p1, g.seed(), counter, shape, dtype, device));
    }

    /**
     * {@return a new tensor of values uniform on [low, high)}
     *
     * @param g the generator that supplies the random bits
     * @param low lower end of the range (inclusive)
     * @param high upper end of the range (exclusive)
     * @param shape the shape (sizes of each dim)
     * @param dtype the element type
     * @param device the device
     */
    public static Tensor uniform(Generator g, double low, double high, int[] shape, DType dtype, Device device) {
        return random(g, Distribution.UNIFORM, low, high, shape, dtype, device);
    }

    /**
     * {@return a new tensor of Normal(mean, std) values}
     *
     * @param g the generator that supplies the random bits
     * @param mean the mean
     * @param std the standard deviation
     * @param shape the shape (sizes of each dim)
     * @param dtype the element type
     * @param device the device
     */
    public static Tensor normal(Generator g, double mean, double std, int[] shape, DType dtype, Device device) {
        return random(g, Distribution.NORMAL, mean, std, shape, dtype, device);
    }

    /**
     * {@return a new tensor of integers uniform on [low, high)}
     *
     * @param g the generator that supplies the random bits
     * @param low lower end of the range (inclusive)
     * @param high upper end of the range (exclusive)
     * @param shape the shape (sizes of each dim)
     * @param dtype the element type
     * @param device the device
     */
    public static Tensor randint(Generator g, long low, long high, int[] shape, DType dtype, Device device) {
        return random(g, Distribution.RANDINT, low, high, shape, dtype, device);
    }

    /**
     * {@return a new tensor of zeros and ones, 1 with probability p}
     *
     * @param g the generator that supplies the random bits
     * @param p the probability of a 1
     * @param shape the shape (sizes of each dim)
     * @param dtype the element type
     * @param device the device
     */
    public static Tensor bernoulli(Generator g, double p, int[] shape, DType dtype, Device device) {
        return random(g, Distribution.BERNOULLI, p, 0, shape, dtype, device);
    }

    /**
     * {@return a random permutation of 0 .. n-1, 1-d}
     *
     * @param g the generator that supplies the random bits
     * @param n number of elements
     * @param dtype the element type
     * @param device the device
     */
    public static Tensor randperm(Generator g, int n, DType dtype, Device device) {
        return random(g, Distribution.PERMUTATION, 0, 0, new int[] {n}, dtype, device);
    }

    /**
     * 1 where {@code u < p} (u uniform on [0, 1) per element, F64 for F64 p, else F32), else 0; p's shape and dtype.
     *
     * @param g the generator that supplies the random bits
     * @param p the probability of a 1
     * @return the 0/1 samples
     */
    public static Tensor bernoulli(Generator g, Tensor p) {
        DType ut = p.dtype() == DType.F64 ? DType.F64 : DType.F32;
        Tensor u = uniform(g, 0, 1, p.shape(), ut, p.device());
        return u.lt(p).to(p.dtype());
    }

    /**
     * {@return a tensor over a copy of a flat host array (see Backend.fromHost), viewed as shape}
     *
     * @param array the Java array
     * @param shape the shape (sizes of each dim)
     * @param device the device
     */
    public static Tensor fromHost(Object array, int[] shape, Device device) {
        int n = Shape.numel(shape);
        int len = Array.getLength(array);
        if (n != len) {
            throw new IllegalArgumentException("Tensor.of: shape " + Shape.format(shape) + " needs " + n
                    + " elements, the array has " + len);
        }
        Storage s = Backends.forDevice(device).fromHost(array);
        return Tensor.owning(Strided.contiguous(s, shape));
    }

    /**
     * {@return a tensor from a nested primitive array of any depth; ragged rows are an error naming the path}
     *
     * @param nested a nested primitive array (float[][], long[][][], ...)
     * @param device the device
     */
    public static Tensor fromNested(Object nested, Device device) {
        List<Integer> dims = new ArrayList<>();
        Object cur = nested;
        Class<?> c = nested.getClass();
        while (c.isArray() && c.getComponentType().isArray()) {
            int len = Array.getLength(cur);
            dims.add(len);
            if (len == 0) break;
            cur = Array.get(cur, 0);
            c = c.getComponentType();
        }
        Class<?> leafArray = c;
        while (leafArray.getComponentType().isArray()) leafArray = leafArray.getComponentType();
        Class<?> leaf = leafArray.getComponentType();
        if (!leaf.isPrimitive() || leaf == char.class || leaf == byte.class || leaf == short.class) {
            throw new IllegalArgumentException("Tensor.of: unsupported element type " + leaf.getName()
                    + " (expected float, double, int, long or boolean)");
        }
        if (cur.getClass().isArray() && !cur.getClass().getComponentType().isArray()) dims.add(Array.getLength(cur));
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        int n = Shape.numel(shape);
        Object flat = Array.newInstance(leaf, n);
        int[] pos = {0};
        if (n > 0) flatten(nested, shape, 0, flat, pos, "");
        return fromHost(flat, shape, device);
    }

    private static void flatten(Object a, int[] shape, int depth, Object flat, int[] pos, String path) {
        int len = Array.getLength(a);
        if (len != shape[depth]) {
            throw new IllegalArgumentException("Tensor.of: ragged nested array: row " + (path.isEmpty() ? "[]" : path)
                    + " has length " + len + ", expected " + shape[depth]);
        }
        if (depth == shape.length - 1) {
            System.arraycopy(a, 0, flat, pos[0], len);
            pos[0] += len;
            return;
        }
        for (int i = 0; i < len; i++) flatten(Array.get(a, i), shape, depth + 1, flat, pos, path + "[" + i + "]");
    }
}
