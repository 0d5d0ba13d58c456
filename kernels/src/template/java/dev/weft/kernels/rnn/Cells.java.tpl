//@class Cells
package dev.weft.kernels.rnn;

import dev.weft.kernels.Bounds;
import dev.weft.kernels.KernelImpl;
import dev.weft.kernels.Parallel;

/**
 * Facade of the fused recurrent cells, the pointwise half of one LSTM or GRU step (the gate products are a
 * GEMM before it). Operands are row-major (B, width) blocks: offset, row stride {@code ld} (>= width) and unit
 * stride along the row; outputs are contiguous. Gate order is PyTorch's. B rows split over the shared pool in
 * whole rows (one task per row, so the bits never depend on the thread count); {@link CellsSimdF32} /
 * {@link CellsSimdF64} or {@link CellsScalarF32} / {@link CellsScalarF64} by {@link KernelImpl#current()}.
 * Only the outputs are written; they must not overlap the inputs.
 *
 * <pre>
 * lstm:          p = gx + gh (+ b), (B, 4H) in blocks (i, f, g, o)
 *                i, f, o = sigmoid(p_i, p_f, p_o), g = tanh(p_g); c' = f c + i g; h' = o tanh(c')
 *                writes h' (B, H), c' (B, H), gates = (i, f, g, o) (B, 4H)
 * lstmBackward:  dct = dc' + dh' o (1 - tanh(c')^2)
 *                dp = (dct g i (1 - i), dct c f (1 - f), dct i (1 - g^2), dh' tanh(c') o (1 - o)); dc = dct f
 *                writes dp (B, 4H), dc (B, H)
 * gru:           r = sigmoid(gx_r + gh_r (+ b_r)), z = sigmoid(gx_z + gh_z (+ b_z)), hn = gh_n (+ b_n)
 *                n = tanh(gx_n + r hn); h' = n + z (h - n)
 *                writes h' (B, H), saved = (r, z, n, hn) (B, 4H)
 * gruBackward:   dn = dh' (1 - z)(1 - n^2), dz = dh' (h - n) z (1 - z), dr = dn hn r (1 - r)
 *                writes dgx = (dr, dz, dn) (B, 3H), dgh = (dr, dz, dn r) (B, 3H), dh = dh' z (B, H)
 * </pre>
 */
public final class Cells {
    private Cells() {}

    private static boolean simd() {
        return KernelImpl.current() == KernelImpl.SIMD;
    }

    /** Work units of one row with this many elements (a sigmoid or tanh costs about ten adds). */
    private static long rowCost(int elements) {
        return 10L * elements;
    }

    private static void sizes(String kernel, int B, int H) {
        if (B < 0 || H < 0) throw new IllegalArgumentException(kernel + ": sizes B " + B + ", H " + H + " must be >= 0");
    }

    private static void mat(String kernel, String operand, int length, int off, int ld, int rows, int cols) {
        Bounds.block(kernel, operand, length, off, ld, rows, cols);
    }

    //@each F32 F64
    /**
     * ${D} LSTM cell forward (see the class comment); bias may be null. Writes hOut, cOut, gates.
     *
     * @param B batch rows
     * @param H hidden size
     * @param gx the input-side gate pre-activations x W_ih^T, (B, 4H) for LSTM, (B, 3H) for GRU
     * @param gxOff index of gx's first element
     * @param gxLd row stride of gx (distance between its rows)
     * @param gh the hidden-side gate pre-activations h W_hh^T, shaped like gx
     * @param ghOff index of gh's first element
     * @param ghLd row stride of gh (distance between its rows)
     * @param bias the bias added to the pre-activations (4H for LSTM, b_hh 3H for GRU), or null
     * @param bOff index of b's first element
     * @param c the previous cell state c (B, H)
     * @param cOff index of c's first element
     * @param cLd row stride of c (distance between its rows)
     * @param hOut the new hidden state h' (B, H), written
     * @param hOutOff index of hOut's first element
     * @param cOut the new cell state c' (B, H), written
     * @param cOutOff index of cOut's first element
     * @param gates the activated gates (i, f, g, o) (B, 4H): written by lstm, read by lstmBackward
     * @param gOff index of g's first element
     */
    public static void lstm(int B, int H, ${t}[] gx, int gxOff, int gxLd, ${t}[] gh, int ghOff, int ghLd, ${t}[] bias, int bOff,
                            ${t}[] c, int cOff, int cLd, ${t}[] hOut, int hOutOff, ${t}[] cOut, int cOutOff, ${t}[] gates, int gOff) {
        String k = "lstm cell";
        sizes(k, B, H);
        mat(k, "gx", gx.length, gxOff, gxLd, B, 4 * H);
        mat(k, "gh", gh.length, ghOff, ghLd, B, 4 * H);
        if (bias != null) mat(k, "bias", bias.length, bOff, 4 * H, 1, 4 * H);
        mat(k, "c", c.length, cOff, cLd, B, H);
        mat(k, "hOut", hOut.length, hOutOff, H, B, H);
        mat(k, "cOut", cOut.length, cOutOff, H, B, H);
        mat(k, "gates", gates.length, gOff, 4 * H, B, 4 * H);
        boolean simd = simd();
        Parallel.forRows(B, rowCost(4 * H), (b0, b1) -> {
            if (simd) CellsSimd${D}.lstm(b0, b1, H, gx, gxOff, gxLd, gh, ghOff, ghLd, bias, bOff, c, cOff, cLd, hOut, hOutOff, cOut, cOutOff, gates, gOff);
            else CellsScalar${D}.lstm(b0, b1, H, gx, gxOff, gxLd, gh, ghOff, ghLd, bias, bOff, c, cOff, cLd, hOut, hOutOff, cOut, cOutOff, gates, gOff);
        });
    }

