package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import dev.weft.tensor.op.JoinOp;
import dev.weft.tensor.op.ViewOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joining and reshuffling with PyTorch's names and semantics: cat, stack, split, chunk, unbind, flip,
 * roll, repeat, tile, pad, tril/triu, one_hot, diagonal, diag. Only cat and flip are primitives
 * ({@link JoinOp}); the rest are views, cat, Where and index_select, so autograd differentiates them
 * through their parts. Results never alias the input except split/chunk/unbind/diagonal (views, as in PyTorch).
 */
public final class Joining {
    private Joining() {}

    // ---------------------------------------------------------------- cat, stack

    /**
     * torch.cat: tensors laid end to end along dim; shapes must agree except in dim, dtypes promote
     * {@code (BOOL < I32 < I64 < F32 < F64)}. 1-d empty tensors are skipped, as in PyTorch.
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     * @return the joined tensor
     */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("cat: expected a non-empty list of tensors");
        List<Tensor> ts = new ArrayList<>();
        boolean anyNot1d = tensors.stream().anyMatch(t -> t.dim() != 1);
        for (Tensor t : tensors) if (!(anyNot1d && t.dim() == 1 && t.size(0) == 0)) ts.add(t);
        if (ts.isEmpty()) ts.add(tensors.get(0));
        DType dt = ts.get(0).dtype();
        for (Tensor t : ts) dt = DType.promote(dt, t.dtype());
        Tensor[] in = new Tensor[ts.size()];
        for (int i = 0; i < in.length; i++) in[i] = ts.get(i).to(dt);
        if (in[0].dim() == 0) throw new IllegalArgumentException("cat: zero-dimensional tensor (input 0) cannot be concatenated");
        return Dispatch.apply1(new JoinOp.Cat(Shape.dim("cat", dim, in[0].dim())), in);
    }

    /**
     * torch.cat over an array (see {@link #cat(List, int)}).
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     * @return the joined tensor
     */
    public static Tensor cat(Tensor[] tensors, int dim) {
        return cat(Arrays.asList(tensors), dim);
    }

    /**
     * torch.stack: tensors of one shape joined along a new dim ({@code 0 <= dim <= rank}, negatives count from the end).
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     * @return tensors of one shape joined along a new dim ({@code 0 <= dim <= rank}, negatives count from the end)
     */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("stack: expected a non-empty list of tensors");
        int[] s0 = tensors.get(0).shape();
        int d = Shape.dim("stack", dim, s0.length + 1);
        List<Tensor> us = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (!Arrays.equals(t.shape(), s0)) {
                throw new IllegalArgumentException("stack: expects each tensor to be equal size, but got " + Shape.format(s0)
                        + " at entry 0 and " + Shape.format(t.shape()) + " at entry " + i);
            }
            us.add(t.unsqueeze(d));
        }
        return cat(us, d);
    }

    /**
     * {@return torch.stack over an array (see {@link #stack(List, int)})}
     *
     * @param tensors the tensors
     * @param dim the dim (negative counts from the end)
     */
    public static Tensor stack(Tensor[] tensors, int dim) {
        return stack(Arrays.asList(tensors), dim);
    }

    // ---------------------------------------------------------------- split, chunk, unbind (views)

    /**
     * torch.split with an int: views of splitSize entries along dim, the last one shorter if needed.
     *
     * @param x the input tensor
     * @param splitSize size of each piece (the last may be smaller)
     * @param dim the dim (negative counts from the end)
     * @return views of splitSize entries along dim, the last one shorter if needed
     */
    public static List<Tensor> split(Tensor x, int splitSize, int dim) {
        notScalar("split", x);
        int d = Shape.dim("split", dim, x.dim()), n = x.size(d);
        if (splitSize < 0 || (splitSize == 0 && n > 0)) {
            throw new IllegalArgumentException("split: split size " + splitSize + " must be positive for dim " + d
                    + " of size " + n + " in " + Shape.format(x.shape()));
        }
        if (n == 0) return pieces("split", x, d, new int[] {0}, false);
        int[] sizes = new int[Math.ceilDiv(n, splitSize)];
        for (int i = 0; i < sizes.length; i++) sizes[i] = Math.min(splitSize, n - i * splitSize);
        return pieces("split", x, d, sizes, false);
    }

    /**
     * torch.split with sizes: views of the given sizes along dim; they must sum to the dim's size.
     *
     * @param x the input tensor
     * @param sizes the sizes
     * @param dim the dim (negative counts from the end)
     * @return views of the given sizes along dim
     */
    public static List<Tensor> split(Tensor x, int[] sizes, int dim) {
        notScalar("split", x);
        return pieces("split", x, Shape.dim("split", dim, x.dim()), sizes, false);
    }

    /**
     * torch.chunk: at most {@code chunks} views of ceil(size / chunks) entries along dim (the last may be shorter).
     *
     * @param x the input tensor
     * @param chunks number of chunks
     * @param dim the dim (negative counts from the end)
     * @return at most {@code chunks} views of ceil(size / chunks) entries along dim (the last may be shorter)
     */
    public static List<Tensor> chunk(Tensor x, int chunks, int dim) {
        if (chunks < 1) throw new IllegalArgumentException("chunk: chunks must be >= 1, got " + chunks);
        notScalar("chunk", x);
        int d = Shape.dim("chunk", dim, x.dim()), n = x.size(d);
        if (n == 0) return pieces("chunk", x, d, new int[chunks], false);
        int size = Math.ceilDiv(n, chunks);
        int[] sizes = new int[Math.ceilDiv(n, size)];
        for (int i = 0; i < sizes.length; i++) sizes[i] = Math.min(size, n - i * size);
        return pieces("chunk", x, d, sizes, false);
    }

    /**
     * torch.unbind: the views x.select(dim, i) for every i, as one op (its backward is one stack).
     *
     * @param x the input tensor
     * @param dim the dim (negative counts from the end)
     * @return the views x.select(dim, i) for every i, as one op (its backward is one stack)
     */
    public static List<Tensor> unbind(Tensor x, int dim) {
        notScalar("unbind", x);
        int d = Shape.dim("unbind", dim, x.dim());
        int[] ones = new int[x.size(d)];
        Arrays.fill(ones, 1);
        return pieces("unbind", x, d, ones, true);
    }

    /** The views of one Split op (one graph node for all of them). */
    private static List<Tensor> pieces(String name, Tensor x, int d, int[] sizes, boolean squeeze) {
        if (sizes.length == 0) return new ArrayList<>();
        return new ArrayList<>(Arrays.asList(Dispatch.apply(new ViewOp.Split(d, sizes, squeeze, name), x)));
    }

    private static void notScalar(String op, Tensor x) {
        if (x.dim() == 0) throw new IllegalArgumentException(op + ": cannot " + op + " a 0-d tensor");
    }

    // ---------------------------------------------------------------- flip, roll, repeat, tile

    /**
     * torch.flip: y[.., i, ..] = x[.., n - 1 - i, ..] along every listed dim (a copy).
     *
     * @param x the input tensor
     * @param dims the dims (negatives count from the end)
     * @return y[.., i, ..] = x[.., n - 1 - i, ..] along every listed dim (a copy)
     */
    public static Tensor flip(Tensor x, int... dims) {
        int[] d = Shape.dims("flip", dims, x.dim());
        if (x.dim() == 0) return x.clone();
        return Dispatch.apply1(new JoinOp.Flip(d), x);
    }

    /**
     * torch.roll: y[.., (i + shift) mod n, ..] = x[.., i, ..] along each dim; with no dims the flattened
     * tensor is rolled by shifts[0] and reshaped back. Composed as cat of two narrowed views per dim.
     *
     * @param x the input tensor
     * @param shifts the shift per dim
     * @param dims the dims (negatives count from the end)
     * @return the rolled copy
     */
    public static Tensor roll(Tensor x, int[] shifts, int[] dims) {
        if (dims.length == 0) {
            if (shifts.length != 1) {
                throw new IllegalArgumentException("roll: with no dims, shifts must have one entry, got " + Arrays.toString(shifts));
            }
            return roll(x.reshape(-1), shifts, new int[] {0}).reshape(x.shape());
        }
        if (shifts.length != dims.length) {
            throw new IllegalArgumentException("roll: shifts " + Arrays.toString(shifts) + " and dims " + Arrays.toString(dims)
                    + " must have the same length");
        }
        Tensor y = x;
        for (int i = 0; i < dims.length; i++) {
            int d = Shape.dim("roll", dims[i], x.dim()), n = x.dim() == 0 ? 1 : x.size(d);
            int s = n == 0 ? 0 : Math.floorMod(shifts[i], n);
            if (s != 0) y = cat(List.of(y.narrow(d, n - s, s), y.narrow(d, 0, n - s)), d);
        }
        return y == x ? x.clone() : y;
    }

    /**
     * torch.roll along one dim.
     *
     * @param x the input tensor
     * @param shift the shift
     * @param dim the dim (negative counts from the end)
     * @return the rolled copy
     */
    public static Tensor roll(Tensor x, int shift, int dim) {
        return roll(x, new int[] {shift}, new int[] {dim});
    }

    /**
     * torch.Tensor.repeat: x tiled reps[i] times along dim i; reps may have more entries than x has dims
     * (x gets leading size-1 dims). Composed as unsqueeze + expand + reshape (one copy).
     *
     * @param x the input tensor
     * @param reps repetitions per dim
     * @return x tiled reps[i] times along dim i
     */
    public static Tensor repeat(Tensor x, int... reps) {
        int r = x.dim(), R = reps.length;
        if (R < r) {
            throw new IllegalArgumentException("repeat: number of repeat dims " + R + " can not be smaller than the number of"
                    + " dims " + r + " of the input " + Shape.format(x.shape()));
        }
        int[] s = new int[R];
        for (int i = 0; i < R; i++) {
            if (reps[i] < 0) throw new IllegalArgumentException("repeat: negative repeat " + reps[i] + " in " + Arrays.toString(reps));
            s[i] = i < R - r ? 1 : x.size(i - (R - r));
        }
        int[] inter = new int[2 * R], big = new int[2 * R], out = new int[R];
        for (int i = 0; i < R; i++) {
            inter[2 * i] = 1;
            inter[2 * i + 1] = s[i];
            big[2 * i] = reps[i];
            big[2 * i + 1] = s[i];
            out[i] = reps[i] * s[i];
        }
        Tensor y = x.reshape(inter).expand(big).reshape(out);
        return y.storage() == x.storage() ? y.clone() : y;
    }

    /**
     * torch.tile: repeat with reps padded with leading 1s to x's rank.
     *
     * @param x the input tensor
     * @param reps repetitions per dim
     * @return repeat with reps padded with leading 1s to x's rank
     */
    public static Tensor tile(Tensor x, int... reps) {
        if (reps.length >= x.dim()) return repeat(x, reps);
        int[] full = new int[x.dim()];
        Arrays.fill(full, 1);
        System.arraycopy(reps, 0, full, x.dim() - reps.length, reps.length);
        return repeat(x, full);
    }

    // ---------------------------------------------------------------- pad

    /**
     * F.pad with mode "constant" and value 0.
     *
     * @param x the input tensor
     * @param pads the padding, pairs (before, after) from the last dim backwards
     * @return the padded tensor
     */
    public static Tensor pad(Tensor x, int... pads) {
        return pad(x, pads, "constant", 0);
    }

    /**
     * F.pad: pads = (left, right) of the last dim, then of the one before, ... (at most 2 * rank entries).
     * Modes: "constant" (value), "reflect" (mirror without the edge; {@code pad < size}), "replicate" (edge value),
     * "circular" (wrap; {@code pad <= size}). Negative pads crop. Constant padding is cat with filled blocks, the
     * others index_select with a computed index, so every mode has an autograd path.
     *
     * @param x the input tensor
     * @param pads the padding, pairs (before, after) from the last dim backwards
     * @param mode the padding mode
     * @param value the scalar value
     * @return the padded tensor
     */
    public static Tensor pad(Tensor x, int[] pads, String mode, double value) {
        if (!List.of("constant", "reflect", "replicate", "circular").contains(mode)) {
            throw new IllegalArgumentException("pad: mode must be constant, reflect, replicate or circular, got \"" + mode + "\"");
        }
        int r = x.dim();
        if (pads.length % 2 != 0 || pads.length / 2 > r) {
            throw new IllegalArgumentException("pad: padding " + Arrays.toString(pads) + " must have an even length of at most 2 * "
                    + r + " for input " + Shape.format(x.shape()));
        }
        Tensor y = x;
        for (int i = 0; i < pads.length / 2; i++) {
            int d = r - 1 - i, left = pads[2 * i], right = pads[2 * i + 1], n = y.size(d);
            int cl = Math.max(0, -left), cr = Math.max(0, -right);
            if (cl + cr > n) {
                throw new IllegalArgumentException("pad: negative padding (" + left + ", " + right + ") of dim " + d
                        + " removes more than its " + n + " entries in " + Shape.format(x.shape()));
            }
            if (cl + cr > 0) y = y.narrow(d, cl, n - cl - cr);
            int l = Math.max(0, left), rt = Math.max(0, right);
            if (l + rt == 0) continue;
            y = mode.equals("constant") ? padConstant(y, d, l, rt, value) : padIndexed(y, d, l, rt, mode, x, pads);
        }
        return y == x ? x.clone() : y;
    }

    private static Tensor padConstant(Tensor y, int d, int l, int r, double value) {
        List<Tensor> parts = new ArrayList<>();
        int[] s = y.shape();
        if (l > 0) {
            s[d] = l;
            parts.add(Create.full(s, value, y.dtype(), y.device()));
        }
        parts.add(y);
        if (r > 0) {
            s[d] = r;
            parts.add(Create.full(s, value, y.dtype(), y.device()));
        }
        return cat(parts, d);
    }

    private static Tensor padIndexed(Tensor y, int d, int l, int r, String mode, Tensor x, int[] pads) {
        int n = y.size(d);
        boolean ok = switch (mode) {
            case "reflect" -> l < n && r < n;
            case "replicate" -> n > 0;
            default -> l <= n && r <= n;
        };
        if (!ok) {
            String need = switch (mode) {
                case "reflect" -> "be less than the dim's size " + n;
                case "replicate" -> "have a non-empty dim to copy from";
                default -> "be at most the dim's size " + n;
            };
            throw new IllegalArgumentException("pad: input " + Shape.format(x.shape()) + ", padding " + Arrays.toString(pads)
                    + ": " + mode + " padding (" + l + ", " + r + ") of dim " + d + " must " + need);
        }
        long[] idx = new long[n + l + r];
        for (int j = 0; j < idx.length; j++) {
            int p = j - l;
            idx[j] = switch (mode) {
                case "reflect" -> p < 0 ? -p : p >= n ? 2L * (n - 1) - p : p;
                case "replicate" -> Math.max(0, Math.min(n - 1, p));
                default -> Math.floorMod(p, n);
            };
        }
        return Indexing.indexSelect(y, d, Create.fromHost(idx, new int[] {idx.length}, y.device()));
    }

    // ---------------------------------------------------------------- triangles, one-hot, diagonals

    /**
     * torch.tril: keeps elements with {@code col - row <= diagonal} of the last two dims, zeros the rest.
     *
     * @param x the input tensor
     * @param diagonal which diagonal: 0 the main one, positive above it, negative below
     * @return keeps elements with {@code col - row <= diagonal} of the last two dims, zeros the rest
     */
    public static Tensor tril(Tensor x, int diagonal) {
        return triangle("tril", x, diagonal, true);
    }

    /**
     * torch.triu: keeps elements with col - row >= diagonal of the last two dims, zeros the rest.
     *
     * @param x the input tensor
     * @param diagonal which diagonal: 0 the main one, positive above it, negative below
     * @return keeps elements with col - row >= diagonal of the last two dims, zeros the rest
     */
    public static Tensor triu(Tensor x, int diagonal) {
        return triangle("triu", x, diagonal, false);
    }

    private static Tensor triangle(String op, Tensor x, int k, boolean lower) {
        if (x.dim() < 2) {
            throw new IllegalArgumentException(op + ": input " + Shape.format(x.shape()) + " must have at least 2 dims");
        }
        int rows = x.size(-2), cols = x.size(-1);
        Tensor j = Create.arange(0, cols, 1, DType.I64, x.device()).unsqueeze(0);
        Tensor i = Create.arange(0, rows, 1, DType.I64, x.device()).unsqueeze(1);
        Tensor off = j.sub(i);
        Tensor mask = lower ? off.le((long) k) : off.ge((long) k);
        return Pointwise.where(mask, x, Create.full(Shape.SCALAR, 0, x.dtype(), x.device()));
    }

    /**
     * F.one_hot: an integer tensor of class values in [0, numClasses) -> I64 of shape (..., numClasses)
     * with a 1 at each value; numClasses = -1 takes max + 1. Values are checked (one host read each for
     * min and max).
     *
     * @param x the input tensor
     * @param numClasses number of classes (-1: max(x) + 1)
     * @return the I64 one-hot tensor
     */
    public static Tensor oneHot(Tensor x, int numClasses) {
        String ctx = "input " + Shape.format(x.shape());
        if (!x.dtype().isIntegral()) {
            throw new IllegalArgumentException("one_hot: " + ctx + ": class values must be an integer tensor, got " + x.dtype());
        }
        if (numClasses < -1 || numClasses == 0) {
            throw new IllegalArgumentException("one_hot: " + ctx + ": num_classes must be positive or -1, got " + numClasses);
        }
        if (x.numel() == 0) {
            if (numClasses == -1) {
                throw new IllegalArgumentException("one_hot: " + ctx + ": can not infer the number of classes from an empty tensor");
            }
        } else {
            long min = (long) x.min().item(), max = (long) x.max().item();
            if (min < 0) throw new IllegalArgumentException("one_hot: " + ctx + ": class values must be >= 0, got " + min);
            if (numClasses == -1) numClasses = (int) (max + 1);
            else if (max >= numClasses) {
                throw new IllegalArgumentException("one_hot: " + ctx + ": class value " + max + " is out of range for num_classes "
                        + numClasses);
            }
        }
        Tensor classes = Create.arange(0, numClasses, 1, DType.I64, x.device());
        return x.unsqueeze(-1).eq(classes).to(DType.I64);
    }

    /**
     * torch.diagonal: a view of the entries (i, i + offset) of dims dim1 and dim2, which are removed; the
     * diagonal becomes the last dim.
     *
     * @param x the input tensor
     * @param offset which diagonal: 0 the main one, positive above it, negative below
     * @param dim1 the first dim of the 2-d planes
     * @param dim2 the second dim of the 2-d planes
     * @return the diagonal view
     */
    public static Tensor diagonal(Tensor x, int offset, int dim1, int dim2) {
        int r = x.dim();
        if (r < 2) throw new IllegalArgumentException("diagonal: input " + Shape.format(x.shape()) + " must have at least 2 dims");
        int d1 = Shape.dim("diagonal", dim1, r), d2 = Shape.dim("diagonal", dim2, r);
        if (d1 == d2) {
            throw new IllegalArgumentException("diagonal: dim1 and dim2 can not be identical, got " + dim1 + " and " + dim2
                    + " for input " + Shape.format(x.shape()));
        }
        int[] s = x.shape(), st = x.stride();
        int n1 = s[d1], n2 = s[d2];
        int len = offset >= 0 ? Math.max(0, Math.min(n1, n2 - offset)) : Math.max(0, Math.min(n1 + offset, n2));
        int start = len == 0 ? 0 : offset >= 0 ? offset * st[d2] : -offset * st[d1];
        int[] ns = new int[r - 1], nst = new int[r - 1];
        int j = 0;
        for (int d = 0; d < r; d++) {
            if (d == d1 || d == d2) continue;
            ns[j] = s[d];
            nst[j++] = st[d];
        }
        ns[j] = len;
        nst[j] = st[d1] + st[d2];
        return x.asStrided(ns, nst, x.storageOffset() + start);
    }

    /**
     * torch.diagonal(x, offset) of dims 0 and 1.
     *
     * @param x the input tensor
     * @param offset which diagonal: 0 the main one, positive above it, negative below
     * @return the diagonal view
     */
    public static Tensor diagonal(Tensor x, int offset) {
        return diagonal(x, offset, 0, 1);
    }

    /**
     * torch.diag: a 1-d x becomes the square matrix with x on diagonal k (size n + |k|, zeros elsewhere);
     * a 2-d x gives a copy of its diagonal k.
     *
     * @param x the input tensor
     * @param k which diagonal: 0 the main one, positive above it, negative below
     * @return a 1-d x becomes the square matrix with x on diagonal k (size n + |k|, zeros elsewhere)
     */
    public static Tensor diag(Tensor x, int k) {
        if (x.dim() == 2) return diagonal(x, k, 0, 1).contiguous();
        if (x.dim() != 1) throw new IllegalArgumentException("diag: expected a 1-d or 2-d input, got " + Shape.format(x.shape()));
        int n = x.size(0), a = Math.abs(k), m = n + a;
        Tensor v = pad(x, 0, a);
        Tensor vals = k >= 0 ? v.unsqueeze(1).expand(m, m) : v.unsqueeze(0).expand(m, m);
        Tensor j = Create.arange(0, m, 1, DType.I64, x.device()).unsqueeze(0);
        Tensor i = Create.arange(0, m, 1, DType.I64, x.device()).unsqueeze(1);
        Tensor mask = j.sub(i).eq((long) k);
        return Pointwise.where(mask, vals, Create.full(Shape.SCALAR, 0, x.dtype(), x.device()));
    }
}
