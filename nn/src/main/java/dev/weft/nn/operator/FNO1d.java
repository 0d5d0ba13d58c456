package dev.weft.nn.operator;

import dev.weft.nn.Module;
import dev.weft.nn.init.Init;
import dev.weft.nn.layers.Conv1d;
import dev.weft.nn.layers.Linear;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;

/**
 * The 1-d Fourier neural operator (Li et al. 2021, Sec. 4 and Fig. 2; the reference fourier_1d.py's FNO1d):
 * <pre>
 * v0 = P(a(x), x)                                  lift: fc0 = Linear(in_channels + 1, width), x the grid on [0, 1]
 * v_{l+1} = sigma( K_l v_l + W_l v_l )             l = 0..3: K_l = SpectralConv1d(width, width, modes) (conv_l),
 *                                                  W_l = Conv1d(width, width, 1) (w_l), sigma = GELU, none after l = 3
 * u = Q(v4) = fc2( GELU( fc1(v4) ) )               project: fc1 = Linear(width, projection), fc2 = Linear(projection, out)
 * </pre>
 * Input a (B, T, in_channels) sampled on the uniform grid x_j = j / (T - 1) (the grid is appended inside, as the
 * reference does), output (B, T, out_channels). Names as the reference's state dict: fc0, conv0..conv3 (weight
 * (width, width, modes, 2) where the reference holds cfloat weights1), w0..w3, fc1, fc2. The reference's defaults:
 * width 64, modes 16, projection 128.
 */
public class FNO1d extends Module {
    /** The number of Fourier layers, 4 as the reference. */
    public static final int LAYERS = 4;
    /** The sizes: input and output channels, Fourier modes, the lifted width and the projection width. */
    public final int inChannels, outChannels, modes, width, projection;

    /**
     * in_channels = out_channels = 1, projection 128: the reference's Burgers model.
     *
     * @param modes the Fourier modes per layer
     * @param width the lifted width
     */
    public FNO1d(int modes, int width) {
        this(1, 1, modes, width, 128, Init.defaultGenerator());
    }

    /**
     * An FNO with weights drawn from g.
     *
     * @param inChannels the input channels, at least 1
     * @param outChannels the output channels, at least 1
     * @param modes the Fourier modes per layer, at least 1
     * @param width the lifted width, at least 1
     * @param projection fc1's width, at least 1
     * @param g the generator of the weights
     * @throws IllegalArgumentException when a size is below 1
     */
    public FNO1d(int inChannels, int outChannels, int modes, int width, int projection, Generator g) {
        if (inChannels < 1 || outChannels < 1 || modes < 1 || width < 1 || projection < 1) {
            throw new IllegalArgumentException("FNO1d: sizes must be >= 1, got in_channels=" + inChannels + ", out_channels=" + outChannels
                    + ", modes=" + modes + ", width=" + width + ", projection=" + projection);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.modes = modes;
        this.width = width;
        this.projection = projection;
        registerModule("fc0", new Linear(inChannels + 1, width, true, g));
        for (int l = 0; l < LAYERS; l++) {
            registerModule("conv" + l, new SpectralConv1d(width, width, modes, g));
            registerModule("w" + l, new Conv1d(Conv1d.options(width, width, 1).generator(g)));
        }
        registerModule("fc1", new Linear(width, projection, true, g));
        registerModule("fc2", new Linear(projection, outChannels, true, g));
    }

    // a: (B, T, C_in) -> (B, T, C_out)
    @Override
    public Tensor forward(Tensor a) {
        if (a.dim() != 3 || a.size(2) != inChannels) {
            throw new IllegalArgumentException("FNO1d(" + extraRepr() + "): input " + Shape.format(a.shape()) + ": expected (B, T, " + inChannels + ")");
        }
        int b = a.size(0), t = a.size(1);
        Tensor grid = Tensor.linspace(0, 1, t, a.dtype()).reshape(1, t, 1).expand(b, t, 1);
        Tensor v = child("fc0").forward(Tensor.cat(new Tensor[] {a, grid}, 2)).permute(0, 2, 1);   // (B, width, T)
        for (int l = 0; l < LAYERS; l++) {
            v = child("conv" + l).forward(v).add(child("w" + l).forward(v));
            if (l < LAYERS - 1) v = v.gelu();
        }
        return child("fc2").forward(child("fc1").forward(v.permute(0, 2, 1)).gelu());
    }

    @Override
    protected String extraRepr() {
        return "in_channels=" + inChannels + ", out_channels=" + outChannels + ", modes=" + modes + ", width=" + width
                + ", projection=" + projection;
    }
}