    /**
     * ${D} LSTM cell backward (see the class comment). Writes dpre, dcPrev.
     *
     * @param B batch rows
     * @param H hidden size
     * @param dh the gradient of h' (B, H)
     * @param dhOff index of dh's first element
     * @param dhLd row stride of dh (distance between its rows)
     * @param dc the gradient of c' (B, H)
     * @param dcOff index of dc's first element
     * @param dcLd row stride of dc (distance between its rows)
     * @param gates the activated gates (i, f, g, o) (B, 4H): written by lstm, read by lstmBackward
     * @param gOff index of g's first element
     * @param gLd row stride of g (distance between its rows)
     * @param c the previous cell state c (B, H)
     * @param cOff index of c's first element
     * @param cLd row stride of c (distance between its rows)
     * @param c2 the new cell state c' (B, H) of the forward
     * @param c2Off index of c2's first element
     * @param c2Ld row stride of c2 (distance between its rows)
     * @param dpre the gradient of the pre-activations p (B, 4H), written
     * @param dpOff index of dp's first element
     * @param dcPrev the gradient of the previous cell state (B, H), written
     * @param dcpOff index of dcp's first element
     */
    public static void lstmBackward(int B, int H, ${t}[] dh, int dhOff, int dhLd, ${t}[] dc, int dcOff, int dcLd,
                                    ${t}[] gates, int gOff, int gLd, ${t}[] c, int cOff, int cLd, ${t}[] c2, int c2Off, int c2Ld,
                                    ${t}[] dpre, int dpOff, ${t}[] dcPrev, int dcpOff) {
        String k = "lstm cell backward";
        sizes(k, B, H);
        mat(k, "dh", dh.length, dhOff, dhLd, B, H);
        mat(k, "dc", dc.length, dcOff, dcLd, B, H);
        mat(k, "gates", gates.length, gOff, gLd, B, 4 * H);
        mat(k, "c", c.length, cOff, cLd, B, H);
        mat(k, "c2", c2.length, c2Off, c2Ld, B, H);
        mat(k, "dpre", dpre.length, dpOff, 4 * H, B, 4 * H);
        mat(k, "dcPrev", dcPrev.length, dcpOff, H, B, H);
        boolean simd = simd();
        Parallel.forRows(B, rowCost(4 * H), (b0, b1) -> {
            if (simd) CellsSimd${D}.lstmBackward(b0, b1, H, dh, dhOff, dhLd, dc, dcOff, dcLd, gates, gOff, gLd, c, cOff, cLd, c2, c2Off, c2Ld, dpre, dpOff, dcPrev, dcpOff);
            else CellsScalar${D}.lstmBackward(b0, b1, H, dh, dhOff, dhLd, dc, dcOff, dcLd, gates, gOff, gLd, c, cOff, cLd, c2, c2Off, c2Ld, dpre, dpOff, dcPrev, dcpOff);
        });
    }

