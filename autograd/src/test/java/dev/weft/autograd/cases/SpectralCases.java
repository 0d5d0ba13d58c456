package dev.weft.autograd.cases;

import dev.weft.autograd.Gen;
import dev.weft.tensor.Fft;
import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * Gradcheck cases of the Spectral family: fft, ifft, rfft, irfft (their primitives C2c, R2c, C2r) at
 * lengths n that are odd, even, powers of two and primes, larger and smaller than the input (padding and
 * trimming), under all three norms, along a dim at a random position; and the n-d transforms.
 */
public final class SpectralCases {
    private SpectralCases() {}

    /** (n, norm): null n is the input's length (irfft: 2 (m - 1)); the input's long dim has 4..11 entries. */
    private static final Object[][] VARIANTS = {{null, "backward"}, {1, "ortho"}, {2, "forward"}, {3, "backward"},
            {7, "ortho"}, {8, "forward"}, {13, "backward"}, {16, "ortho"}};

    public static List<Case> cases() {
        CaseList add = new CaseList();
        for (Object[] v : VARIANTS) {
            Integer n = (Integer) v[0];
            String norm = (String) v[1], tag = "_" + (n == null ? "default" : "n" + n) + "_" + norm;
            boolean second = n == null || n == 7;
            add.add("fft" + tag, second, signal(true), x -> Fft.fft(x[0], n, longDim(x[0], true), norm));
            add.add("ifft" + tag, false, signal(true), x -> Fft.ifft(x[0], n, longDim(x[0], true), norm));
            add.add("rfft" + tag, second, signal(false), x -> Fft.rfft(x[0], n, longDim(x[0], false), norm));
            add.add("irfft" + tag, second, signal(true), x -> Fft.irfft(x[0], n, longDim(x[0], true), norm));
        }
        add.add("rfft2_irfft2", true, g -> new Tensor[] {g.leaf(new int[] {2, 5, 6}, -1, 1)},
                x -> Fft.irfft2(Fft.rfft2(x[0]).mul(2.0), new int[] {5, 7}));
        add.add("rfftn_s_ortho", false, g -> new Tensor[] {g.leaf(new int[] {3, 4, 2}, -1, 1)},
                x -> Fft.rfftn(x[0], new int[] {5, 3}, new int[] {0, 1}, "ortho"));
        add.add("irfftn_dims_forward", false, g -> new Tensor[] {g.leaf(new int[] {3, 2, 4, 2}, -1, 1)},
                x -> Fft.irfftn(x[0], new int[] {-1, 5}, new int[] {2, 0}, "forward"));
        add.add("fftn_ifft2", false, g -> new Tensor[] {g.leaf(new int[] {3, 2, 5, 2}, -1, 1)},
                x -> Fft.ifft2(Fft.fftn(x[0], new int[] {4, 5}, new int[] {0, 2}, "ortho")));
        add.add("fno_spectral_conv2d", false, g -> new Tensor[] {g.leaf(new int[] {1, 2, 6, 5}, -1, 1),
                g.leaf(new int[] {2, 2, 3, 2, 2}, -1, 1)}, x -> spectralConv(x[0], x[1], 3, 2));
        return add.cases();
    }

    /**
     * A Fourier neural operator layer (Li et al. 2021, eq. 4: (K v)(x) = F^-1(R . F v)(x)): the lowest m1 x m2
     * modes of rfft2(x) times complex weights w (C_in, C_out, m1, m2, 2), the others dropped, and back.
     * x: (B, C_in, H, W) -> (B, C_out, H, W).
     */
    static Tensor spectralConv(Tensor x, Tensor w, int m1, int m2) {
        Tensor v = Fft.rfft2(x).narrow(2, 0, m1).narrow(3, 0, m2);
        Tensor vr = v.select(-1, 0), vi = v.select(-1, 1), wr = w.select(-1, 0), wi = w.select(-1, 1);
        String eq = "bixy,ioxy->boxy";
        Tensor re = Tensor.einsum(eq, vr, wr).sub(Tensor.einsum(eq, vi, wi));
        Tensor im = Tensor.einsum(eq, vr, wi).add(Tensor.einsum(eq, vi, wr));
        return Fft.irfft2(Tensor.stack(new Tensor[] {re, im}, -1), new int[] {x.size(2), x.size(3)});
    }

    /** One leaf of rank 1..3 (plus the trailing (re, im) pair when complex) with one long dim of 4..11 entries. */
    private static Function<Gen, Tensor[]> signal(boolean complex) {
        return g -> {
            int[] s = g.shape(1, 3, 2);
            s[g.nextInt(0, s.length - 1)] = g.nextInt(4, 11);
            if (complex) {
                s = java.util.Arrays.copyOf(s, s.length + 1);
                s[s.length - 1] = 2;
            }
            return new Tensor[] {g.leaf(s, -1, 1)};
        };
    }

    /** The long dim (the only one above 2 entries) among the logical dims. */
    private static int longDim(Tensor x, boolean complex) {
        int best = 0;
        for (int d = 1; d < x.dim() - (complex ? 1 : 0); d++) if (x.size(d) > x.size(best)) best = d;
        return best;
    }
}
