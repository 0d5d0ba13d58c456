package dev.weft.tensor.op;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Strided;
import java.util.Arrays;

/**
 * The metadata of a view: shape, strides and storage offset, computed from a {@link ViewOp} and its
 * input without touching data. Errors name the op and the input's shape (and strides where they matter).
 *
 * @param shape the shape (sizes of each dim)
 * @param strides the strides, in elements
 * @param offset index of the first element in the storage
 */
public record ViewLayout(int[] shape, int[] strides, int offset) {

    /**
     * {@return the layout of {@code op} applied to x; throws IllegalArgumentException when the op does not fit x}
     *
     * @param op the op
     * @param x the input array
     */
    public static ViewLayout of(ViewOp op, Strided x) {
        int[] shape = x.shape(), st = x.stride();
        int off = x.storageOffset(), rank = shape.length;
        return switch (op) {
            case ViewOp.Reshape r -> {
                int[] ns = r.shape();
                if (Shape.numel(ns) != x.numel()) {
                    throw new IllegalArgumentException("view: shape " + Shape.format(ns) + " is invalid for input of shape "
                            + Shape.format(shape) + " with " + x.numel() + " elements");
                }
                int[] nst = reshapeStrides(shape, st, ns);
                if (nst == null) {
                    throw new IllegalArgumentException("view: input of shape " + Shape.format(shape) + " with strides "
                            + Shape.format(st) + " cannot be viewed as " + Shape.format(ns)
                            + " (not contiguous enough; use reshape(), which copies)");
                }
                yield new ViewLayout(ns, nst, off);
            }
            case ViewOp.Permute p -> {
                int[] d = p.dims();
                if (d.length != rank) {
                    throw new IllegalArgumentException("permute: " + Arrays.toString(d) + " has " + d.length
                            + " dims but the input " + Shape.format(shape) + " has " + rank);
                }
                boolean[] seen = new boolean[rank];
                int[] ns = new int[rank], nst = new int[rank];
                for (int i = 0; i < rank; i++) {
                    if (d[i] < 0 || d[i] >= rank || seen[d[i]]) {
                        throw new IllegalArgumentException("permute: " + Arrays.toString(d)
                                + " is not a permutation of 0.." + (rank - 1) + " for input " + Shape.format(shape));
                    }
                    seen[d[i]] = true;
                    ns[i] = shape[d[i]];
                    nst[i] = st[d[i]];
                }
                yield new ViewLayout(ns, nst, off);
            }
            case ViewOp.Expand e -> {
                int[] ns = e.shape();
                if (ns.length < rank) {
                    throw new IllegalArgumentException("expand: shape " + Shape.format(ns) + " has fewer dims than input "
                            + Shape.format(shape));
                }
                int[] nst = new int[ns.length];
                int lead = ns.length - rank;
                for (int i = 0; i < ns.length; i++) {
                    int src = i - lead;
                    if (ns[i] < 0) {
                        throw new IllegalArgumentException("expand: negative size " + ns[i] + " in " + Shape.format(ns));
                    }
                    if (src < 0) {
                        nst[i] = 0;
                    } else if (shape[src] == ns[i]) {
                        nst[i] = st[src];
                    } else if (shape[src] == 1) {
                        nst[i] = 0;
                    } else {
                        throw new IllegalArgumentException("expand: cannot expand shape " + Shape.format(shape) + " to "
                                + Shape.format(ns) + " (dim " + i + ": " + shape[src] + " vs " + ns[i] + ")");
                    }
                }
                yield new ViewLayout(ns, nst, off);
            }
            case ViewOp.Slice s -> {
                checkDim("slice", s.dim(), rank, shape, false);
                int size = shape[s.dim()];
                if (s.step() < 1 || s.start() < 0 || s.start() > s.end() || s.end() > size) {
                    throw new IllegalArgumentException("slice: [" + s.start() + ":" + s.end() + ":" + s.step()
                            + "] out of range for dim " + s.dim() + " of size " + size + " in " + Shape.format(shape));
                }
                int[] ns = shape.clone(), nst = st.clone();
                ns[s.dim()] = (s.end() - s.start() + s.step() - 1) / s.step();
                nst[s.dim()] = st[s.dim()] * s.step();
                int no = ns[s.dim()] == 0 ? off : off + s.start() * st[s.dim()];
                yield new ViewLayout(ns, nst, no);
            }
            case ViewOp.Select s -> {
                checkDim("select", s.dim(), rank, shape, false);
                int size = shape[s.dim()];
                if (s.index() < 0 || s.index() >= size) {
                    throw new IllegalArgumentException("select: index " + s.index() + " out of range for dim " + s.dim()
                            + " of size " + size + " in " + Shape.format(shape));
                }
                yield new ViewLayout(Shape.remove(shape, s.dim()), Shape.remove(st, s.dim()), off + s.index() * st[s.dim()]);
            }
            case ViewOp.Squeeze s -> {
                checkDim("squeeze", s.dim(), rank, shape, false);
                if (shape[s.dim()] != 1) {
                    throw new IllegalArgumentException("squeeze: dim " + s.dim() + " has size " + shape[s.dim()]
                            + ", not 1, in " + Shape.format(shape));
                }
                yield new ViewLayout(Shape.remove(shape, s.dim()), Shape.remove(st, s.dim()), off);
            }
            case ViewOp.Unsqueeze u -> {
                checkDim("unsqueeze", u.dim(), rank, shape, true);
                int stride = u.dim() < rank ? st[u.dim()] * Math.max(shape[u.dim()], 1) : 1;
                yield new ViewLayout(Shape.insert(shape, u.dim(), 1), Shape.insert(st, u.dim(), stride), off);
            }
            case ViewOp.Split sp -> throw new IllegalArgumentException(sp.name() + " has several outputs: see ViewLayout.pieces");
            case ViewOp.AsStrided a -> {
                int[] ns = a.shape(), nst = a.strides();
                if (ns.length != nst.length) {
                    throw new IllegalArgumentException("as_strided: shape " + Shape.format(ns) + " and strides "
                            + Shape.format(nst) + " differ in rank");
                }
                long last = a.offset();
                boolean empty = false;
                for (int i = 0; i < ns.length; i++) {
                    if (ns[i] < 0 || nst[i] < 0) {
                        throw new IllegalArgumentException("as_strided: negative size or stride in shape " + Shape.format(ns)
                                + " strides " + Shape.format(nst));
                    }
                    if (ns[i] == 0) empty = true;
                    last += (long) (ns[i] - 1) * nst[i];
                }
                int len = x.storage().length();
                if (a.offset() < 0 || (!empty && last >= len)) {
                    throw new IllegalArgumentException("as_strided: shape " + Shape.format(ns) + " strides " + Shape.format(nst)
                            + " offset " + a.offset() + " reach element " + last + " of a storage of " + len);
                }
                yield new ViewLayout(ns, nst, a.offset());
            }
        };
    }

