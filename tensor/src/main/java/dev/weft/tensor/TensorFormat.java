package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.core.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tensor printing in PyTorch's layout: nested brackets, one aligned column width, 4 decimals (or
 * scientific notation when values span {@code < 1e-4 .. > 1e8}), rows wrapped at 80 characters, and past
 * 1000 elements only the first and last 3 entries of each dim around "...". Ends with shape and dtype:
 * {@code tensor([[1.0000, 2.0000],\n        [3.0000, 4.0000]], shape=(2, 2), dtype=f32)}.
 */
public final class TensorFormat {
    private TensorFormat() {}

    /** Elements above which printing summarizes. */
    public static final int THRESHOLD = 1000;
    /** Entries kept at each end of a summarized dim. */
    public static final int EDGE_ITEMS = 3;
    /** Decimals of fixed-point floats. */
    public static final int PRECISION = 4;
    private static final int LINE_WIDTH = 80;

    /**
     * {@return the printed form of t (copies its values to the host)}
     *
     * @param t the tensor
     */
    public static String format(Tensor t) {
        int[] shape = t.shape();
        Object host = t.toHost();
        boolean summarize = t.numel() > THRESHOLD;
        int[] strides = Shape.contiguousStrides(shape);
        List<Integer> shown = new ArrayList<>();
        collect(shape, strides, 0, 0, summarize, shown);
        Formatter f = new Formatter(t.dtype(), host, shown);
        String prefix = "tensor(";
        StringBuilder sb = new StringBuilder(prefix);
        if (t.numel() == 0 && shape.length > 0) {
            sb.append("[]");
        } else {
            body(sb, shape, strides, 0, 0, prefix.length(), summarize, f);
        }
        sb.append(", shape=").append(Shape.format(shape)).append(", dtype=").append(t.dtype());
        if (!t.device().equals(Device.CPU)) sb.append(", device=").append(t.device());
        return sb.append(')').toString();
    }

    private static boolean cut(int size, boolean summarize) {
        return summarize && size > 2 * EDGE_ITEMS;
    }

    private static void collect(int[] shape, int[] st, int d, int off, boolean summarize, List<Integer> out) {
        if (d == shape.length) {
            out.add(off);
            return;
        }
        int n = shape[d];
        for (int i = 0; i < n; i++) {
            if (cut(n, summarize) && i == EDGE_ITEMS) i = n - EDGE_ITEMS;
            collect(shape, st, d + 1, off + i * st[d], summarize, out);
        }
    }

    private static void body(StringBuilder sb, int[] shape, int[] st, int d, int off, int indent, boolean summarize, Formatter f) {
        if (d == shape.length) {
            sb.append(f.pad(off));
            return;
        }
        int n = shape[d];
        sb.append('[');
        if (d == shape.length - 1) {
            int perLine = Math.max(1, (LINE_WIDTH - indent - 1) / (f.width + 2));
            int onLine = 0;
            for (int i = 0; i < n; i++) {
                if (cut(n, summarize) && i == EDGE_ITEMS) {
                    sb.append("..., ");
                    i = n - EDGE_ITEMS;
                }
                if (onLine == perLine) {
                    sb.append('\n').append(" ".repeat(indent + 1));
                    onLine = 0;
                }
                sb.append(f.pad(off + i * st[d]));
                if (i < n - 1) sb.append(i < n - 1 && onLine + 1 < perLine ? ", " : ",");
                onLine++;
            }
        } else {
            String sep = "," + "\n".repeat(shape.length - d - 1) + " ".repeat(indent + 1);
            for (int i = 0; i < n; i++) {
                if (cut(n, summarize) && i == EDGE_ITEMS) {
                    sb.append("...").append(sep);
                    i = n - EDGE_ITEMS;
                }
                body(sb, shape, st, d + 1, off + i * st[d], indent + 1, summarize, f);
                if (i < n - 1) sb.append(sep);
            }
        }
        sb.append(']');
    }

    /** Formats single elements with one width over all shown elements. */
    private static final class Formatter {
        final DType dtype;
        final Object host;
        final boolean sci;
        final int width;

        Formatter(DType dtype, Object host, List<Integer> shown) {
            this.dtype = dtype;
            this.host = host;
            boolean s = false;
            if (dtype.isFloatingPoint()) {
                double maxAbs = 0, minAbs = Double.POSITIVE_INFINITY;
                for (int i : shown) {
                    double v = Math.abs(value(i));
                    if (!Double.isFinite(v) || v == 0) continue;
                    maxAbs = Math.max(maxAbs, v);
                    minAbs = Math.min(minAbs, v);
                }
                s = maxAbs > 1e8 || (minAbs < 1e-4 && minAbs != Double.POSITIVE_INFINITY);
            }
            this.sci = s;
            int w = 1;
            for (int i : shown) w = Math.max(w, raw(i).length());
            this.width = w;
        }

        double value(int i) {
            return switch (host) {
                case float[] a -> a[i];
                case double[] a -> a[i];
                default -> 0;
            };
        }

        String raw(int i) {
            return switch (host) {
                case int[] a -> Integer.toString(a[i]);
                case long[] a -> Long.toString(a[i]);
                case boolean[] a -> a[i] ? "true" : "false";
                default -> {
                    double v = value(i);
                    if (Double.isNaN(v)) yield "nan";
                    if (Double.isInfinite(v)) yield v > 0 ? "inf" : "-inf";
                    yield sci ? String.format(Locale.ROOT, "%." + PRECISION + "e", v)
                            : String.format(Locale.ROOT, "%." + PRECISION + "f", v);
                }
            };
        }

        String pad(int i) {
            String r = raw(i);
            return r.length() >= width ? r : " ".repeat(width - r.length()) + r;
        }
    }
}
