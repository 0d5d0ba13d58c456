package dev.weft.autograd;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Create;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.ViewOp;
import java.util.HashMap;
import java.util.Map;

/**
 * Backward rules of the view primitives: the inverse view for reshape/permute/squeeze/unsqueeze,
 * the engine's central sum-to-size for expand, and an embedding into zeros for slice, select and
 * as_strided (positions computed from metadata only, never from values), one cat for split/chunk/unbind.
 */
final class ViewGrads {
    private ViewGrads() {}

    static Tensor[] backward(ViewOp op, Ctx c) {
        if (op instanceof ViewOp.Split sp) return new Tensor[] {split(sp, c)};
        Tensor g = c.g();
        int[] shape = c.inShape(0);
        Tensor gx = switch (op) {
            case ViewOp.Reshape r -> g.reshape(shape);
            case ViewOp.Permute p -> {
                int[] d = p.dims(), inv = new int[d.length];
                for (int i = 0; i < d.length; i++) inv[d[i]] = i;
                yield g.permute(inv);
            }
            case ViewOp.Expand e -> g;   // summed back to the input's shape by the engine
            case ViewOp.Slice s -> {
                int n = s.end() <= s.start() ? 0 : (s.end() - s.start() + s.step() - 1) / s.step();
                yield Embed.slice(g, shape, s.dim(), s.start(), n, s.step());
            }
            case ViewOp.Select s -> Embed.select(g, shape, s.dim(), s.index());
            case ViewOp.Squeeze s -> g.unsqueeze(s.dim());
            case ViewOp.Unsqueeze u -> g.squeeze(u.dim());
            case ViewOp.AsStrided a -> asStrided(a, g, c);
            case ViewOp.Split sp -> throw new IllegalStateException("unreachable");
        };
        return new Tensor[] {gx};
    }

    /** One cat of the pieces' gradients (zeros for a piece that got none), each unsqueezed back for unbind. */
    private static Tensor split(ViewOp.Split sp, Ctx c) {
        java.util.List<Tensor> parts = new java.util.ArrayList<>(c.outputCount());
        for (int i = 0; i < c.outputCount(); i++) {
            Tensor g = c.g(i) != null ? c.g(i) : Create.full(c.outShape(i), 0, c.inDtype(0), c.inMeta(0).device());
            parts.add(sp.squeeze() ? g.unsqueeze(sp.dim()) : g);
        }
        return Tensor.cat(parts, sp.dim());
    }

    /**
     * y = as_strided(x): each element of y reads one storage element; if that element belongs to x, its
     * gradient goes to that element of x. x itself must not overlap (no two elements on one storage slot).
     */
    private static Tensor asStrided(ViewOp.AsStrided a, Tensor g, Ctx c) {
        Tensor x = c.inMeta(0);
        int[] xs = x.shape(), xst = x.stride();
        Map<Integer, Integer> where = new HashMap<>();
        int[] idx = new int[xs.length];
        for (int k = 0; k < x.numel(); k++) {
            int p = x.storageOffset();
            for (int d = 0; d < xs.length; d++) p += idx[d] * xst[d];
            if (where.put(p, k) != null) {
                throw new IllegalArgumentException("as_strided backward: the input " + Shape.format(xs) + " with strides "
                        + Shape.format(xst) + " has several elements on one storage element; clone() it first");
            }
            next(idx, xs);
        }
        int[] ys = a.shape(), yst = a.strides();
        int[] pos = new int[Shape.numel(ys)];
        idx = new int[ys.length];
        for (int k = 0; k < pos.length; k++) {
            int p = a.offset();
            for (int d = 0; d < ys.length; d++) p += idx[d] * yst[d];
            pos[k] = where.getOrDefault(p, -1);
            next(idx, ys);
        }
        return Embed.flat(g, x.numel(), pos).reshape(xs);
    }

    /** Advances a row-major multi-index. */
    private static void next(int[] idx, int[] shape) {
        for (int d = shape.length - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) return;
            idx[d] = 0;
        }
    }
}
