package dev.weft.nn.onnx;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Shape and data-movement operators, and the exporter's glue: Shape, Reshape, Flatten, Transpose, Concat, Gather,
 * Slice, Squeeze, Unsqueeze, Split, Expand, Constant, ConstantOfShape, Range, Pad, Identity, Dropout. Opset
 * differences: Squeeze/Unsqueeze/Split take axes (split sizes) as an input from opset 13, an attribute before.
 * Shape values travel as I64 tensors, as in ONNX.
 */
final class ShapeOps {
    private ShapeOps() {}

    static void register(Map<String, OnnxOp> ops) {
        ops.put("Identity", n -> {
            n.arity(1, 1, 1).noOtherAttributes();
            return in -> new Tensor[] {in[0]};
        });
        ops.put("Dropout", ShapeOps::dropout);
        ops.put("Shape", ShapeOps::shape);
        ops.put("Reshape", ShapeOps::reshape);
        ops.put("Flatten", n -> {
            n.arity(1, 1, 1);
            long axis = n.i("axis", 1);
            n.noOtherAttributes();
            String who = n.label();
            return OnnxOp.single(in -> {
                Tensor x = in[0];
                int ax = Values.axis(who, axis, x.dim() + 1);
                int outer = 1, inner = 1;
                for (int i = 0; i < x.dim(); i++) {
                    if (i < ax) outer *= x.size(i);
                    else inner *= x.size(i);
                }
                return x.reshape(outer, inner);
            });
        });
        ops.put("Transpose", n -> {
            n.arity(1, 1, 1);
            int[] perm = n.ints("perm");
            n.noOtherAttributes();
            return OnnxOp.single(in -> {
                Tensor x = in[0];
                int[] p = perm;
                if (p == null) {
                    p = new int[x.dim()];
                    for (int i = 0; i < p.length; i++) p[i] = p.length - 1 - i;
                }
                return x.permute(p);
            });
        });
        ops.put("Concat", n -> {
            n.arity(1, Integer.MAX_VALUE, 1);
            long axis = n.i("axis", Long.MIN_VALUE);
            if (axis == Long.MIN_VALUE) throw n.error("attribute 'axis' is required");
            n.noOtherAttributes();
            String who = n.label();
            return OnnxOp.single(in -> Tensor.cat(Arrays.asList(in), Values.axis(who, axis, in[0].dim())));
        });
        ops.put("Gather", ShapeOps::gather);
        ops.put("Slice", ShapeOps::slice);
        ops.put("Squeeze", ShapeOps::squeeze);
        ops.put("Unsqueeze", ShapeOps::unsqueeze);
        ops.put("Split", ShapeOps::split);
        ops.put("Expand", n -> {
            n.arity(2, 2, 1).noOtherAttributes();
            String who = n.label();
            return OnnxOp.single(in -> {
                int[] target = Values.ints(in[1], who + " shape");
                int[] out = Shape.broadcast(who, in[0].shape(), target);
                return Arrays.equals(out, in[0].shape()) ? in[0] : in[0].expand(out);
            });
        });
        ops.put("Constant", ShapeOps::constant);
        ops.put("ConstantOfShape", n -> {
            n.arity(1, 1, 1);
            Tensor value = n.tensor("value");
            n.noOtherAttributes();
            if (value != null && value.numel() != 1) throw n.error("'value' must hold one element, got " + Values.shape(value));
            double v = value == null ? 0 : value.item();
            DType t = value == null ? DType.F32 : value.dtype();
            String who = n.label();
            return OnnxOp.single(in -> Tensor.full(v, t, Values.ints(in[0], who + " shape")));
        });
        ops.put("Range", n -> {
            n.arity(3, 3, 1).noOtherAttributes();
            return OnnxOp.single(in -> {
                if (in[0].dtype().isFloatingPoint()) {
                    return Tensor.arange(in[0].item(), in[1].item(), in[2].item(), in[0].dtype());
                }
                return Tensor.arange(in[0].itemLong(), in[1].itemLong(), in[2].itemLong()).to(in[0].dtype());
            });
        });
        ops.put("Pad", ShapeOps::pad);
    }

