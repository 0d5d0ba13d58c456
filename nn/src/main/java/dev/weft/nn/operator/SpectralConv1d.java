package dev.weft.nn.operator;

import dev.weft.nn.Module;
import dev.weft.nn.init.Init;
import dev.weft.tensor.Fft;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * The Fourier layer's spectral part (Li et al. 2021, eq. 4 and Sec. 4; the paper's SpectralConv1d):
 * <pre>
 * (K v)(x) = irfft( R . (rfft v)[: modes] , n = T )
 * (R . V)[b, o, k] = sum_i V[b, i, k] R[i, o, k]      (complex products, k &lt; modes)
 * </pre>
 * the bins k &gt;= modes set to 0. Parameter weight (in_channels, out_channels, modes, 2): complex as (real, imag)
 * pairs (torch.view_as_real of the reference's cfloat weights1), initialized as the reference: scale * U(0, 1) in
 * both parts, scale = 1 / (in_channels * out_channels). Input (B, C_in, T) -> (B, C_out, T), any T with
 * T / 2 + 1 &gt;= modes.
 */
public class SpectralConv1d extends Module {
    /** C_in, the input channels. */
    public final int inChannels;
    /** C_out, the output channels. */
    public final int outChannels;
    /** M, the lowest Fourier modes kept. */
    public final int modes;

    /**
     * A layer with weights from the shared default generator.
     *
     * @param inChannels C_in
     * @param outChannels C_out
     * @param modes M
     */
    public SpectralConv1d(int inChannels, int outChannels, int modes) {
        this(inChannels, outChannels, modes, Init.defaultGenerator());
    }

    /**
     * A layer with weights drawn from g.
     *
     * @param inChannels C_in, at least 1
     * @param outChannels C_out, at least 1
     * @param modes M, at least 1
     * @param g the generator of the weights
     * @throws IllegalArgumentException when a size is below 1
     */
    public SpectralConv1d(int inChannels, int outChannels, int modes, Generator g) {
        if (inChannels < 1 || outChannels < 1 || modes < 1) {
            throw new IllegalArgumentException("SpectralConv1d: in_channels, out_channels and modes must be >= 1, got in="
                    + inChannels + ", out=" + outChannels + ", modes=" + modes);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.modes = modes;
        registerParameter("weight", Tensor.empty(inChannels, outChannels, modes, 2));
        resetParameters(g);
    }

    /**
     * weight = U(0, 1) / (in_channels * out_channels), as the reference's scale * torch.rand(..., cfloat).
     *
     * @param g the generator of the weights
     */
    public void resetParameters(Generator g) {
        Init.uniform(param("weight"), 0, 1.0 / ((double) inChannels * outChannels), g);
    }

    // x: (B, C_in, T) -> (B, C_out, T)
    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() != 3 || x.size(1) != inChannels) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(x.shape()) + ": expected (B, " + inChannels + ", T)");
        }
        int t = x.size(2);
        if (t / 2 + 1 < modes) {
            throw new IllegalArgumentException(this + ": input " + Shape.format(x.shape()) + ": length T = " + t + " has " + (t / 2 + 1)
                    + " rfft bins, fewer than modes = " + modes);
        }
        Tensor w = param("weight");
        if (x.dtype() != w.dtype()) {
            throw new IllegalArgumentException(this + ": input " + x.dtype() + " " + Shape.format(x.shape()) + ", parameters " + w.dtype()
                    + ": convert one of them");
        }
        return spectralConv1d(x, w, modes);
    }

    /**
     * The layer as a function. One batched matmul per part, over the modes: V (M, B, C_in) @ R (M, C_in, C_out).
     *
     * @param x the input (B, C_in, T)
     * @param w the complex weights as (real, imaginary) pairs (C_in, C_out, M, 2)
     * @param modes M
     * @return the output (B, C_out, T)
     */
    public static Tensor spectralConv1d(Tensor x, Tensor w, int modes) {
        int t = x.size(2);
        Tensor v = Fft.rfft(x).narrow(2, 0, modes);                       // (B, C_in, M, 2)
        Tensor vr = v.select(-1, 0).permute(2, 0, 1), vi = v.select(-1, 1).permute(2, 0, 1);   // (M, B, C_in)
        Tensor wr = w.select(-1, 0).permute(2, 0, 1), wi = w.select(-1, 1).permute(2, 0, 1);   // (M, C_in, C_out)
        Tensor re = vr.matmul(wr).sub(vi.matmul(wi)).permute(1, 2, 0);    // (B, C_out, M)
        Tensor im = vr.matmul(wi).add(vi.matmul(wr)).permute(1, 2, 0);
        // irfft with n = T zero-pads the M bins to T / 2 + 1
        return Fft.irfft(Tensor.stack(new Tensor[] {re, im}, -1), t, -1, null);
    }

    @Override
    protected String extraRepr() {
        return "in_channels=" + inChannels + ", out_channels=" + outChannels + ", modes=" + modes;
    }

    /** {@return the complex weights (in_channels, out_channels, modes, 2)} */
    public Tensor weight() { return param("weight"); }
}