    /**
     * ${D} GRU cell forward (see the class comment); bias (b_hh) may be null. Writes hOut, saved.
     *
     * @param B batch rows
     * @param H hidden size
     * @param gx the input-side gate pre-activations x W_ih^T, (B, 4H) for LSTM, (B, 3H) for GRU
     * @param gxOff index of gx's first element
     * @param gxLd row stride of gx (distance between its rows)
     * @param gh the hidden-side gate pre-activations h W_hh^T, shaped like gx
     * @param ghOff index of gh's first element
     * @param ghLd row stride of gh (distance between its rows)
     * @param bias the bias added to the pre-activations (4H for LSTM, b_hh 3H for GRU), or null
     * @param bOff index of b's first element
     * @param h the previous hidden state h (B, H)
     * @param hOff index of h's first element
     * @param hLd row stride of h (distance between its rows)
     * @param hOut the new hidden state h' (B, H), written
     * @param hOutOff index of hOut's first element
     * @param saved the saved (r, z, n, hn) (B, 4H): written by gru, read by gruBackward
     * @param sOff index of src's first element
     */
    public static void gru(int B, int H, ${t}[] gx, int gxOff, int gxLd, ${t}[] gh, int ghOff, int ghLd, ${t}[] bias, int bOff,
                           ${t}[] h, int hOff, int hLd, ${t}[] hOut, int hOutOff, ${t}[] saved, int sOff) {
        String k = "gru cell";
        sizes(k, B, H);
        mat(k, "gx", gx.length, gxOff, gxLd, B, 3 * H);
        mat(k, "gh", gh.length, ghOff, ghLd, B, 3 * H);
        if (bias != null) mat(k, "bias", bias.length, bOff, 3 * H, 1, 3 * H);
        mat(k, "h", h.length, hOff, hLd, B, H);
        mat(k, "hOut", hOut.length, hOutOff, H, B, H);
        mat(k, "saved", saved.length, sOff, 4 * H, B, 4 * H);
        boolean simd = simd();
        Parallel.forRows(B, rowCost(3 * H), (b0, b1) -> {
            if (simd) CellsSimd${D}.gru(b0, b1, H, gx, gxOff, gxLd, gh, ghOff, ghLd, bias, bOff, h, hOff, hLd, hOut, hOutOff, saved, sOff);
            else CellsScalar${D}.gru(b0, b1, H, gx, gxOff, gxLd, gh, ghOff, ghLd, bias, bOff, h, hOff, hLd, hOut, hOutOff, saved, sOff);
        });
    }

    /**
     * ${D} GRU cell backward (see the class comment). Writes dgx, dgh, dhPrev.
     *
     * @param B batch rows
     * @param H hidden size
     * @param dh the gradient of h' (B, H)
     * @param dhOff index of dh's first element
     * @param dhLd row stride of dh (distance between its rows)
     * @param saved the saved (r, z, n, hn) (B, 4H): written by gru, read by gruBackward
     * @param sOff index of src's first element
     * @param sLd row stride of s (distance between its rows)
     * @param h the previous hidden state h (B, H)
     * @param hOff index of h's first element
     * @param hLd row stride of h (distance between its rows)
     * @param dgx the gradient of gx (B, 3H), written
     * @param dgxOff index of dgx's first element
     * @param dgh the gradient of gh (B, 3H), written
     * @param dghOff index of dgh's first element
     * @param dhPrev the gradient of the previous hidden state (B, H), written
     * @param dhpOff index of dhp's first element
     */
    public static void gruBackward(int B, int H, ${t}[] dh, int dhOff, int dhLd, ${t}[] saved, int sOff, int sLd,
                                   ${t}[] h, int hOff, int hLd, ${t}[] dgx, int dgxOff, ${t}[] dgh, int dghOff, ${t}[] dhPrev, int dhpOff) {
        String k = "gru cell backward";
        sizes(k, B, H);
        mat(k, "dh", dh.length, dhOff, dhLd, B, H);
        mat(k, "saved", saved.length, sOff, sLd, B, 4 * H);
        mat(k, "h", h.length, hOff, hLd, B, H);
        mat(k, "dgx", dgx.length, dgxOff, 3 * H, B, 3 * H);
        mat(k, "dgh", dgh.length, dghOff, 3 * H, B, 3 * H);
        mat(k, "dhPrev", dhPrev.length, dhpOff, H, B, H);
        boolean simd = simd();
        Parallel.forRows(B, rowCost(3 * H), (b0, b1) -> {
            if (simd) CellsSimd${D}.gruBackward(b0, b1, H, dh, dhOff, dhLd, saved, sOff, sLd, h, hOff, hLd, dgx, dgxOff, dgh, dghOff, dhPrev, dhpOff);
            else CellsScalar${D}.gruBackward(b0, b1, H, dh, dhOff, dhLd, saved, sOff, sLd, h, hOff, hLd, dgx, dgxOff, dgh, dghOff, dhPrev, dhpOff);
        });
    }
    //@end
}
