package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Storage;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.BinaryFn;
import dev.weft.tensor.op.CompareFn;
import dev.weft.tensor.op.UnaryFn;
import java.util.Arrays;

/**
 * A dense tensor: an immutable strided view (shape, strides, offset) over a {@link Storage}, plus
 * mutable autograd slots (requiresGrad, grad, and an opaque node owned by autograd). Methods carry
 * PyTorch's names and semantics and delegate in one line to the op layer (dev.weft.tensor.op), where
 * every op goes through {@link Dispatch}. In-place methods end in '_' and bump the storage version.
 *
 * <p>{@link #close()} releases the storage now (device memory back to its allocator) when this tensor owns
 * it; a {@link TensorScope} does the same for every storage allocated while it is open. Without either, the
 * garbage collector (and on CUDA the allocator's Cleaner) frees it.
 *
 * <pre>{@code
 * Generator g = new Generator(42);
 * Tensor x = Tensor.randn(g, 4, 3);                          // (4, 3) F32, same seed, same bits
 * Tensor w = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
 * Tensor y = x.matmul(w).add(1.0).relu();                    // (4, 2)
 * Tensor m = y.mean(0);                                      // (2,), the column means
 * Tensor i = y.argmax(1);                                    // (4,) I64
 * float[] host = m.toFloatArray();
 * }</pre>
 */
public final class Tensor implements AutoCloseable {
    private final Strided view;
    private final boolean ownsStorage;

    private boolean requiresGrad;
    private boolean viewOfGradTensor;
    private Tensor grad;
    private Object gradNode;

    private Tensor(Strided view) { this(view, false); }

    private Tensor(Strided view, boolean ownsStorage) {
        this.view = view;
        this.ownsStorage = ownsStorage;
    }

    /**
     * {@return a view over a storage (backends, op layer); checks every element lies inside it; the arrays are copied}
     *
     * @param storage the storage
     * @param shape the shape (sizes of each dim)
     * @param strides the strides, in elements
     * @param offset index of element (0, ..., 0) in the storage
     */
    public static Tensor fromStorage(Storage storage, int[] shape, int[] strides, int offset) {
        return new Tensor(Strided.of(storage, shape, strides, offset));
    }

    /** The tensor over an already validated view (the dispatcher's views). */
    static Tensor of(Strided view) { return new Tensor(view); }

    /**
     * The tensor that owns a storage just allocated for it (an op's output, a host or device copy): close()
     * releases that storage, and the open {@link TensorScope} of this thread, if any, tracks it.
     */
    static Tensor owning(Strided view) {
        TensorScope.track(view.storage());
        return new Tensor(view, true);
    }

    // ---------------------------------------------------------------- lifetime

    /**
     * Releases this tensor's storage now, when this tensor owns it: it is the tensor an op, a factory or
     * {@code to(device)} returned with fresh storage, not a view (view, reshape of a view, slice, transpose,
     * expand, detach) of another tensor's. Closing a view does nothing; closing twice does nothing. Every
     * tensor over the released storage — this one and all views of it — is unusable afterwards: an op,
     * {@code toHost}, {@code item} or {@code get} on it throws an IllegalStateException naming the operation
     * and saying the storage was released. On the CPU the array is left to the garbage collector; on CUDA the
     * block goes back to the caching allocator at once. Like torch, there is no reference count: close only
     * what no live view or autograd graph still needs.
     */
    @Override
    public void close() {
        if (ownsStorage) view.storage().release();
    }

    /** {@return true if this tensor owns its storage (close() would release it); false for views of another tensor's} */
    public boolean ownsStorage() { return ownsStorage; }

    /** {@return true once the storage under this tensor was released (by close() of its owner or a TensorScope)} */
    public boolean isReleased() { return view.storage().released(); }

    // ---------------------------------------------------------------- metadata

    /** {@return the strided view this tensor is: what the op rules and the backends see of it} */
    public Strided strided() { return view; }
    /** {@return the shape (a copy)} */
    public int[] shape() { return view.shape(); }
    /**
     * {@return size of one dim (negative dims count from the end)}
     *
     * @param dim the dim (negative counts from the end)
     */
    public int size(int dim) { return view.size(dim); }
    /** {@return number of dims} */
    public int dim() { return view.dim(); }
    /** {@return number of elements} */
    public int numel() { return view.numel(); }
    /** {@return strides in elements (a copy)} */
    public int[] stride() { return view.stride(); }
    /**
     * {@return stride of one dim in elements}
     *
     * @param dim the dim (negative counts from the end)
     */
    public int stride(int dim) { return view.stride(dim); }
    /**
     * Offset of element (0, ..., 0) in the storage.
     *
     * @return the storage offset, in elements
     */
    public int storageOffset() { return view.storageOffset(); }
    /** {@return the element type} */
    public DType dtype() { return view.dtype(); }
    /** {@return the device holding the elements} */
    public Device device() { return view.device(); }
    /** {@return the storage under this view (shared with every view of it)} */
    public Storage storage() { return view.storage(); }
    /** {@return the storage's in-place write count (see {@link Storage#version()})} */
    public int version() { return view.storage().version(); }
    /** {@return true if elements are laid out row-major without gaps} */
    public boolean isContiguous() { return view.isContiguous(); }

    // ---------------------------------------------------------------- autograd slots

    /** {@return true if autograd records ops on this tensor (a leaf that needs a gradient, or computed from one)} */
    public boolean requiresGrad() { return requiresGrad; }
    /** {@return true for a view taken (under no-grad) of a tensor that requires grad: autograd refuses in-place writes into it in grad mode} */
    public boolean isViewOfGradTensor() { return viewOfGradTensor; }
    void markViewOfGradTensor() { this.viewOfGradTensor = true; }
    /**
     * Marks this tensor as a leaf that needs a gradient (floating dtypes only); returns this.
     *
     * @param on the new flag
     * @return this
     */
    public Tensor requiresGrad(boolean on) {
        if (on && !dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("requiresGrad: only floating tensors can require grad, got "
                    + dtype() + " " + Shape.format(view.shape()));
        }
        this.requiresGrad = on;
        return this;
    }

    /** {@return the accumulated gradient, or null} */
    public Tensor grad() { return grad; }
    /**
     * Sets the accumulated gradient (autograd and optimizers; null clears it).
     *
     * @param g the generator that supplies the random bits
     */
    public void setGrad(Tensor g) { this.grad = g; }
    /** {@return the autograd node that produced this tensor (opaque here; owned by autograd), or null} */
    public Object gradNode() { return gradNode; }
    /**
     * Attaches the autograd node that produced this tensor (called by autograd only).
     *
     * @param node the node (opaque here)
     */
    public void setGradNode(Object node) { this.gradNode = node; }
    /** {@return a view of the same data that does not require grad and has no node} */
    public Tensor detach() { return new Tensor(view); }

    // ---------------------------------------------------------------- creation (CPU)

    /**
     * {@return a new F32 CPU tensor of zeros}
     *
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor zeros(int... shape) { return Create.full(shape, 0, DType.F32, Device.CPU); }
    /**
     * {@return a new CPU tensor of zeros}
     *
     * @param dtype the element type
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor zeros(DType dtype, int... shape) { return Create.full(shape, 0, dtype, Device.CPU); }
    /**
     * {@return a new F32 CPU tensor of ones}
     *
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor ones(int... shape) { return Create.full(shape, 1, DType.F32, Device.CPU); }
    /**
     * {@return a new CPU tensor of ones}
     *
     * @param dtype the element type
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor ones(DType dtype, int... shape) { return Create.full(shape, 1, dtype, Device.CPU); }
    /**
     * {@return a new tensor of the shape; zero-filled (Weft never hands out uninitialized memory)}
     *
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor empty(int... shape) { return Create.full(shape, 0, DType.F32, Device.CPU); }
    /**
     * {@return a new CPU tensor of the shape; zero-filled (Weft never hands out uninitialized memory)}
     *
     * @param dtype the element type
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor empty(DType dtype, int... shape) { return Create.full(shape, 0, dtype, Device.CPU); }
    /**
     * {@return a new F32 CPU tensor with value everywhere}
     *
     * @param value the scalar value
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor full(double value, int... shape) { return Create.full(shape, value, DType.F32, Device.CPU); }
    /**
     * {@return a new CPU tensor with value (converted to dtype) everywhere}
     *
     * @param value the scalar value
     * @param dtype the element type
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor full(double value, DType dtype, int... shape) { return Create.full(shape, value, dtype, Device.CPU); }
    /**
     * Zeros of x's shape, dtype and device.
     *
     * @param x the input tensor
     * @return a new tensor of zeros
     */
    public static Tensor zerosLike(Tensor x) { return Create.full(x.shape(), 0, x.dtype(), x.device()); }
    /**
     * Ones of x's shape, dtype and device.
     *
     * @param x the input tensor
     * @return a new tensor of ones
     */
    public static Tensor onesLike(Tensor x) { return Create.full(x.shape(), 1, x.dtype(), x.device()); }
    /**
     * value everywhere, with x's shape, dtype and device.
     *
     * @param x the input tensor
     * @param value the scalar value
     * @return a new tensor filled with value
     */
    public static Tensor fullLike(Tensor x, double value) { return Create.full(x.shape(), value, x.dtype(), x.device()); }
    /**
     * 0, 1, ..., end-1 as I64.
     *
     * @param end the end (exclusive)
     * @return the 1-d tensor of values
     */
    public static Tensor arange(long end) { return Create.arange(0, end, 1, DType.I64, Device.CPU); }
    /**
     * start, start+step, ... before end as I64.
     *
     * @param start the first value or index
     * @param end the end (exclusive)
     * @param step the step between consecutive values or indices
     * @return the 1-d tensor of values
     */
    public static Tensor arange(long start, long end, long step) { return Create.arange(start, end, step, DType.I64, Device.CPU); }
    /**
     * start, start+step, ... before end as F32.
     *
     * @param start the first value or index
     * @param end the end (exclusive)
     * @param step the step between consecutive values or indices
     * @return the 1-d tensor of values
     */
    public static Tensor arange(double start, double end, double step) { return Create.arange(start, end, step, DType.F32, Device.CPU); }