    /**
     * {@return the layouts of a split's pieces: slices of x along the dim, squeezed when asked; errors name the op}
     *
     * @param sp the split
     * @param x the input array
     */
    public static ViewLayout[] pieces(ViewOp.Split sp, Strided x) {
        int[] shape = x.shape(), st = x.stride(), sizes = sp.sizes();
        int d = sp.dim(), rank = shape.length;
        checkDim(sp.name(), d, rank, shape, false);
        long sum = 0;
        for (int n : sizes) {
            if (n < 0 || (sp.squeeze() && n != 1)) {
                throw new IllegalArgumentException(sp.name() + ": piece size " + n + " is invalid in " + Arrays.toString(sizes));
            }
            sum += n;
        }
        if (sum != shape[d]) {
            throw new IllegalArgumentException(sp.name() + ": sizes " + Arrays.toString(sizes) + " sum to " + sum + " but dim " + d
                    + " has size " + shape[d] + " in " + Shape.format(shape));
        }
        ViewLayout[] out = new ViewLayout[sizes.length];
        int pos = 0;
        for (int i = 0; i < sizes.length; i++) {
            int off = x.storageOffset() + (sizes[i] == 0 ? 0 : pos * st[d]);
            int[] ps = shape.clone();
            ps[d] = sizes[i];
            out[i] = sp.squeeze() ? new ViewLayout(Shape.remove(ps, d), Shape.remove(st, d), off) : new ViewLayout(ps, st.clone(), off);
            pos += sizes[i];
        }
        return out;
    }

    private static void checkDim(String op, int dim, int rank, int[] shape, boolean inclusive) {
        int hi = inclusive ? rank : rank - 1;
        if (dim < 0 || dim > hi) {
            throw new IllegalArgumentException(op + ": dim " + dim + " out of range for input " + Shape.format(shape)
                    + " of rank " + rank);
        }
    }

    /**
     * {@return strides that view (shape, strides) as newShape without copying, or null if none exist} Dims are
     * grouped into runs that are contiguous with each other; each run must map onto whole new dims.
     *
     * @param shape the shape (sizes of each dim)
     * @param strides the strides, in elements
     * @param newShape the target shape
     */
    public static int[] reshapeStrides(int[] shape, int[] strides, int[] newShape) {
        int[] ns = new int[newShape.length];
        if (shape.length == 0 || Shape.numel(shape) == 0) return Shape.contiguousStrides(newShape);
        int viewD = newShape.length - 1;
        long chunkBase = strides[shape.length - 1];
        long tensorNumel = 1, viewNumel = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            tensorNumel *= shape[d];
            boolean runEnds = d == 0 || (shape[d - 1] != 1 && strides[d - 1] != tensorNumel * chunkBase);
            if (runEnds) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    ns[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (d > 0) {
                    chunkBase = strides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? ns : null;
    }
}
