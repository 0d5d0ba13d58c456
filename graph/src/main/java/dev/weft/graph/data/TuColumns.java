package dev.weft.graph.data;

import dev.weft.graph.HostTensors;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One optional TUDataset per-node / per-edge file as a dense (rows, width) F32 block; absent file: width 0. */
record TuColumns(int rows, int width, float[] data) {
    static TuColumns none(int rows) {
        return new TuColumns(rows, 0, new float[0]);
    }

    /** Comma-separated real attributes, one line per row, all lines as wide as the first. */
    static TuColumns attributes(Path file, int rows) throws IOException {
        if (!Files.exists(file)) return none(rows);
        TextLines t = TextLines.read(file, false);
        if (t.size() != rows) throw t.fileError("expected " + rows + " lines, got " + t.size());
        if (rows == 0) return none(0);
        int w = t.fields(0, -1, true).length;
        float[] out = new float[rows * w];
        for (int i = 0; i < rows; i++) {
            String[] f = t.fields(i, w, true);
            for (int j = 0; j < w; j++) out[i * w + j] = (float) t.number(i, f[j], "attribute");
        }
        return new TuColumns(rows, w, out);
    }

    /** Integer label columns, each shifted by its minimum and one-hot encoded (width max - min + 1), concatenated. */
    static TuColumns oneHotLabels(Path file, int rows) throws IOException {
        if (!Files.exists(file)) return none(rows);
        TextLines t = TextLines.read(file, false);
        if (t.size() != rows) throw t.fileError("expected " + rows + " lines, got " + t.size());
        if (rows == 0) return none(0);
        int cols = t.fields(0, -1, true).length;
        long[][] v = new long[cols][rows];
        for (int i = 0; i < rows; i++) {
            String[] f = t.fields(i, cols, true);
            for (int j = 0; j < cols; j++) v[j][i] = t.integer(i, f[j], "label");
        }
        long[] min = new long[cols];
        int[] width = new int[cols];
        int total = 0;
        for (int j = 0; j < cols; j++) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (long x : v[j]) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            if (hi - lo >= 1 << 20) throw t.fileError("label column " + j + " spans " + lo + " .. " + hi + ", too wide to one-hot");
            min[j] = lo;
            width[j] = (int) (hi - lo + 1);
            total += width[j];
        }
        float[] out = new float[rows * total];
        for (int i = 0; i < rows; i++) {
            int off = 0;
            for (int j = 0; j < cols; j++) {
                out[i * total + off + (int) (v[j][i] - min[j])] = 1;
                off += width[j];
            }
        }
        return new TuColumns(rows, total, out);
    }

    /** [a, b] side by side as an F32 (rows, wa + wb) tensor, or null when both are empty (PyG's cat of empties). */
    static Tensor concat(TuColumns a, TuColumns b, int rows) {
        int w = a.width + b.width;
        if (w == 0) return null;
        float[] out = new float[rows * w];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a.data, i * a.width, out, i * w, a.width);
            System.arraycopy(b.data, i * b.width, out, i * w + a.width, b.width);
        }
        return HostTensors.floats(out, rows, w);
    }
}