    /** Dropout at inference is the identity; the optional mask output is all true. */
    private static OnnxOp.Kernel dropout(OpNode n) {
        n.arity(1, 3, 2);
        n.f("ratio", 0.5f);
        n.i("seed", 0);
        n.noOtherAttributes();
        boolean mask = n.outputCount() > 1;
        return in -> mask ? new Tensor[] {in[0], Tensor.full(1, DType.BOOL, in[0].shape())} : new Tensor[] {in[0]};
    }

    /** Shape (with opset 15's start / end window) as a 1-d I64 tensor. */
    private static OnnxOp.Kernel shape(OpNode n) {
        n.arity(1, 1, 1);
        long start = n.i("start", 0), end = n.i("end", Long.MAX_VALUE);
        n.noOtherAttributes();
        return OnnxOp.single(in -> {
            int[] s = in[0].shape();
            int r = s.length;
            int a = (int) Math.max(0, Math.min(r, start < 0 ? start + r : start));
            int b = (int) Math.max(0, Math.min(r, end < 0 ? end + r : end));
            long[] out = new long[Math.max(0, b - a)];
            for (int i = 0; i < out.length; i++) out[i] = s[a + i];
            return Tensor.of(out);
        });
    }

    /** Reshape: 0 copies the input's dim (unless allowzero), -1 is inferred. */
    private static OnnxOp.Kernel reshape(OpNode n) {
        n.arity(2, 2, 1);
        boolean allowZero = n.i("allowzero", 0) != 0;
        n.noOtherAttributes();
        String who = n.label();
        return OnnxOp.single(in -> {
            Tensor x = in[0];
            int[] s = Values.ints(in[1], who + " shape");
            for (int i = 0; i < s.length; i++) {
                if (s[i] == 0 && !allowZero) {
                    if (i >= x.dim()) throw new IllegalArgumentException(who + ": shape " + Arrays.toString(s) + " copies dim " + i
                            + " of input " + Values.shape(x));
                    s[i] = x.size(i);
                }
            }
            return x.reshape(s);
        });
    }

    /** Gather along axis: out = data.shape[:axis] + indices.shape + data.shape[axis+1:]; negative indices count from the end. */
    private static OnnxOp.Kernel gather(OpNode n) {
        n.arity(2, 2, 1);
        long axis = n.i("axis", 0);
        n.noOtherAttributes();
        String who = n.label();
        return OnnxOp.single(in -> {
            Tensor x = in[0], idx = in[1];
            int ax = Values.axis(who, axis, x.dim());
            int size = x.size(ax);
            if (idx.dim() == 0) {
                long i = idx.itemLong();
                if (i < -size || i >= size) throw new IllegalArgumentException(who + ": index " + i + " out of range for dim " + ax
                        + " of " + Values.shape(x));
                return x.select(ax, (int) (i < 0 ? i + size : i));
            }
            Tensor flat = idx.reshape(-1).to(DType.I64);
            flat = Tensor.where(flat.lt(0L), flat.add((long) size), flat);
            Tensor g = x.indexSelect(ax, flat);
            int[] out = new int[x.dim() - 1 + idx.dim()];
            int k = 0;
            for (int i = 0; i < ax; i++) out[k++] = x.size(i);
            for (int d : idx.shape()) out[k++] = d;
            for (int i = ax + 1; i < x.dim(); i++) out[k++] = x.size(i);
            return g.reshape(out);
        });
    }