    /**
     * {@return start, start+step, ... before end as a 1-d CPU tensor of dtype (torch.arange)}
     *
     * @param start the first value or index
     * @param end the end (exclusive)
     * @param step the step between consecutive values or indices
     * @param dtype the element type
     */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        return Create.arange(start, end, step, dtype, Device.CPU);
    }

    /**
     * steps evenly spaced F32 points from start to end inclusive.
     *
     * @param start the first value or index
     * @param end the last point (inclusive)
     * @param steps number of points
     * @return the 1-d tensor of steps points
     */
    public static Tensor linspace(double start, double end, int steps) { return Create.linspace(start, end, steps, DType.F32, Device.CPU); }

    /**
     * {@return steps evenly spaced points from start to end inclusive, as a 1-d CPU tensor of dtype (torch.linspace)}
     *
     * @param start the first value or index
     * @param end the last point (inclusive)
     * @param steps number of points
     * @param dtype the element type
     */
    public static Tensor linspace(double start, double end, int steps, DType dtype) {
        return Create.linspace(start, end, steps, dtype, Device.CPU);
    }

    /**
     * {@return the (n, n) F32 identity}
     *
     * @param n number of rows
     */
    public static Tensor eye(int n) { return Create.eye(n, n, DType.F32, Device.CPU); }
    /**
     * {@return the (n, m) matrix of dtype with ones on the main diagonal, zeros elsewhere}
     *
     * @param n number of rows
     * @param m number of columns
     * @param dtype the element type
     */
    public static Tensor eye(int n, int m, DType dtype) { return Create.eye(n, m, dtype, Device.CPU); }
    /**
     * {@return the (n, n) identity matrix of dtype}
     *
     * @param n number of rows
     * @param dtype the element type
     */
    public static Tensor eye(int n, DType dtype) { return Create.eye(n, n, dtype, Device.CPU); }
    /**
     * {@return a 0-d F32 tensor}
     *
     * @param value the scalar value
     */
    public static Tensor scalar(double value) { return Create.full(Shape.SCALAR, value, DType.F32, Device.CPU); }
    /**
     * {@return a 0-d tensor of the given dtype}
     *
     * @param value the scalar value
     * @param dtype the element type
     */
    public static Tensor scalar(double value, DType dtype) { return Create.full(Shape.SCALAR, value, dtype, Device.CPU); }
    /**
     * {@return a 1-d F32 tensor holding a copy of data}
     *
     * @param data the values
     */
    public static Tensor of(float... data) { return Create.fromHost(data, new int[] {data.length}, Device.CPU); }
    /**
     * {@return a 1-d F64 tensor holding a copy of data}
     *
     * @param data the values
     */
    public static Tensor of(double... data) { return Create.fromHost(data, new int[] {data.length}, Device.CPU); }
    /**
     * {@return a 1-d I32 tensor holding a copy of data}
     *
     * @param data the values
     */
    public static Tensor of(int... data) { return Create.fromHost(data, new int[] {data.length}, Device.CPU); }
    /**
     * {@return a 1-d I64 tensor holding a copy of data}
     *
     * @param data the values
     */
    public static Tensor of(long... data) { return Create.fromHost(data, new int[] {data.length}, Device.CPU); }
    /**
     * {@return a 1-d BOOL tensor holding a copy of data}
     *
     * @param data the values
     */
    public static Tensor of(boolean... data) { return Create.fromHost(data, new int[] {data.length}, Device.CPU); }
    /**
     * {@return a tensor of the given shape over a copy of flat row-major data (F32)}
     *
     * @param data the values
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor of(float[] data, int... shape) { return Create.fromHost(data, shape, Device.CPU); }
    /**
     * {@return a tensor of the given shape over a copy of flat row-major data (F64)}
     *
     * @param data the values
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor of(double[] data, int... shape) { return Create.fromHost(data, shape, Device.CPU); }
    /**
     * {@return a 2-d F32 tensor holding a copy of data (rows must have one length)}
     *
     * @param data the values
     */
    public static Tensor of(float[][] data) { return Create.fromNested(data, Device.CPU); }
    /**
     * {@return a 2-d F64 tensor holding a copy of data (rows must have one length)}
     *
     * @param data the values
     */
    public static Tensor of(double[][] data) { return Create.fromNested(data, Device.CPU); }
    /**
     * {@return a 2-d I32 tensor holding a copy of data (rows must have one length)}
     *
     * @param data the values
     */
    public static Tensor of(int[][] data) { return Create.fromNested(data, Device.CPU); }
    /**
     * {@return a 2-d I64 tensor holding a copy of data (rows must have one length)}
     *
     * @param data the values
     */
    public static Tensor of(long[][] data) { return Create.fromNested(data, Device.CPU); }
    /**
     * {@return a 2-d BOOL tensor holding a copy of data (rows must have one length)}
     *
     * @param data the values
     */
    public static Tensor of(boolean[][] data) { return Create.fromNested(data, Device.CPU); }
    /**
     * {@return a 3-d F32 tensor holding a copy of data (no ragged rows)}
     *
     * @param data the values
     */
    public static Tensor of(float[][][] data) { return Create.fromNested(data, Device.CPU); }
    /**
     * {@return a 3-d F64 tensor holding a copy of data (no ragged rows)}
     *
     * @param data the values
     */
    public static Tensor of(double[][][] data) { return Create.fromNested(data, Device.CPU); }

    /**
     * {@return a tensor from a (possibly nested) primitive array of any depth: float/double/int/long/boolean
     * leaves give F32/F64/I32/I64/BOOL} Ragged rows are an error naming the row.
     *
     * @param nested a nested primitive array (float[][], long[][][], ...)
     */
    public static Tensor fromArray(Object nested) { return Create.fromNested(nested, Device.CPU); }
    /**
     * Uniform [0, 1) F32 values.
     *
     * @param g the generator that supplies the random bits
     * @param shape the shape (sizes of each dim)
     * @return a new tensor of the given shape
     */
    public static Tensor rand(Generator g, int... shape) { return Create.uniform(g, 0, 1, shape, DType.F32, Device.CPU); }
    /**
     * {@return a new tensor of values uniform on [0, 1), of a floating dtype}
     *
     * @param g the generator that supplies the random bits
     * @param dtype the element type
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor rand(Generator g, DType dtype, int... shape) { return Create.uniform(g, 0, 1, shape, dtype, Device.CPU); }
    /**
     * Uniform [low, high) F32 values.
     *
     * @param g the generator that supplies the random bits
     * @param low lower end of the range (inclusive)
     * @param high upper end of the range (exclusive)
     * @param shape the shape (sizes of each dim)
     * @return a new tensor of the given shape
     */
    public static Tensor uniform(Generator g, double low, double high, int... shape) {
        return Create.uniform(g, low, high, shape, DType.F32, Device.CPU);
    }

    /**
     * Standard normal F32 values.
     *
     * @param g the generator that supplies the random bits
     * @param shape the shape (sizes of each dim)
     * @return a new tensor of the given shape
     */
    public static Tensor randn(Generator g, int... shape) { return Create.normal(g, 0, 1, shape, DType.F32, Device.CPU); }
    /**
     * {@return a new tensor of standard normal values, of a floating dtype}
     *
     * @param g the generator that supplies the random bits
     * @param dtype the element type
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor randn(Generator g, DType dtype, int... shape) { return Create.normal(g, 0, 1, shape, dtype, Device.CPU); }
    /**
     * Normal(mean, std) F32 values.
     *
     * @param g the generator that supplies the random bits
     * @param mean the mean
     * @param std the standard deviation
     * @param shape the shape (sizes of each dim)
     * @return a new tensor of the given shape
     */
    public static Tensor normal(Generator g, double mean, double std, int... shape) {
        return Create.normal(g, mean, std, shape, DType.F32, Device.CPU);
    }

    /**
     * I64 integers uniform on [low, high).
     *
     * @param g the generator that supplies the random bits
     * @param low lower end of the range (inclusive)
     * @param high upper end of the range (exclusive)
     * @param shape the shape (sizes of each dim)
     * @return a new tensor of the given shape
     */
    public static Tensor randint(Generator g, long low, long high, int... shape) {
        return Create.randint(g, low, high, shape, DType.I64, Device.CPU);
    }

    /**
     * {@return a new tensor of integers uniform on [low, high), of dtype}
     *
     * @param g the generator that supplies the random bits
     * @param low lower end of the range (inclusive)
     * @param high upper end of the range (exclusive)
     * @param dtype the element type
     * @param shape the shape (sizes of each dim)
     */
    public static Tensor randint(Generator g, long low, long high, DType dtype, int... shape) {
        return Create.randint(g, low, high, shape, dtype, Device.CPU);
    }

    /**
     * F32 zeros and ones, 1 with probability p.
     *
     * @param g the generator that supplies the random bits
     * @param p the probability of a 1
     * @param shape the shape (sizes of each dim)
     * @return the 0/1 samples
     */
    public static Tensor bernoulli(Generator g, double p, int... shape) { return Create.bernoulli(g, p, shape, DType.F32, Device.CPU); }
    /**
     * {@return a random permutation of 0..n-1 (I64)}
     *
     * @param g the generator that supplies the random bits
     * @param n number of elements
     */
    public static Tensor randperm(Generator g, int n) { return Create.randperm(g, n, DType.I64, Device.CPU); }
    /**
     * 1 where {@code u < this} (u uniform per element), else 0; this holds probabilities. Same shape and dtype.
     *
     * @param g the generator that supplies the random bits
     * @return the 0/1 samples
     */
    public Tensor bernoulli(Generator g) { return Create.bernoulli(g, this); }

    // ---------------------------------------------------------------- views

    /**
     * Same data under a new shape (one -1 inferred); an error if strides do not allow it.
     *
     * @param shape the shape (sizes of each dim)
     * @return the view (shares this storage)
     */
    public Tensor view(int... shape) { return Views.view(this, shape); }
    /**
     * Like view, but copies when the strides do not allow a view.
     *
     * @param shape the shape (sizes of each dim)
     * @return a view when possible, else a copy
     */
    public Tensor reshape(int... shape) { return Views.reshape(this, shape); }
    /**
     * {@return the view with dims dim0 and dim1 swapped}
     *
     * @param dim0 the first dim to swap
     * @param dim1 the second dim to swap
     */
    public Tensor transpose(int dim0, int dim1) { return Views.transpose(this, dim0, dim1); }
    /**
     * Transpose of a tensor with at most 2 dims.
     *
     * @return the transposed view
     */
    public Tensor t() { return Views.t(this); }
    /**
     * Transpose of the last two dims (mT).
     *
     * @return the view with the last two dims swapped
     */
    public Tensor mT() { return Views.transpose(this, -2, -1); }
    /**
     * {@return the view with the dims reordered: dim i of the result is dim dims[i] of this}
     *
     * @param dims the dims (negatives count from the end)
     */
    public Tensor permute(int... dims) { return Views.permute(this, dims); }
    /**
     * length elements from start along dim.
     *
     * @param dim the dim (negative counts from the end)
     * @param start the first value or index
     * @param length number of entries to keep
     * @return the view
     */
    public Tensor narrow(int dim, int start, int length) { return Views.narrow(this, dim, start, length); }
    /**
     * Python-style slice [start:end] along dim (negative and out-of-range bounds clamp).
     *
     * @param dim the dim (negative counts from the end)
     * @param start the first value or index
     * @param end the end (exclusive)
     * @return the view
     */
    public Tensor slice(int dim, int start, int end) { return Views.slice(this, dim, start, end, 1); }
    /**
     * Python-style slice [start:end:step] along dim (step >= 1).
     *
     * @param dim the dim (negative counts from the end)
     * @param start the first value or index
     * @param end the end (exclusive)
     * @param step the step between consecutive values or indices
     * @return the view
     */
    public Tensor slice(int dim, int start, int end, int step) { return Views.slice(this, dim, start, end, step); }
    /**
     * {@return the index-th entry along dim; the dim disappears}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     */
    public Tensor select(int dim, int index) { return Views.select(this, dim, index); }
    /**
     * Broadcast view to sizes (-1 keeps a dim's size).
     *
     * @param sizes the sizes
     * @return the broadcast view
     */
    public Tensor expand(int... sizes) { return Views.expand(this, sizes); }
    /**
     * {@return the broadcast view of this to other's shape}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor expandAs(Tensor other) { return Views.expand(this, other.shape()); }
    /**
     * Removes every size-1 dim.
     *
     * @return the view without the size-1 dims
     */
    public Tensor squeeze() { return Views.squeeze(this); }
    /**
     * Removes dim if its size is 1 (else returns this).
     *
     * @param dim the dim (negative counts from the end)
     * @return the view without the size-1 dims
     */
    public Tensor squeeze(int dim) { return Views.squeeze(this, dim); }
    /**
     * {@return the view with a size-1 dim inserted at dim}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor unsqueeze(int dim) { return Views.unsqueeze(this, dim); }
    /**
     * Flattens to 1-d.
     *
     * @return the flattened tensor
     */
    public Tensor flatten() { return Views.flatten(this, 0, -1); }
    /**
     * {@return dims startDim..endDim merged into one (a view when possible)}
     *
     * @param startDim the first dim to flatten
     * @param endDim the last dim to flatten (inclusive)
     */
    public Tensor flatten(int startDim, int endDim) { return Views.flatten(this, startDim, endDim); }
    /**
     * Dims startDim..last merged into one (a view when possible).
     *
     * @param startDim the first dim to flatten
     * @return the flattened tensor
     */
    public Tensor flatten(int startDim) { return Views.flatten(this, startDim, -1); }
    /**
     * Moves dim {@code source} to position {@code destination}, the others keeping their order (a view).
     *
     * @param source the dim to move
     * @param destination where the dim goes
     * @return the view
     */
    public Tensor movedim(int source, int destination) {
        int r = dim();
        int s = Shape.dim("movedim", source, r), d = Shape.dim("movedim", destination, r);
        int[] perm = new int[r];
        for (int i = 0, k = 0; i < r; i++) {
            if (i == d) perm[i] = s;
            else {
                if (k == s) k++;
                perm[i] = k++;
            }
        }
        return permute(perm);
    }

    /**
     * Splits dim into sizes (one -1 inferred).
     *
     * @param dim the dim (negative counts from the end)
     * @param sizes the sizes
     * @return the view
     */
    public Tensor unflatten(int dim, int... sizes) { return Views.unflatten(this, dim, sizes); }
    /**
     * {@return a strided window of this tensor's storage}
     *
     * @param shape the shape (sizes of each dim)
     * @param strides the strides, in elements
     * @param storageOffset index of the first element in the storage
     */
    public Tensor asStrided(int[] shape, int[] strides, int storageOffset) { return Views.asStrided(this, shape, strides, storageOffset); }
    /** {@return this tensor if contiguous, else a contiguous copy} */
    public Tensor contiguous() { return Views.contiguous(this); }
    /** A contiguous copy (new storage). */
    public Tensor clone() { return Copies.clone(this); }

    // ---------------------------------------------------------------- unary

    /** {@return -x elementwise} */
    public Tensor neg() { return Pointwise.unary(UnaryFn.NEG, this); }
    /** {@return |x| elementwise} */
    public Tensor abs() { return Pointwise.unary(UnaryFn.ABS, this); }
    /** {@return e^x elementwise} */
    public Tensor exp() { return Pointwise.unary(UnaryFn.EXP, this); }
    /** {@return ln x elementwise (NaN below 0, -inf at 0)} */
    public Tensor log() { return Pointwise.unary(UnaryFn.LOG, this); }
    /** {@return ln(1 + x) elementwise, accurate near 0} */
    public Tensor log1p() { return Pointwise.unary(UnaryFn.LOG1P, this); }
    /** {@return e^x - 1 elementwise, accurate near 0} */
    public Tensor expm1() { return Pointwise.unary(UnaryFn.EXPM1, this); }
    /** {@return sqrt(x) elementwise} */
    public Tensor sqrt() { return Pointwise.unary(UnaryFn.SQRT, this); }
    /** {@return 1 / sqrt(x) elementwise} */
    public Tensor rsqrt() { return Pointwise.unary(UnaryFn.RSQRT, this); }
    /** {@return x^2 elementwise} */
    public Tensor square() { return Pointwise.unary(UnaryFn.SQUARE, this); }
    /** {@return sin x elementwise (radians)} */
    public Tensor sin() { return Pointwise.unary(UnaryFn.SIN, this); }
    /** {@return cos x elementwise (radians)} */
    public Tensor cos() { return Pointwise.unary(UnaryFn.COS, this); }
    /** {@return tanh x elementwise} */
    public Tensor tanh() { return Pointwise.unary(UnaryFn.TANH, this); }
    /** {@return 1 / (1 + e^-x) elementwise} */
    public Tensor sigmoid() { return Pointwise.unary(UnaryFn.SIGMOID, this); }
    /** {@return max(x, 0) elementwise} */
    public Tensor relu() { return Pointwise.unary(UnaryFn.RELU, this); }
    /** {@return x * sigmoid(x) elementwise (SiLU, swish)} */
    public Tensor silu() { return Pointwise.unary(UnaryFn.SILU, this); }
    /** {@return -1, 0 or 1 by the sign of x, elementwise} */
    public Tensor sign() { return Pointwise.unary(UnaryFn.SIGN, this); }
    /** {@return the largest integer value not above x, elementwise} */
    public Tensor floor() { return Pointwise.unary(UnaryFn.FLOOR, this); }
    /** {@return the smallest integer value not below x, elementwise} */
    public Tensor ceil() { return Pointwise.unary(UnaryFn.CEIL, this); }
    /**
     * Round half to even.
     *
     * @return the rounded tensor
     */
    public Tensor round() { return Pointwise.unary(UnaryFn.ROUND, this); }
    /** {@return 1 / x elementwise} */
    public Tensor reciprocal() { return Pointwise.unary(UnaryFn.RECIPROCAL, this); }
    /** {@return the error function erf x elementwise} */
    public Tensor erf() { return Pointwise.unary(UnaryFn.ERF, this); }
    /** {@return BOOL: true where x is zero (false)} */
    public Tensor logicalNot() { return Pointwise.unary(UnaryFn.LOGICAL_NOT, this); }
    /**
     * x if x > 0 else slope * x.
     *
     * @param slope the slope for negative inputs
     * @return the result, same shape
     */
    public Tensor leakyRelu(double slope) { return Pointwise.unary(UnaryFn.LEAKY_RELU, this, slope, 0); }
    /**
     * x if x > 0 else alpha * (exp(x) - 1).
     *
     * @param alpha the multiplier of other
     * @return the result, same shape
     */
    public Tensor elu(double alpha) { return Pointwise.unary(UnaryFn.ELU, this, alpha, 0); }
    /**
     * Exact GELU: x * Phi(x).
     *
     * @return the result, same shape
     */
    public Tensor gelu() { return Pointwise.unary(UnaryFn.GELU, this); }
    /**
     * GELU with approximate = "none" (exact) or "tanh".
     *
     * @param approximate "none" (exact erf form) or "tanh" (the tanh approximation)
     * @return the result, same shape
     */
    public Tensor gelu(String approximate) { return Pointwise.gelu(this, approximate); }
    /**
     * log(1 + exp(beta x)) / beta, linear where beta x > threshold.
     *
     * @param beta the sharpness beta
     * @param threshold above beta * x the result is x (linear, for stability)
     * @return the result, same shape
     */
    public Tensor softplus(double beta, double threshold) { return Pointwise.unary(UnaryFn.SOFTPLUS, this, beta, threshold); }
    /**
     * softplus(1, 20).
     *
     * @return the result, same shape
     */
    public Tensor softplus() { return softplus(1, 20); }
    /**
     * {@return min(max(x, min), max) elementwise}
     *
     * @param min the lower bound (inclusive)
     * @param max the upper bound (inclusive)
     */
    public Tensor clamp(double min, double max) { return Pointwise.clamp(this, min, max); }
    /**
     * {@return max(x, min) elementwise}
     *
     * @param min the lower bound (inclusive)
     */
    public Tensor clampMin(double min) { return Pointwise.clamp(this, min, Double.POSITIVE_INFINITY); }
    /**
     * {@return min(x, max) elementwise}
     *
     * @param max the upper bound (inclusive)
     */
    public Tensor clampMax(double max) { return Pointwise.clamp(this, Double.NEGATIVE_INFINITY, max); }
    /**
     * Elementwise clamp by tensors (broadcasting); either bound may be null.
     *
     * @param min the lower bound (inclusive)
     * @param max the upper bound (inclusive)
     * @return the clamped tensor
     */
    public Tensor clamp(Tensor min, Tensor max) { return Pointwise.clamp(this, min, max); }
    /**
     * x ^ exponent.
     *
     * @param exponent the exponent
     * @return this ^ exponent elementwise
     */
    public Tensor pow(double exponent) { return Pointwise.unary(UnaryFn.POW, this, exponent, 0); }

    // ---------------------------------------------------------------- binary

    /**
     * {@return this + other, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor add(Tensor other) { return Pointwise.binary(BinaryFn.ADD, this, other); }
    /**
     * {@return this + other}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor add(double other) { return Pointwise.binary(BinaryFn.ADD, this, other); }
    /**
     * {@return this + other (an integer tensor keeps its dtype)}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor add(long other) { return Pointwise.binary(BinaryFn.ADD, this, other); }
    /**
     * this + alpha * other.
     *
     * @param other the other operand (broadcast against this)
     * @param alpha the multiplier of other
     * @return the sum, broadcast
     */
    public Tensor add(Tensor other, double alpha) { return Pointwise.binary(BinaryFn.ADD, this, other.mul(alpha)); }
    /**
     * {@return this - other, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor sub(Tensor other) { return Pointwise.binary(BinaryFn.SUB, this, other); }
    /**
     * {@return this - other}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor sub(double other) { return Pointwise.binary(BinaryFn.SUB, this, other); }
    /**
     * {@return this - other (an integer tensor keeps its dtype)}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor sub(long other) { return Pointwise.binary(BinaryFn.SUB, this, other); }
    /**
     * this - alpha * other.
     *
     * @param other the other operand (broadcast against this)
     * @param alpha the multiplier of other
     * @return the difference, broadcast
     */
    public Tensor sub(Tensor other, double alpha) { return Pointwise.binary(BinaryFn.SUB, this, other.mul(alpha)); }
    /**
     * {@return this * other elementwise, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor mul(Tensor other) { return Pointwise.binary(BinaryFn.MUL, this, other); }
    /**
     * {@return this * other}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor mul(double other) { return Pointwise.binary(BinaryFn.MUL, this, other); }
    /**
     * {@return this * other (an integer tensor keeps its dtype)}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor mul(long other) { return Pointwise.binary(BinaryFn.MUL, this, other); }
    /**
     * {@return this / other, broadcast: true division, integer inputs give F32}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor div(Tensor other) { return Pointwise.binary(BinaryFn.DIV, this, other); }
    /**
     * {@return this / other: true division, integer inputs give F32}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor div(double other) { return Pointwise.binary(BinaryFn.DIV, this, other); }
    /**
     * {@return this ^ exponent elementwise, broadcast}
     *
     * @param exponent the exponent
     */
    public Tensor pow(Tensor exponent) { return Pointwise.binary(BinaryFn.POW, this, exponent); }
    /**
     * {@return the elementwise maximum, broadcast (NaN propagates)}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor maximum(Tensor other) { return Pointwise.binary(BinaryFn.MAXIMUM, this, other); }
    /**
     * {@return the elementwise minimum, broadcast (NaN propagates)}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor minimum(Tensor other) { return Pointwise.binary(BinaryFn.MINIMUM, this, other); }
    /**
     * {@return atan2(this, other) elementwise, broadcast: the angle of (other, this) in (-pi, pi]}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor atan2(Tensor other) { return Pointwise.binary(BinaryFn.ATAN2, this, other); }
    /**
     * Python's %: the result has the sign of other.
     *
     * @param other the other operand (broadcast against this)
     * @return the remainder, broadcast
     */
    public Tensor remainder(Tensor other) { return Pointwise.binary(BinaryFn.REMAINDER, this, other); }
    /**
     * {@return Python's %: the remainder with the sign of other}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor remainder(double other) { return Pointwise.binary(BinaryFn.REMAINDER, this, other); }
    /**
     * C's fmod: the result has the sign of this.
     *
     * @param other the other operand (broadcast against this)
     * @return the remainder, broadcast
     */
    public Tensor fmod(Tensor other) { return Pointwise.binary(BinaryFn.FMOD, this, other); }
    /**
     * {@return C's fmod: the remainder with the sign of this}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor fmod(double other) { return Pointwise.binary(BinaryFn.FMOD, this, other); }
    /**
     * {@return BOOL: this and other both non-zero, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor logicalAnd(Tensor other) { return Pointwise.binary(BinaryFn.LOGICAL_AND, this, other); }
    /**
     * {@return BOOL: this or other non-zero, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor logicalOr(Tensor other) { return Pointwise.binary(BinaryFn.LOGICAL_OR, this, other); }
    /**
     * {@return BOOL: exactly one of this and other non-zero, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor logicalXor(Tensor other) { return Pointwise.binary(BinaryFn.LOGICAL_XOR, this, other); }
    /**
     * {@return BOOL: {@code this == other} elementwise, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor eq(Tensor other) { return Pointwise.compare(CompareFn.EQ, this, other); }
    /**
     * {@return BOOL: {@code this == other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor eq(double other) { return Pointwise.compare(CompareFn.EQ, this, other); }
    /**
     * {@return BOOL: {@code this == other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor eq(long other) { return Pointwise.compare(CompareFn.EQ, this, other); }
    /**
     * {@return BOOL: {@code this != other} elementwise, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor ne(Tensor other) { return Pointwise.compare(CompareFn.NE, this, other); }
    /**
     * {@return BOOL: {@code this != other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor ne(double other) { return Pointwise.compare(CompareFn.NE, this, other); }
    /**
     * {@return BOOL: {@code this != other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor ne(long other) { return Pointwise.compare(CompareFn.NE, this, other); }
    /**
     * {@return BOOL: {@code this < other} elementwise, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor lt(Tensor other) { return Pointwise.compare(CompareFn.LT, this, other); }
    /**
     * {@return BOOL: {@code this < other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor lt(double other) { return Pointwise.compare(CompareFn.LT, this, other); }
    /**
     * {@return BOOL: {@code this < other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor lt(long other) { return Pointwise.compare(CompareFn.LT, this, other); }
    /**
     * {@return BOOL: {@code this <= other} elementwise, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor le(Tensor other) { return Pointwise.compare(CompareFn.LE, this, other); }
    /**
     * {@return BOOL: {@code this <= other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor le(double other) { return Pointwise.compare(CompareFn.LE, this, other); }
    /**
     * {@return BOOL: {@code this <= other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor le(long other) { return Pointwise.compare(CompareFn.LE, this, other); }
    /**
     * {@return BOOL: {@code this > other} elementwise, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor gt(Tensor other) { return Pointwise.compare(CompareFn.GT, this, other); }
    /**
     * {@return BOOL: {@code this > other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor gt(double other) { return Pointwise.compare(CompareFn.GT, this, other); }
    /**
     * {@return BOOL: {@code this > other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor gt(long other) { return Pointwise.compare(CompareFn.GT, this, other); }
    /**
     * {@return BOOL: {@code this >= other} elementwise, broadcast}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor ge(Tensor other) { return Pointwise.compare(CompareFn.GE, this, other); }
    /**
     * {@return BOOL: {@code this >= other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor ge(double other) { return Pointwise.compare(CompareFn.GE, this, other); }
    /**
     * {@return BOOL: {@code this >= other} elementwise}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor ge(long other) { return Pointwise.compare(CompareFn.GE, this, other); }
    /**
     * cond ? a : b elementwise, broadcasting all three (a and b promote to a common dtype).
     *
     * @param cond the condition, BOOL (broadcast)
     * @param a the first operand
     * @param b the second operand
     * @return the selected values, broadcast
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) { return Pointwise.where(cond, a, b); }
    /**
     * {@return a where cond is true, else the scalar b, broadcast (torch.where)}
     *
     * @param cond the condition, BOOL (broadcast)
     * @param a the first operand
     * @param b the second operand
     */
    public static Tensor where(Tensor cond, Tensor a, double b) { return Pointwise.where(cond, a, b); }
    /**
     * where(cond, this, other), PyTorch's x.where(cond, y).
     *
     * @param cond the condition, BOOL (broadcast)
     * @param other the other operand (broadcast against this)
     * @return the selected values, broadcast
     */
    public Tensor where(Tensor cond, Tensor other) { return Pointwise.where(cond, this, other); }
    /**
     * this + value * t1 * t2 (torch.addcmul).
     *
     * @param t1 the first factor tensor
     * @param t2 the second factor tensor
     * @param value the scalar value
     * @return the result, broadcast
     */
    public Tensor addcmul(Tensor t1, Tensor t2, double value) { return Pointwise.addcmul(this, t1, t2, value); }
    /**
     * this + value * t1 / t2 (torch.addcdiv).
     *
     * @param t1 the first factor tensor
     * @param t2 the second factor tensor
     * @param value the scalar value
     * @return the result, broadcast
     */
    public Tensor addcdiv(Tensor t1, Tensor t2, double value) { return Pointwise.addcdiv(this, t1, t2, value); }
    /**
     * {@code |this - other| <= atol + rtol |other|} elementwise, BOOL (torch.isclose; see Pointwise.isclose).
     *
     * @param other the other operand (broadcast against this)
     * @param rtol relative tolerance
     * @param atol absolute tolerance
     * @param equalNan count NaN as equal to NaN
     * @return the BOOL tensor, broadcast
     */
    public Tensor isclose(Tensor other, double rtol, double atol, boolean equalNan) { return Pointwise.isclose(this, other, rtol, atol, equalNan); }
    /**
     * {@return isclose with rtol 1e-5, atol 1e-8, NaN never close}
     *
     * @param other the other operand (broadcast against this)
     */
    public Tensor isclose(Tensor other) { return Pointwise.isclose(this, other, 1e-5, 1e-8, false); }
    /**
     * NaN -> 0, +-inf -> the dtype's largest/lowest finite value (torch.nan_to_num); see Pointwise.nanToNum.
     *
     * @return the cleaned tensor
     */
    public Tensor nanToNum() { return Pointwise.nanToNum(this, 0, null, null); }
    /**
     * {@return x with NaN, +inf and -inf replaced by the given values (torch.nan_to_num)}
     *
     * @param nan the value replacing NaN
     * @param posinf the value replacing +inf
     * @param neginf the value replacing -inf
     */
    public Tensor nanToNum(double nan, double posinf, double neginf) { return Pointwise.nanToNum(this, nan, posinf, neginf); }

    // ---------------------------------------------------------------- in place

    /**
     * this += other (broadcast into this shape), written in place (see InPlace); returns this.
     *
     * @param other the other operand (broadcast against this)
     * @return this
     */
    public Tensor add_(Tensor other) { return InPlace.binary("add_", BinaryFn.ADD, this, other); }
    /**
     * this += other, in place.
     *
     * @param other the other operand (broadcast against this)
     * @return this
     */
    public Tensor add_(double other) { return InPlace.binary("add_", BinaryFn.ADD, this, other); }
    /**
     * this += alpha * other; returns this.
     *
     * @param other the other operand (broadcast against this)
     * @param alpha the multiplier of other
     * @return this
     */
    public Tensor add_(Tensor other, double alpha) { return InPlace.binary("add_", BinaryFn.ADD, this, other.mul(alpha)); }
    /**
     * this -= other (broadcast into this shape), in place.
     *
     * @param other the other operand (broadcast against this)
     * @return this
     */
    public Tensor sub_(Tensor other) { return InPlace.binary("sub_", BinaryFn.SUB, this, other); }
    /**
     * this -= other, in place.
     *
     * @param other the other operand (broadcast against this)
     * @return this
     */
    public Tensor sub_(double other) { return InPlace.binary("sub_", BinaryFn.SUB, this, other); }
    /**
     * this *= other (broadcast into this shape), in place.
     *
     * @param other the other operand (broadcast against this)
     * @return this
     */
    public Tensor mul_(Tensor other) { return InPlace.binary("mul_", BinaryFn.MUL, this, other); }
    /**
     * this *= other, in place.
     *
     * @param other the other operand (broadcast against this)
     * @return this
     */
    public Tensor mul_(double other) { return InPlace.binary("mul_", BinaryFn.MUL, this, other); }
    /**
     * this /= other (true division, broadcast into this shape), in place.
     *
     * @param other the other operand (broadcast against this)
     * @return this
     */
    public Tensor div_(Tensor other) { return InPlace.binary("div_", BinaryFn.DIV, this, other); }
    /**
     * this /= other (true division), in place.
     *
     * @param other the other operand (broadcast against this)
     * @return this
     */
    public Tensor div_(double other) { return InPlace.binary("div_", BinaryFn.DIV, this, other); }
    /**
     * this += value * t1 * t2, in place (torch.addcmul_).
     *
     * @param t1 the first factor tensor
     * @param t2 the second factor tensor
     * @param value the scalar value
     * @return this
     */
    public Tensor addcmul_(Tensor t1, Tensor t2, double value) { return InPlace.addcmul(this, t1, t2, value); }
    /**
     * this += value * t1 / t2, in place (torch.addcdiv_).
     *
     * @param t1 the first factor tensor
     * @param t2 the second factor tensor
     * @param value the scalar value
     * @return this
     */
    public Tensor addcdiv_(Tensor t1, Tensor t2, double value) { return InPlace.addcdiv(this, t1, t2, value); }
    /**
     * this = min(max(this, min), max), in place.
     *
     * @param min the lower bound (inclusive)
     * @param max the upper bound (inclusive)
     * @return this
     */
    public Tensor clamp_(double min, double max) { return InPlace.clamp(this, min, max); }
    /**
     * this = max(this, 0), in place.
     *
     * @return this
     */
    public Tensor relu_() { return InPlace.unary("relu_", UnaryFn.RELU, this); }
    /**
     * Writes value where the BOOL mask (broadcast to this shape) is true, in place.
     *
     * @param mask the BOOL mask (broadcast)
     * @param value the scalar value
     * @return this
     */
    public Tensor maskedFill_(Tensor mask, double value) { return InPlace.maskedFill(this, mask, value); }
    /**
     * this[index] = values along dim 0 (+= with accumulate); index: row indices or a BOOL mask (see InPlace.indexPut).
     *
     * @param index the indices (I64)
     * @param values the values
     * @param accumulate add into the indexed elements instead of overwriting them
     * @return this
     */
    public Tensor indexPut_(Tensor index, Tensor values, boolean accumulate) { return InPlace.indexPut(this, index, values, accumulate); }
    /**
     * Copies src (broadcast, converted to this dtype) into this; returns this.
     *
     * @param src the source tensor
     * @return this
     */
    public Tensor copy_(Tensor src) { return Copies.copyInto(this, src); }
    /**
     * Sets every element to value; returns this.
     *
     * @param value the scalar value
     * @return this
     */
    public Tensor fill_(double value) { return Copies.copyInto("fill_", this, Create.full(Shape.SCALAR, value, dtype(), device())); }
    /**
     * Sets every element to 0; returns this.
     *
     * @return this
     */
    public Tensor zero_() { return Copies.copyInto("zero_", this, Create.full(Shape.SCALAR, 0, dtype(), device())); }

    // ---------------------------------------------------------------- reductions

    /** {@return sum of all elements (0-d)} */
    public Tensor sum() { return Reductions.sum(this, null, false); }
    /**
     * {@return sum over dims (none given: all)}
     *
     * @param dims the dims (negatives count from the end)
     */
    public Tensor sum(int... dims) { return Reductions.sum(this, dims, false); }
    /**
     * {@return the sum over dim}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor sum(int dim, boolean keepdim) { return Reductions.sum(this, new int[] {dim}, keepdim); }
    /**
     * {@return the sum over dims (null: all)}
     *
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sum(this, dims, keepdim); }
    /** {@return the mean of all elements (0-d; floating dtypes only)} */
    public Tensor mean() { return Reductions.mean(this, null, false); }
    /**
     * {@return the mean over dims (floating dtypes only)}
     *
     * @param dims the dims (negatives count from the end)
     */
    public Tensor mean(int... dims) { return Reductions.mean(this, dims, false); }
    /**
     * {@return the mean over dim (floating dtypes only)}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor mean(int dim, boolean keepdim) { return Reductions.mean(this, new int[] {dim}, keepdim); }
    /**
     * {@return the mean over dims (floating dtypes only)}
     *
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.mean(this, dims, keepdim); }
    /** {@return the product of all elements (0-d)} */
    public Tensor prod() { return Reductions.prod(this, null, false); }
    /**
     * {@return the product over dim}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor prod(int dim) { return Reductions.prod(this, new int[] {dim}, false); }
    /**
     * {@return the product over dim}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor prod(int dim, boolean keepdim) { return Reductions.prod(this, new int[] {dim}, keepdim); }
    /**
     * Largest element (0-d).
     *
     * @return the maximum (0-d), or the values and I64 indices along dim
     */
    public Tensor max() { return Reductions.amax(this, null, false); }
    /**
     * Largest values along dim and their indices.
     *
     * @param dim the dim (negative counts from the end)
     * @return the maximum (0-d), or the values and I64 indices along dim
     */
    public ValuesIndices max(int dim) { return Reductions.max(this, dim, false); }
    /**
     * {@return the largest values along dim and their I64 indices (first index on ties)}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public ValuesIndices max(int dim, boolean keepdim) { return Reductions.max(this, dim, keepdim); }
    /** {@return the smallest element (0-d; NaN if any is NaN)} */
    public Tensor min() { return Reductions.amin(this, null, false); }
    /**
     * {@return the smallest values along dim and their I64 indices (first index on ties)}
     *
     * @param dim the dim (negative counts from the end)
     */
    public ValuesIndices min(int dim) { return Reductions.min(this, dim, false); }
    /**
     * {@return the smallest values along dim and their I64 indices (first index on ties)}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public ValuesIndices min(int dim, boolean keepdim) { return Reductions.min(this, dim, keepdim); }
    /**
     * {@return the maximum over dims (no indices; the gradient is shared evenly among ties)}
     *
     * @param dims the dims (negatives count from the end)
     */
    public Tensor amax(int... dims) { return Reductions.amax(this, dims, false); }
    /**
     * {@return the maximum over dims (no indices; the gradient is shared evenly among ties)}
     *
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor amax(int[] dims, boolean keepdim) { return Reductions.amax(this, dims, keepdim); }
    /**
     * {@return the minimum over dims (no indices; the gradient is shared evenly among ties)}
     *
     * @param dims the dims (negatives count from the end)
     */
    public Tensor amin(int... dims) { return Reductions.amin(this, dims, false); }
    /**
     * {@return the minimum over dims (no indices; the gradient is shared evenly among ties)}
     *
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor amin(int[] dims, boolean keepdim) { return Reductions.amin(this, dims, keepdim); }
    /** {@return index of the largest element of the flattened tensor (0-d I64)} */
    public Tensor argmax() { return Reductions.argmax(this); }
    /**
     * {@return the I64 index of the largest value along dim (first on ties)}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor argmax(int dim) { return Reductions.max(this, dim, false).indices(); }
    /**
     * {@return the I64 index of the largest value along dim (first on ties)}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor argmax(int dim, boolean keepdim) { return Reductions.max(this, dim, keepdim).indices(); }
    /** {@return the index of the smallest element of the flattened tensor (0-d I64)} */
    public Tensor argmin() { return Reductions.argmin(this); }
    /**
     * {@return the I64 index of the smallest value along dim (first on ties)}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor argmin(int dim) { return Reductions.min(this, dim, false).indices(); }
    /**
     * {@return the I64 index of the smallest value along dim (first on ties)}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor argmin(int dim, boolean keepdim) { return Reductions.min(this, dim, keepdim).indices(); }
    /**
     * Unbiased variance (correction 1) over all elements.
     *
     * @return the variance
     */
    public Tensor var() { return Reductions.var(this, null, 1, false); }
    /**
     * {@return the unbiased variance (correction 1) along dim}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor var(int dim) { return Reductions.var(this, new int[] {dim}, 1, false); }
    /**
     * {@return sum((x - mean)^2) / (n - correction) along dim}
     *
     * @param dim the dim (negative counts from the end)
     * @param correction the difference between the sample size and the divisor (1 gives the unbiased estimate)
     */
    public Tensor var(int dim, double correction) { return Reductions.var(this, new int[] {dim}, correction, false); }
    /**
     * sum((x - mean)^2) / (n - correction) over dims.
     *
     * @param dims the dims (negatives count from the end)
     * @param correction the difference between the sample size and the divisor (1 gives the unbiased estimate)
     * @param keepdim keep each reduced dim as size 1
     * @return the variance
     */
    public Tensor var(int[] dims, double correction, boolean keepdim) { return Reductions.var(this, dims, correction, keepdim); }
    /** {@return the unbiased standard deviation (correction 1) of all elements} */
    public Tensor std() { return Reductions.std(this, null, 1, false); }
    /**
     * {@return the unbiased standard deviation (correction 1) along dim}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor std(int dim) { return Reductions.std(this, new int[] {dim}, 1, false); }
    /**
     * {@return sqrt(sum((x - mean)^2) / (n - correction)) along dim}
     *
     * @param dim the dim (negative counts from the end)
     * @param correction the difference between the sample size and the divisor (1 gives the unbiased estimate)
     */
    public Tensor std(int dim, double correction) { return Reductions.std(this, new int[] {dim}, correction, false); }
    /**
     * {@return sqrt(sum((x - mean)^2) / (n - correction)) over dims}
     *
     * @param dims the dims (negatives count from the end)
     * @param correction the difference between the sample size and the divisor (1 gives the unbiased estimate)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor std(int[] dims, double correction, boolean keepdim) { return Reductions.std(this, dims, correction, keepdim); }
    /**
     * {@return log sum exp x over dims, computed with the maximum subtracted first}
     *
     * @param dims the dims (negatives count from the end)
     */
    public Tensor logsumexp(int... dims) { return Reductions.logsumexp(this, dims, false); }
    /**
     * {@return log sum exp x over dims, computed with the maximum subtracted first}
     *
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor logsumexp(int[] dims, boolean keepdim) { return Reductions.logsumexp(this, dims, keepdim); }
    /**
     * 2-norm of all elements.
     *
     * @return the norm (0-d)
     */
    public Tensor norm() { return Reductions.norm(this, 2, null, false); }
    /**
     * p-norm of all elements (p may be 0, 1, 2, any positive value, or +-infinity).
     *
     * @param p the norm's order (2 Euclidean, 1, +-inf, 0 counts the non-zeros, any other positive value)
     * @return the norm (0-d)
     */
    public Tensor norm(double p) { return Reductions.norm(this, p, null, false); }
    /**
     * {@return the p-norm over dims (see {@link #norm(double)})}
     *
     * @param p the norm's order (2 Euclidean, 1, +-inf, 0 counts the non-zeros, any other positive value)
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor norm(double p, int[] dims, boolean keepdim) { return Reductions.norm(this, p, dims, keepdim); }
    /**
     * {@return the p-norm along dim (see {@link #norm(double)})}
     *
     * @param p the norm's order (2 Euclidean, 1, +-inf, 0 counts the non-zeros, any other positive value)
     * @param dim the dim (negative counts from the end)
     */
    public Tensor norm(double p, int dim) { return Reductions.norm(this, p, new int[] {dim}, false); }
    /**
     * "fro" (Frobenius) or a number ("1", "2", "inf", "-inf").
     *
     * @param p the norm's order (2 Euclidean, 1, +-inf, 0 counts the non-zeros, any other positive value)
     * @param dims the dims (negatives count from the end)
     * @param keepdim keep each reduced dim as size 1
     * @return the norm (0-d)
     */
    public Tensor norm(String p, int[] dims, boolean keepdim) { return Reductions.norm(this, p, dims, keepdim); }
    /**
     * Sums this (broadcast) tensor down to shape: leading dims are summed away and dims where shape has
     * size 1 are summed with keepdim. This is how a gradient is un-broadcast to an input's shape.
     *
     * @param shape the shape (sizes of each dim)
     * @return the sum, of the given shape
     */
    public Tensor sumToSize(int... shape) { return Reductions.sumToSize(this, shape); }
    /** {@return BOOL 0-d: true if every element is non-zero} */
    public Tensor all() { return Reductions.all(this, null, false); }
    /**
     * {@return BOOL: true where every element along dim is non-zero}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor all(int dim) { return Reductions.all(this, new int[] {dim}, false); }
    /**
     * {@return BOOL: true where every element along dim is non-zero}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor all(int dim, boolean keepdim) { return Reductions.all(this, new int[] {dim}, keepdim); }
    /** {@return BOOL 0-d: true if some element is non-zero} */
    public Tensor any() { return Reductions.any(this, null, false); }
    /**
     * {@return BOOL: true where some element along dim is non-zero}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor any(int dim) { return Reductions.any(this, new int[] {dim}, false); }
    /**
     * {@return BOOL: true where some element along dim is non-zero}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public Tensor any(int dim, boolean keepdim) { return Reductions.any(this, new int[] {dim}, keepdim); }
    /**
     * {@return the running sum along dim: y_k = x_0 + ... + x_k}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor cumsum(int dim) { return Reductions.cumsum(this, dim); }
    /**
     * {@return the running product along dim: y_k = x_0 * ... * x_k}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor cumprod(int dim) { return Reductions.cumprod(this, dim); }
    /**
     * {@return exp(x - max) / sum exp(x - max) along dim}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor softmax(int dim) { return Reductions.softmax(this, dim); }
    /**
     * {@return x - logsumexp(x) along dim}
     *
     * @param dim the dim (negative counts from the end)
     */
    public Tensor logSoftmax(int dim) { return Reductions.logSoftmax(this, dim); }

    // ---------------------------------------------------------------- products

    /**
     * Matrix product with torch.matmul's rules (1-d operands, batch broadcasting).
     *
     * @param other the other operand (broadcast against this)
     * @return the product
     */
    public Tensor matmul(Tensor other) { return Products.matmul(this, other); }
    /**
     * (M, K) @ (K, N).
     *
     * @param other the other operand (broadcast against this)
     * @return the product (M, N)
     */
    public Tensor mm(Tensor other) { return Products.mm(this, other); }
    /**
     * (B, M, K) @ (B, K, N).
     *
     * @param other the other operand (broadcast against this)
     * @return the product (B, M, N)
     */
    public Tensor bmm(Tensor other) { return Products.bmm(this, other); }
    /**
     * (M, K) @ (K,).
     *
     * @param vec the vector (n)
     * @return the product (M,)
     */
    public Tensor mv(Tensor vec) { return Products.mv(this, vec); }
    /**
     * (K,) . (K,) as a 0-d tensor.
     *
     * @param other the other operand (broadcast against this)
     * @return the 0-d product
     */
    public Tensor dot(Tensor other) { return Products.dot(this, other); }
    /**
     * (M,) x (N,) -> (M, N).
     *
     * @param other the other operand (broadcast against this)
     * @return the (M, N) product
     */
    public Tensor outer(Tensor other) { return Products.outer(this, other); }
    /**
     * p-norm distances between the rows of x1 (..., P, M) and x2 (..., R, M): (..., P, R) (torch.cdist).
     *
     * @param x1 the first point set (..., P, M)
     * @param x2 the second point set (..., R, M)
     * @param p the probability of a 1 (bernoulli) or the norm's order (norm)
     * @return the distances (..., P, R)
     */
    public static Tensor cdist(Tensor x1, Tensor x2, double p) { return Products.cdist(x1, x2, p); }
    /**
     * Einstein summation, e.g. einsum("bij,bjk->bik", a, b).
     *
     * @param equation the subscripts, e.g. "ij,jk->ik"
     * @param operands one tensor per operand of the equation
     * @return the result
     */
    public static Tensor einsum(String equation, Tensor... operands) { return dev.weft.tensor.Einsum.einsum(equation, operands); }

    // ---------------------------------------------------------------- conversion and access

    /**
     * {@return a copy converted to dtype (this if already of it)}
     *
     * @param dtype the element type
     */
    public Tensor to(DType dtype) { return Pointwise.cast(this, dtype); }
    /**
     * {@return a copy on device (this if already there)}
     *
     * @param device the device
     */
    public Tensor to(Device device) { return Copies.to(this, device); }
    /** {@return the value of a one-element tensor as a double} */
    public double item() { return HostArrays.item(this); }
    /** {@return the value of a one-element integer tensor as a long (exact for I64)} */
    public long itemLong() { return HostArrays.itemLong(this); }
    /**
     * {@return the element at idx (negative indices count from the end) as a double}
     *
     * @param idx the index tensor (I64)
     */
    public double get(int... idx) { return HostArrays.get(this, idx); }

    /** {@return a new Java array of the tensor's elements in row-major order, of its own dtype (see Backend.toHost)} */
    public Object toHost() {
        view.storage().checkLive("toHost");
        return Backends.forDevice(device()).toHost(view);
    }
    /** {@return a new Java array of the elements in row-major order, converted to float} */
    public float[] toFloatArray() { return HostArrays.toFloatArray(toHost()); }
    /** {@return a new Java array of the elements in row-major order, converted to double} */
    public double[] toDoubleArray() { return HostArrays.toDoubleArray(toHost()); }
    /** {@return a new Java array of the elements in row-major order, converted to int} */
    public int[] toIntArray() { return HostArrays.toIntArray(toHost()); }
    /** {@return a new Java array of the elements in row-major order, converted to long} */
    public long[] toLongArray() { return HostArrays.toLongArray(toHost()); }
    /** {@return a new Java array of the elements in row-major order, converted to boolean (non-zero is true)} */
    public boolean[] toBooleanArray() { return HostArrays.toBooleanArray(toHost()); }

    /**
     * {@return true if shapes broadcast to this shape equal and {@code |a - b| <= atol + rtol * |b|} everywhere
     * (NaN equal to NaN only when equalNan), compared in F64 on the host}
     *
     * @param other the other operand (broadcast against this)
     * @param rtol relative tolerance
     * @param atol absolute tolerance
     */
    public boolean allclose(Tensor other, double rtol, double atol) { return HostArrays.allclose(this, other, rtol, atol, false); }
    /**
     * allclose with rtol 1e-5, atol 1e-8.
     *
     * @param other the other operand (broadcast against this)
     * @return true if close everywhere
     */
    public boolean allclose(Tensor other) { return allclose(other, 1e-5, 1e-8); }
    /**
     * {@return true if same shape and every element equal (dtypes may differ; compared as doubles)}
     *
     * @param other the other operand (broadcast against this)
     */
    public boolean equal(Tensor other) { return Arrays.equals(shape(), other.shape()) && HostArrays.allclose(this, other, 0, 0, false); }

    @Override
    public String toString() { return TensorFormat.format(this); }

    // ---------------------------------------------------------------- joining
    // One-line delegates to the Joining, Indexing, Sorting and Linalg facades (see them for semantics).

    /**
     * {@return the tensors joined along an existing dim (torch.cat)}
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor cat(java.util.List<Tensor> tensors, int dim) { return Joining.cat(tensors, dim); }
    /**
     * {@return the tensors joined along an existing dim (torch.cat)}
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor cat(Tensor[] tensors, int dim) { return Joining.cat(tensors, dim); }
    /**
     * {@return tensors of one shape joined along a new dim (torch.stack)}
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor stack(java.util.List<Tensor> tensors, int dim) { return Joining.stack(tensors, dim); }
    /**
     * {@return tensors of one shape joined along a new dim (torch.stack)}
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor stack(Tensor[] tensors, int dim) { return Joining.stack(tensors, dim); }
    /**
     * {@return views of splitSize entries along dim, the last one shorter if needed}
     *
     * @param splitSize entries per piece
     * @param dim the dim (negative counts from the end)
     */
    public java.util.List<Tensor> split(int splitSize, int dim) { return Joining.split(this, splitSize, dim); }
    /**
     * {@return views of the given sizes along dim}
     *
     * @param sizes the sizes
     * @param dim the dim (negative counts from the end)
     */
    public java.util.List<Tensor> split(int[] sizes, int dim) { return Joining.split(this, sizes, dim); }
    /**
     * {@return at most chunks views of ceil(size / chunks) entries along dim}
     *
     * @param chunks number of chunks
     * @param dim the dim (negative counts from the end)
     */
    public java.util.List<Tensor> chunk(int chunks, int dim) { return Joining.chunk(this, chunks, dim); }
    /**
     * {@return the views select(dim, i) for every i}
     *
     * @param dim the dim (negative counts from the end)
     */
    public java.util.List<Tensor> unbind(int dim) { return Joining.unbind(this, dim); }
    /**
     * {@return a copy with the order of elements reversed along each of dims}
     *
     * @param dims the dims (negatives count from the end)
     */
    public Tensor flip(int... dims) { return Joining.flip(this, dims); }
    /**
     * {@return a copy with elements shifted by shift along dim, wrapping around}
     *
     * @param shift how far elements move along dim (negative: backwards)
     * @param dim the dim (negative counts from the end)
     */
    public Tensor roll(int shift, int dim) { return Joining.roll(this, shift, dim); }
    /**
     * {@return a copy with elements shifted by shifts[i] along dims[i], wrapping around}
     *
     * @param shifts how far elements move along each of dims
     * @param dims the dims (negatives count from the end)
     */
    public Tensor roll(int[] shifts, int[] dims) { return Joining.roll(this, shifts, dims); }
    /**
     * {@return this tiled reps[i] times along dim i (torch.repeat; reps may add leading dims)}
     *
     * @param reps repetitions per dim
     */
    public Tensor repeat(int... reps) { return Joining.repeat(this, reps); }
    /**
     * {@return repeat with reps padded with leading 1s to this rank (torch.tile)}
     *
     * @param reps repetitions per dim
     */
    public Tensor tile(int... reps) { return Joining.tile(this, reps); }
    /**
     * {@return the elements with col - row at most diagonal of the last two dims, zeros elsewhere}
     *
     * @param diagonal which diagonal: 0 the main one, positive above it, negative below
     */
    public Tensor tril(int diagonal) { return Joining.tril(this, diagonal); }
    /** {@return the lower triangle of the last two dims, zeros above the main diagonal} */
    public Tensor tril() { return Joining.tril(this, 0); }
    /**
     * {@return the elements with col - row at least diagonal of the last two dims, zeros elsewhere}
     *
     * @param diagonal which diagonal: 0 the main one, positive above it, negative below
     */
    public Tensor triu(int diagonal) { return Joining.triu(this, diagonal); }
    /** {@return the upper triangle of the last two dims, zeros below the main diagonal} */
    public Tensor triu() { return Joining.triu(this, 0); }
    /**
     * {@return the view of diagonal offset of the planes (dim1, dim2), as a new last dim}
     *
     * @param offset which diagonal: 0 the main one, positive above it, negative below
     * @param dim1 the first dim of the planes
     * @param dim2 the second dim of the planes
     */
    public Tensor diagonal(int offset, int dim1, int dim2) { return Joining.diagonal(this, offset, dim1, dim2); }
    /**
     * {@return for a 1-d this, the square matrix with this on that diagonal; for a 2-d this, that diagonal (torch.diag)}
     *
     * @param diagonal which diagonal: 0 the main one, positive above it, negative below
     */
    public Tensor diag(int diagonal) { return Joining.diag(this, diagonal); }
    /**
     * {@return the I64 one-hot encoding of these class values, shape (..., numClasses) (F.one_hot)}
     *
     * @param numClasses number of classes (-1: max + 1)
     */
    public Tensor oneHot(int numClasses) { return Joining.oneHot(this, numClasses); }
    /**
     * {@return the entries index[0], index[1], ... along dim, as a new tensor (torch.index_select)}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     */
    public Tensor indexSelect(int dim, Tensor index) { return Indexing.indexSelect(this, dim, index); }
    /**
     * {@return each slice along dim repeated repeats times, in order}
     *
     * @param repeats how often each element is repeated
     * @param dim the dim (negative counts from the end)
     */
    public Tensor repeatInterleave(int repeats, int dim) { return Indexing.repeatInterleave(this, Tensor.of((long) repeats), dim); }
    /**
     * {@return slice i along dim repeated repeats[i] times, in order}
     *
     * @param repeats how often each element is repeated
     * @param dim the dim (negative counts from the end)
     */
    public Tensor repeatInterleave(Tensor repeats, int dim) { return Indexing.repeatInterleave(this, repeats, dim); }
    /**
     * Flattened first, as torch.repeat_interleave without dim.
     *
     * @param repeats how often each element is repeated
     * @return the 1-d result
     */
    public Tensor repeatInterleave(int repeats) { return Indexing.repeatInterleave(this, Tensor.of((long) repeats), null); }
    /**
     * {@return y[i] = this[i with i_dim = index[i]], shaped like index (torch.gather)}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     */
    public Tensor gather(int dim, Tensor index) { return Indexing.gather(this, dim, index); }
    /**
     * {@return a copy of this with copy[i with i_dim = index[i]] = src[i] (torch.scatter)}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param src the source tensor
     */
    public Tensor scatter(int dim, Tensor index, Tensor src) { return Indexing.scatter(this, dim, index, src); }
    /**
     * {@return a copy of this with value written at every indexed position (torch.scatter)}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param value the scalar value
     */
    public Tensor scatter(int dim, Tensor index, double value) { return Indexing.scatter(this, dim, index, value); }
    /**
     * {@return a copy of this with copy[i with i_dim = index[i]] += src[i] (torch.scatter_add)}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param src the source tensor
     */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) { return Indexing.scatterAdd(this, dim, index, src); }
    /**
     * {@return a copy of this with every src[i] reduced into copy[i with i_dim = index[i]] (torch.scatter_reduce)}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param src the source tensor
     * @param reduce the reduction: "sum", "prod", "mean", "amax" or "amin"
     * @param includeSelf whether self's own values take part in the reduction
     */
    public Tensor scatterReduce(int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) { return Indexing.scatterReduce(this, dim, index, src, reduce, includeSelf); }
    /**
     * {@return a copy of this with copy[.., index[j], ..] += source[.., j, ..] along dim (torch.index_add)}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param source the slices to add, one per index
     */
    public Tensor indexAdd(int dim, Tensor index, Tensor source) { return Indexing.indexAdd(this, dim, index, source); }
    /**
     * {@return a copy of this with copy[.., index[j], ..] += alpha * source[.., j, ..] along dim (torch.index_add)}
     *
     * @param dim the dim (negative counts from the end)
     * @param index the indices (I64)
     * @param source the slices to add, one per index
     * @param alpha the multiplier of other
     */
    public Tensor indexAdd(int dim, Tensor index, Tensor source, double alpha) { return Indexing.indexAdd(this, dim, index, source, alpha); }
    /**
     * {@return a copy of this with value where the BOOL mask (broadcast) is true}
     *
     * @param mask the BOOL mask (broadcast)
     * @param value the scalar value
     */
    public Tensor maskedFill(Tensor mask, double value) { return Indexing.maskedFill(this, mask, value); }
    /**
     * {@return the 1-d tensor of the elements where the BOOL mask (broadcast) is true}
     *
     * @param mask the BOOL mask (broadcast)
     */
    public Tensor maskedSelect(Tensor mask) { return Indexing.maskedSelect(this, mask); }
    /** {@return the (N, dim()) I64 coordinates of the non-zero elements, in row-major order} */
    public Tensor nonzero() { return Indexing.nonzero(this); }
    /**
     * this[index] along dim 0 (an integer index or a BOOL mask over leading dims).
     *
     * @param index the indices (I64)
     * @return the selected rows (a copy)
     */
    public Tensor index(Tensor index) { return Indexing.index(this, index); }
    /**
     * {@return the values sorted along dim and their I64 positions}
     *
     * @param dim the dim (negative counts from the end)
     * @param descending sort largest first
     */
    public ValuesIndices sort(int dim, boolean descending) { return Sorting.sort(this, dim, descending); }
    /**
     * {@return the values sorted along dim and their I64 positions}
     *
     * @param dim the dim (negative counts from the end)
     * @param descending sort largest first
     * @param stable keep equal elements in their input order
     */
    public ValuesIndices sort(int dim, boolean descending, boolean stable) { return Sorting.sort(this, dim, descending, stable); }
    /** {@return the values sorted ascending along the last dim and their I64 positions} */
    public ValuesIndices sort() { return Sorting.sort(this); }
    /**
     * {@return the I64 positions that sort this along dim}
     *
     * @param dim the dim (negative counts from the end)
     * @param descending sort largest first
     */
    public Tensor argsort(int dim, boolean descending) { return Sorting.argsort(this, dim, descending); }
    /**
     * {@return the k largest entries along the last dim, sorted, with their I64 indices}
     *
     * @param k number of entries to keep
     */
    public ValuesIndices topk(int k) { return Sorting.topk(this, k); }
    /**
     * {@return the k largest entries along dim, sorted, with their I64 indices}
     *
     * @param k number of entries to keep
     * @param dim the dim (negative counts from the end)
     */
    public ValuesIndices topk(int k, int dim) { return Sorting.topk(this, k, dim, true, true); }
    /**
     * {@return the values sorted ascending along dim and their I64 positions}
     *
     * @param dim the dim (negative counts from the end)
     */
    public ValuesIndices sort(int dim) { return Sorting.sort(this, dim, false); }
    /**
     * Insertion indices of values in the ascending last dim of sorted (torch.searchsorted), I64.
     *
     * @param sorted the sorted (ascending) values, searched along their last dim
     * @param values the values
     * @param right take the last position where the value could be inserted (else the first)
     * @return the I64 insertion indices, shaped like values
     */
    public static Tensor searchsorted(Tensor sorted, Tensor values, boolean right) { return Sorting.searchsorted(sorted, values, right); }
    /**
     * {@return the bucket of each element among 1-d ascending boundaries (torch.bucketize), I64}
     *
     * @param boundaries the sorted, 1-d boundaries
     * @param right take the last position where the value could be inserted (else the first)
     */
    public Tensor bucketize(Tensor boundaries, boolean right) { return Sorting.bucketize(this, boundaries, right); }
    /**
     * {@return the k largest (or smallest) entries along dim with their I64 indices}
     *
     * @param k number of entries to keep
     * @param dim the dim (negative counts from the end)
     * @param largest take the k largest (else the k smallest)
     * @param sorted return the k elements in sorted order
     */
    public ValuesIndices topk(int k, int dim, boolean largest, boolean sorted) { return Sorting.topk(this, k, dim, largest, sorted); }
    /**
     * {@return the k-th smallest entry (k from 1) along dim and its I64 index}
     *
     * @param k which smallest entry, from 1
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public ValuesIndices kthvalue(int k, int dim, boolean keepdim) { return Sorting.kthvalue(this, k, dim, keepdim); }
    /**
     * {@return the lower median ((n+1)/2-th smallest) along dim and its I64 index}
     *
     * @param dim the dim (negative counts from the end)
     * @param keepdim keep each reduced dim as size 1
     */
    public ValuesIndices median(int dim, boolean keepdim) { return Sorting.median(this, dim, keepdim); }
    /** {@return the lower median of all elements (0-d)} */
    public Tensor median() { return Sorting.median(this); }
    /** {@return det A of each matrix of the last two dims} */
    public Tensor det() { return Linalg.det(this); }
    /** {@return log det A of each matrix (NaN for a negative determinant, -inf for a singular one)} */
    public Tensor logdet() { return Linalg.logdet(this); }
    /** {@return A^-1 of each matrix of the last two dims} */
    public Tensor inverse() { return Linalg.inv(this); }
    /**
     * {@return the Cholesky factor of each symmetric positive-definite matrix: lower L with A = L L^T, or upper U with A = U^T U}
     *
     * @param upper use the upper triangle (else the lower)
     */
    public Tensor cholesky(boolean upper) { return Linalg.cholesky(this, upper); }

}
