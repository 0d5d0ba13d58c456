package dev.weft.tensor.cpu;

import dev.weft.kernels.rnn.Cells;
import dev.weft.kernels.rnn.LstmLayer;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Strided;
import dev.weft.tensor.op.RecurrentOp;

/**
 * CPU execution of {@link RecurrentOp} through the kernels' fused cells. A (B, w) operand whose rows are
 * unit-stride (a time step selected from a (T, B, G) or (B, T, G) sequence, a narrowed batch) is read in
 * place with its row stride; other layouts are copied once. Outputs are the fresh contiguous blocks. The
 * layer op reads its input x contiguous (a batch-first input's transpose is copied once, time-major) and
 * the output gradient with a step stride (a batch-first gradient in place).
 */
final class CpuRecurrent {
    private CpuRecurrent() {}

    /** How the kernel reads one operand: array, offset, row stride. */
    private record Rows(Object array, int offset, int ld) {}

    /** A (T, B, w) operand read as steps: array, offset, step stride, row stride (in place when rows are unit-stride). */
    private record Steps(Object array, int offset, int step, int ld) {}

    static void run(RecurrentOp op, Strided[] in, Strided[] out) {
        switch (op) {
            case RecurrentOp.LstmLayer l -> {
                lstmLayer(l, in, out);
                return;
            }
            case RecurrentOp.LstmLayerBackward l -> {
                lstmLayerBackward(l, in, out);
                return;
            }
            default -> cell(op, in, out);
        }
    }

    // x (T, B, C), w_ih, w_hh, h0, c0 [, bias] contiguous -> out (T, B, H), h_n, c_n (B, H), gates (T, B, 4H), cells (T, B, H)
    private static void lstmLayer(RecurrentOp.LstmLayer l, Strided[] in, Strided[] out) {
        int T = out[0].size(0), B = out[0].size(1), H = out[0].size(2), C = in[0].size(2);
        Contig[] c = new Contig[in.length];
        for (int k = 0; k < in.length; k++) c[k] = Contig.of(in[k]);
        boolean bias = in.length > 5;
        if (in[0].dtype() == DType.F32) {
            LstmLayer.forward(l.reverse(), T, B, C, H, f32(c[0]), c[0].offset(), f32(c[1]), c[1].offset(), f32(c[2]), c[2].offset(),
                    bias ? f32(c[5]) : null, bias ? c[5].offset() : 0, f32(c[3]), c[3].offset(), f32(c[4]), c[4].offset(),
                    CpuStorage.f32(out[0]), out[0].storageOffset(), CpuStorage.f32(out[1]), out[1].storageOffset(),
                    CpuStorage.f32(out[2]), out[2].storageOffset(), CpuStorage.f32(out[3]), out[3].storageOffset(),
                    CpuStorage.f32(out[4]), out[4].storageOffset());
        } else {
            LstmLayer.forward(l.reverse(), T, B, C, H, f64(c[0]), c[0].offset(), f64(c[1]), c[1].offset(), f64(c[2]), c[2].offset(),
                    bias ? f64(c[5]) : null, bias ? c[5].offset() : 0, f64(c[3]), c[3].offset(), f64(c[4]), c[4].offset(),
                    CpuStorage.f64(out[0]), out[0].storageOffset(), CpuStorage.f64(out[1]), out[1].storageOffset(),
                    CpuStorage.f64(out[2]), out[2].storageOffset(), CpuStorage.f64(out[3]), out[3].storageOffset(),
                    CpuStorage.f64(out[4]), out[4].storageOffset());
        }
    }

    // dOut (T, B, H) as steps; the rest contiguous -> dx (T, B, C) or (0), dw_ih, dw_hh, dbias, dh0, dc0
    private static void lstmLayerBackward(RecurrentOp.LstmLayerBackward l, Strided[] in, Strided[] out) {
        int T = in[0].size(0), B = in[0].size(1), H = in[0].size(2), C = in[5].size(2);
        Steps d = steps(in[0]);
        Contig[] c = new Contig[in.length];
        for (int k = 1; k < in.length; k++) c[k] = Contig.of(in[k]);
        boolean dx = l.inputGrad();
        if (in[0].dtype() == DType.F32) {
            LstmLayer.backward(l.reverse(), T, B, C, H, (float[]) d.array, d.offset, d.step, d.ld, f32(c[1]), c[1].offset(),
                    f32(c[2]), c[2].offset(), f32(c[3]), c[3].offset(), f32(c[4]), c[4].offset(), f32(c[5]), c[5].offset(),
                    f32(c[6]), c[6].offset(), f32(c[7]), c[7].offset(), f32(c[8]), c[8].offset(), f32(c[9]), c[9].offset(),
                    f32(c[10]), c[10].offset(), dx ? CpuStorage.f32(out[0]) : null, out[0].storageOffset(),
                    CpuStorage.f32(out[1]), out[1].storageOffset(), CpuStorage.f32(out[2]), out[2].storageOffset(),
                    CpuStorage.f32(out[3]), out[3].storageOffset(), CpuStorage.f32(out[4]), out[4].storageOffset(),
                    CpuStorage.f32(out[5]), out[5].storageOffset());
        } else {
            LstmLayer.backward(l.reverse(), T, B, C, H, (double[]) d.array, d.offset, d.step, d.ld, f64(c[1]), c[1].offset(),
                    f64(c[2]), c[2].offset(), f64(c[3]), c[3].offset(), f64(c[4]), c[4].offset(), f64(c[5]), c[5].offset(),
                    f64(c[6]), c[6].offset(), f64(c[7]), c[7].offset(), f64(c[8]), c[8].offset(), f64(c[9]), c[9].offset(),
                    f64(c[10]), c[10].offset(), dx ? CpuStorage.f64(out[0]) : null, out[0].storageOffset(),
                    CpuStorage.f64(out[1]), out[1].storageOffset(), CpuStorage.f64(out[2]), out[2].storageOffset(),
                    CpuStorage.f64(out[3]), out[3].storageOffset(), CpuStorage.f64(out[4]), out[4].storageOffset(),
                    CpuStorage.f64(out[5]), out[5].storageOffset());
        }
    }

    private static float[] f32(Contig c) {
        return (float[]) c.array();
    }

    private static double[] f64(Contig c) {
        return (double[]) c.array();
    }

    /** A (T, B, w) operand as steps (read only): in place when its rows are unit-stride and do not overlap, else a copy. */
    private static Steps steps(Strided t) {
        int[] s = t.shape(), st = t.stride();
        int T = s[0], B = s[1], w = s[2];
        boolean unit = w <= 1 || st[2] == 1;
        int ld = B > 1 ? st[1] : w, step = T > 1 ? st[0] : B * w;
        if (unit && step >= 0 && (B <= 1 || ld >= w)) return new Steps(CpuStorage.of(t).array(), t.storageOffset(), step, ld);
        return new Steps(CpuConvert.contiguous(t, null, t.dtype()), 0, B * w, w);
    }

    private static void cell(RecurrentOp op, Strided[] in, Strided[] out) {
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
            case RecurrentOp.LstmLayer l -> throw new IllegalStateException("lstm_layer is not a cell");
            case RecurrentOp.LstmLayerBackward l -> throw new IllegalStateException("lstm_layer_backward is not a cell");
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