    /**
     * Slice (opset 10+: starts, ends, axes, steps as inputs). Bounds are clamped as ONNX specifies; a negative step
     * walks backwards (the dim is flipped and sliced forwards).
     */
    private static OnnxOp.Kernel slice(OpNode n) {
        if (n.opset() < 10) throw n.error("Slice before opset 10 (attributes) is not supported");
        n.arity(3, 5, 1).noOtherAttributes();
        String who = n.label();
        return OnnxOp.single(in -> {
            Tensor x = in[0];
            long[] starts = Values.longs(in[1], who + " starts"), ends = Values.longs(in[2], who + " ends");
            long[] axes = in.length > 3 && in[3] != null ? Values.longs(in[3], who + " axes") : null;
            long[] steps = in.length > 4 && in[4] != null ? Values.longs(in[4], who + " steps") : null;
            if (ends.length != starts.length || (axes != null && axes.length != starts.length)
                    || (steps != null && steps.length != starts.length)) {
                throw new IllegalArgumentException(who + ": starts, ends, axes and steps must have one length, got "
                        + starts.length + ", " + ends.length + (axes == null ? "" : ", " + axes.length)
                        + (steps == null ? "" : ", " + steps.length));
            }
            for (int i = 0; i < starts.length; i++) {
                int ax = Values.axis(who, axes == null ? i : axes[i], x.dim());
                long step = steps == null ? 1 : steps[i];
                if (step == 0) throw new IllegalArgumentException(who + ": step 0");
                long dim = x.size(ax);
                long s = starts[i] < 0 ? starts[i] + dim : starts[i];
                long e = ends[i] < 0 ? ends[i] + dim : ends[i];
                if (step > 0) {
                    s = Math.max(0, Math.min(dim, s));
                    e = Math.max(0, Math.min(dim, e));
                    if (s == 0 && e == dim && step == 1) continue;
                    x = x.slice(ax, (int) s, (int) Math.max(s, e), Values.clampToInt(step));
                } else {
                    s = Math.max(-1, Math.min(dim - 1, s));
                    e = Math.max(-1, Math.min(dim - 1, e));
                    // flipped index j = dim - 1 - i: elements s, s+step, ... > e become s', s'-step, ... < e'
                    long fs = dim - 1 - s, fe = dim - 1 - e;
                    x = x.flip(ax).slice(ax, (int) fs, (int) Math.max(fs, fe), Values.clampToInt(-step));
                }
            }
            return x;
        });
    }

    private static int[] axesFrom(OpNode n, Tensor[] in, int[] attr, String who) {
        if (n.opset() >= 13) return in.length > 1 && in[1] != null ? Values.ints(in[1], who + " axes") : null;
        return attr;
    }

