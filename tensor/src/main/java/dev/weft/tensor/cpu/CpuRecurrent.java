package dev.weft.tensor.cpu;

import dev.weft.kernels.rnn.Cells;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.RecurrentOp;

/**
 * CPU execution of {@link RecurrentOp} through the kernels' fused cells. A (B, w) operand whose rows are
 * unit-stride (a time step selected from a (T, B, G) or (B, T, G) sequence, a narrowed batch) is read in
 * place with its row stride; other layouts are copied once. Outputs are the fresh contiguous blocks.
 */
final class CpuRecurrent {
    private CpuRecurrent() {}

    /** How the kernel reads one operand: array, offset, row stride. */
    private record Rows(Object array, int offset, int ld) {}

    static void run(RecurrentOp op, Strided[] in, Strided[] out) {
        int B = out[0].size(0);
        boolean f32 = in[0].dtype() == DType.F32;
        switch (op) {
            case RecurrentOp.LstmCell l -> {
                int H = out[0].size(1);
                Rows gx = rows(in[0]), gh = rows(in[1]), c = rows(in[2]), b = in.length > 3 ? rows(in[3]) : null;
                if (f32) {
                    Cells.lstm(B, H, (float[]) gx.array, gx.offset, gx.ld, (float[]) gh.array, gh.offset, gh.ld,
                            b == null ? null : (float[]) b.array, b == null ? 0 : b.offset, (float[]) c.array, c.offset, c.ld,
                            CpuStorage.f32(out[0]), out[0].storageOffset(), CpuStorage.f32(out[1]), out[1].storageOffset(),
                            CpuStorage.f32(out[2]), out[2].storageOffset());
                } else {
                    Cells.lstm(B, H, (double[]) gx.array, gx.offset, gx.ld, (double[]) gh.array, gh.offset, gh.ld,
                            b == null ? null : (double[]) b.array, b == null ? 0 : b.offset, (double[]) c.array, c.offset, c.ld,
                            CpuStorage.f64(out[0]), out[0].storageOffset(), CpuStorage.f64(out[1]), out[1].storageOffset(),
                            CpuStorage.f64(out[2]), out[2].storageOffset());
                }
            }
            case RecurrentOp.LstmCellBackward l -> {
                int H = out[1].size(1);
                Rows dh = rows(in[0]), dc = rows(in[1]), g = rows(in[2]), c = rows(in[3]), c2 = rows(in[4]);
                if (f32) {
                    Cells.lstmBackward(B, H, (float[]) dh.array, dh.offset, dh.ld, (float[]) dc.array, dc.offset, dc.ld,
                            (float[]) g.array, g.offset, g.ld, (float[]) c.array, c.offset, c.ld, (float[]) c2.array, c2.offset, c2.ld,
                            CpuStorage.f32(out[0]), out[0].storageOffset(), CpuStorage.f32(out[1]), out[1].storageOffset());
                } else {
                    Cells.lstmBackward(B, H, (double[]) dh.array, dh.offset, dh.ld, (double[]) dc.array, dc.offset, dc.ld,
                            (double[]) g.array, g.offset, g.ld, (double[]) c.array, c.offset, c.ld, (double[]) c2.array, c2.offset, c2.ld,
                            CpuStorage.f64(out[0]), out[0].storageOffset(), CpuStorage.f64(out[1]), out[1].storageOffset());
                }
            }
            case RecurrentOp.GruCell g -> {
                int H = out[0].size(1);
                Rows gx = rows(in[0]), gh = rows(in[1]), h = rows(in[2]), b = in.length > 3 ? rows(in[3]) : null;
                if (f32) {
                    Cells.gru(B, H, (float[]) gx.array, gx.offset, gx.ld, (float[]) gh.array, gh.offset, gh.ld,
                            b == null ? null : (float[]) b.array, b == null ? 0 : b.offset, (float[]) h.array, h.offset, h.ld,
                            CpuStorage.f32(out[0]), out[0].storageOffset(), CpuStorage.f32(out[1]), out[1].storageOffset());
                } else {
                    Cells.gru(B, H, (double[]) gx.array, gx.offset, gx.ld, (double[]) gh.array, gh.offset, gh.ld,
                            b == null ? null : (double[]) b.array, b == null ? 0 : b.offset, (double[]) h.array, h.offset, h.ld,
                            CpuStorage.f64(out[0]), out[0].storageOffset(), CpuStorage.f64(out[1]), out[1].storageOffset());
                }
            }
            case RecurrentOp.GruCellBackward g -> {
                int H = out[2].size(1);
                Rows dh = rows(in[0]), s = rows(in[1]), h = rows(in[2]);
                if (f32) {
                    Cells.gruBackward(B, H, (float[]) dh.array, dh.offset, dh.ld, (float[]) s.array, s.offset, s.ld,
                            (float[]) h.array, h.offset, h.ld, CpuStorage.f32(out[0]), out[0].storageOffset(),
                            CpuStorage.f32(out[1]), out[1].storageOffset(), CpuStorage.f32(out[2]), out[2].storageOffset());
                } else {
                    Cells.gruBackward(B, H, (double[]) dh.array, dh.offset, dh.ld, (double[]) s.array, s.offset, s.ld,
                            (double[]) h.array, h.offset, h.ld, CpuStorage.f64(out[0]), out[0].storageOffset(),
                            CpuStorage.f64(out[1]), out[1].storageOffset(), CpuStorage.f64(out[2]), out[2].storageOffset());
                }
            }
        }
    }

    /** A (B, w) or (w) operand as rows: in place when each row is unit-stride and rows do not overlap, else a copy. */
    private static Rows rows(Strided t) {
        int[] s = t.shape(), st = t.stride();
        int rows = s.length == 2 ? s[0] : 1, cols = s[s.length - 1];
        boolean unit = cols <= 1 || st[s.length - 1] == 1;
        int ld = s.length == 2 && rows > 1 ? st[0] : cols;
        if (unit && ld >= cols) return new Rows(CpuStorage.of(t).array(), t.storageOffset(), ld);
        return new Rows(CpuConvert.contiguous(t, null, t.dtype()), 0, cols);
    }
}