    private static OnnxOp.Kernel squeeze(OpNode n) {
        boolean input = n.opset() >= 13;
        n.arity(1, input ? 2 : 1, 1);
        int[] attr = input ? null : n.ints("axes");
        n.noOtherAttributes();
        String who = n.label();
        return OnnxOp.single(in -> {
            Tensor x = in[0];
            int[] axes = axesFrom(n, in, attr, who);
            if (axes == null) return x.squeeze();
            boolean[] drop = new boolean[x.dim()];
            for (int a : axes) {
                int ax = Values.axis(who, a, x.dim());
                if (x.size(ax) != 1) throw new IllegalArgumentException(who + ": cannot squeeze axis " + a + " of " + Values.shape(x));
                drop[ax] = true;
            }
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < x.dim(); i++) if (!drop[i]) keep.add(x.size(i));
            return x.reshape(keep.stream().mapToInt(Integer::intValue).toArray());
        });
    }

    private static OnnxOp.Kernel unsqueeze(OpNode n) {
        boolean input = n.opset() >= 13;
        n.arity(input ? 2 : 1, input ? 2 : 1, 1);
        int[] attr = input ? null : n.ints("axes");
        if (!input && attr == null) throw n.error("attribute 'axes' is required");
        n.noOtherAttributes();
        String who = n.label();
        return OnnxOp.single(in -> {
            Tensor x = in[0];
            int[] axes = axesFrom(n, in, attr, who);
            int rank = x.dim() + axes.length;
            boolean[] inserted = new boolean[rank];
            for (int a : axes) {
                int ax = Values.axis(who, a, rank);
                if (inserted[ax]) throw new IllegalArgumentException(who + ": axis " + a + " repeated");
                inserted[ax] = true;
            }
            int[] out = new int[rank];
            for (int i = 0, k = 0; i < rank; i++) out[i] = inserted[i] ? 1 : x.size(k++);
            return x.reshape(out);
        });
    }

    /** Split into the node's outputs: sizes from the attribute (before 13) or input (13+), else equal parts. */
    private static OnnxOp.Kernel split(OpNode n) {
        boolean input = n.opset() >= 13;
        n.arity(1, input ? 2 : 1, Integer.MAX_VALUE);
        long axis = n.i("axis", 0);
        int[] attr = input ? null : n.ints("split");
        long numOutputs = n.i("num_outputs", 0);
        n.noOtherAttributes();
        int outputs = n.outputCount();
        String who = n.label();
        return in -> {
            Tensor x = in[0];
            int ax = Values.axis(who, axis, x.dim());
            int[] sizes = input ? (in.length > 1 && in[1] != null ? Values.ints(in[1], who + " split") : null) : attr;
            if (sizes == null) {
                int parts = numOutputs > 0 ? (int) numOutputs : outputs;
                int size = x.size(ax), each = (size + parts - 1) / parts;
                sizes = new int[parts];
                for (int i = 0; i < parts; i++) sizes[i] = Math.max(0, Math.min(each, size - i * each));
            }
            return x.split(sizes, ax).toArray(new Tensor[0]);
        };
    }

    private static OnnxOp.Kernel constant(OpNode n) {
        n.arity(0, 0, 1);
        Tensor value;
        if (n.has("value")) value = n.tensor("value");
        else if (n.has("value_float")) value = Tensor.scalar(n.f("value_float", 0));
        else if (n.has("value_floats")) value = Tensor.of(n.floats("value_floats"));
        else if (n.has("value_int")) value = Tensor.scalar(n.i("value_int", 0), DType.I64);
        else if (n.has("value_ints")) value = Tensor.of(Arrays.stream(n.ints("value_ints")).asLongStream().toArray());
        else throw n.error("needs one of value, value_float, value_floats, value_int, value_ints");
        n.noOtherAttributes();
        Tensor v = value;
        return in -> new Tensor[] {v};
    }

    /** Pad (opset 11+: pads as input, [x1_begin, x2_begin, ..., x1_end, ...]); modes constant, reflect, edge. */
    private static OnnxOp.Kernel pad(OpNode n) {
        if (n.opset() < 11) throw n.error("Pad before opset 11 (pads as attribute) is not supported");
        n.arity(2, 3, 1);
        String mode = n.s("mode", "constant");
        String weftMode = switch (mode) {
            case "constant" -> "constant";
            case "reflect" -> "reflect";
            case "edge" -> "replicate";
            default -> throw n.error("mode '" + mode + "' is not supported (constant, reflect, edge)");
        };
        n.noOtherAttributes();
        String who = n.label();
        return OnnxOp.single(in -> {
            Tensor x = in[0];
            int[] p = Values.ints(in[1], who + " pads");
            int r = x.dim();
            if (p.length != 2 * r) throw new IllegalArgumentException(who + ": pads has " + p.length + " values, input " + Values.shape(x)
                    + " needs " + 2 * r);
            double value = in.length > 2 && in[2] != null && in[2].numel() > 0 ? in[2].item() : 0;
            boolean any = false;
            int[] w = new int[2 * r]; // Weft / torch order: (left, right) of the last dim first
            for (int d = 0; d < r; d++) {
                w[2 * (r - 1 - d)] = p[d];
                w[2 * (r - 1 - d) + 1] = p[d + r];
                any |= p[d] != 0 || p[d + r] != 0;
            }
            return any ? dev.weft.tensor.Joining.pad(x, w, weftMode, value) : x;
        });
    }
}
