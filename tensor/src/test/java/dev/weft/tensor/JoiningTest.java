package dev.weft.tensor;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Golden values (checked by hand against PyTorch's definitions) and error messages of Joining. */
class JoiningTest {

    static Tensor range(DType dtype, int... shape) {
        return Tensor.arange(0, Shape.numel(shape), 1).to(dtype).reshape(shape);
    }

    static void error(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "message \"" + e.getMessage() + "\" lacks \"" + expected + "\"");
    }

    @Test
    void catGoldenAndPromotion() {
        Tensor a = range(DType.F32, 2, 2), b = Tensor.of(new long[][] {{10, 11}});
        Tensor c = Tensor.cat(List.of(a, b), 0);
        assertEquals(DType.F32, c.dtype());
        assertArrayEquals(new int[] {3, 2}, c.shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 10, 11}, c.toFloatArray());
        Tensor d = Tensor.cat(new Tensor[] {a, range(DType.F32, 2, 1)}, -1);
        assertArrayEquals(new float[] {0, 1, 0, 2, 3, 1}, d.toFloatArray());
        // legacy empty 1-d tensors are skipped
        assertArrayEquals(new int[] {2, 2}, Tensor.cat(List.of(Tensor.zeros(0), a), 0).shape());
        // strided inputs
        Tensor t = range(DType.I64, 2, 3).t();
        assertArrayEquals(new long[] {0, 3, 1, 4, 2, 5, 0, 3, 1, 4, 2, 5}, Tensor.cat(List.of(t, t), 0).toLongArray());
    }

    @Test
    void stackSplitChunkUnbind() {
        Tensor a = Tensor.of(1f, 2f), b = Tensor.of(3f, 4f);
        assertArrayEquals(new float[] {1, 2, 3, 4}, Tensor.stack(List.of(a, b), 0).toFloatArray());
        assertArrayEquals(new float[] {1, 3, 2, 4}, Tensor.stack(List.of(a, b), 1).toFloatArray());
        Tensor x = range(DType.F32, 5, 2);
        List<Tensor> parts = x.split(2, 0);
        assertEquals(3, parts.size());
        assertArrayEquals(new int[] {1, 2}, parts.get(2).shape());
        assertSame(x.storage(), parts.get(1).storage());
        List<Tensor> sized = x.split(new int[] {1, 4}, 0);
        assertArrayEquals(new float[] {2, 3, 4, 5, 6, 7, 8, 9}, sized.get(1).toFloatArray());
        List<Tensor> ch = x.chunk(2, 0);
        assertEquals(3, ch.get(0).size(0));
        assertEquals(2, ch.get(1).size(0));
        List<Tensor> rows = x.unbind(1);
        assertArrayEquals(new float[] {1, 3, 5, 7, 9}, rows.get(1).toFloatArray());
    }

    @Test
    void flipRollRepeatTile() {
        Tensor x = range(DType.I64, 2, 3);
        assertArrayEquals(new long[] {5, 4, 3, 2, 1, 0}, x.flip(0, 1).toLongArray());
        assertArrayEquals(new long[] {2, 1, 0, 5, 4, 3}, x.flip(-1).toLongArray());
        assertArrayEquals(new long[] {2, 0, 1, 5, 3, 4}, x.roll(1, 1).toLongArray());
        assertArrayEquals(new long[] {4, 5, 0, 1, 2, 3}, x.roll(new int[] {2}, new int[0]).toLongArray());
        assertArrayEquals(new long[] {5, 3, 4, 2, 0, 1}, x.roll(new int[] {1, -2}, new int[] {0, 1}).toLongArray());
        Tensor r = Tensor.of(1L, 2L).repeat(2, 2);
        assertArrayEquals(new int[] {2, 4}, r.shape());
        assertArrayEquals(new long[] {1, 2, 1, 2, 1, 2, 1, 2}, r.toLongArray());
        Tensor rr = range(DType.I64, 2, 2).repeat(1, 2);
        assertArrayEquals(new long[] {0, 1, 0, 1, 2, 3, 2, 3}, rr.toLongArray());
        assertNotSame(x.storage(), x.repeat(1, 1).storage());
        assertArrayEquals(new long[] {0, 1, 0, 1, 2, 3, 2, 3}, range(DType.I64, 2, 2).tile(2).reshape(-1).toLongArray());
        assertArrayEquals(new int[] {4, 2}, range(DType.I64, 2, 2).tile(2, 1).shape());
    }

    @Test
    void padModes() {
        Tensor x = Tensor.of(1.0, 2.0, 3.0).reshape(1, 3);
        assertArrayEquals(new double[] {9, 9, 1, 2, 3, 9}, Joining.pad(x, new int[] {2, 1}, "constant", 9).toDoubleArray());
        assertArrayEquals(new double[] {3, 2, 1, 2, 3, 2}, Joining.pad(x, new int[] {2, 1}, "reflect", 0).toDoubleArray());
        assertArrayEquals(new double[] {1, 1, 1, 2, 3, 3}, Joining.pad(x, new int[] {2, 1}, "replicate", 0).toDoubleArray());
        assertArrayEquals(new double[] {2, 3, 1, 2, 3, 1}, Joining.pad(x, new int[] {2, 1}, "circular", 0).toDoubleArray());
        // two dims: last dim (1, 0), then dim 0 (0, 1); negative pads crop
        Tensor y = Joining.pad(x, 1, 0, 0, 1);
        assertArrayEquals(new int[] {2, 4}, y.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 0, 0, 0, 0}, y.toDoubleArray());
        assertArrayEquals(new double[] {2, 3, 0}, Joining.pad(x, -1, 1).toDoubleArray());
        assertEquals(DType.I64, Joining.pad(Tensor.of(1L, 2L), 1, 1).dtype());
    }

    @Test
    void trilTriuOneHotDiag() {
        Tensor m = range(DType.F64, 3, 3).add(1.0);
        assertArrayEquals(new double[] {1, 0, 0, 4, 5, 0, 7, 8, 9}, m.tril().toDoubleArray());
        assertArrayEquals(new double[] {0, 2, 3, 0, 0, 6, 0, 0, 0}, m.triu(1).toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 0, 4, 0, 0, 7, 8, 0}, m.tril(-1).toDoubleArray());
        Tensor batched = range(DType.I32, 2, 2, 3).triu();
        assertArrayEquals(new int[] {0, 1, 2, 0, 4, 5, 6, 7, 8, 0, 10, 11}, batched.toIntArray());

        Tensor oh = Tensor.of(0L, 2L, 1L).oneHot(-1);
        assertEquals(DType.I64, oh.dtype());
        assertArrayEquals(new int[] {3, 3}, oh.shape());
        assertArrayEquals(new long[] {1, 0, 0, 0, 0, 1, 0, 1, 0}, oh.toLongArray());
        assertArrayEquals(new int[] {2, 1, 4}, Tensor.of(new int[][] {{3}, {0}}).oneHot(4).shape());

        assertArrayEquals(new double[] {1, 5, 9}, m.diag(0).toDoubleArray());
        assertArrayEquals(new double[] {2, 6}, m.diag(1).toDoubleArray());
        assertArrayEquals(new double[] {4, 8}, m.diagonal(-1, 0, 1).toDoubleArray());
        assertSame(m.storage(), m.diagonal(0, 0, 1).storage());
        Tensor d = Tensor.of(1.0, 2.0).diag(1);
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 2, 0, 0, 0}, d.toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 1, 0}, Tensor.of(1.0).diag(-1).toDoubleArray());
        // diagonal over dims (1, 2) of a batch, on a transposed view: d[i, k] = b[i, k, k]
        Tensor b = range(DType.I64, 2, 2, 2).transpose(0, 2);
        Tensor bd = b.diagonal(0, 1, 2);
        long[] want = new long[4];
        for (int i = 0; i < 2; i++) for (int k = 0; k < 2; k++) want[i * 2 + k] = (long) b.get(i, k, k);
        assertArrayEquals(want, bd.toLongArray());
        assertArrayEquals(new long[] {0, 6, 1, 7}, want);
    }

    @Test
    void errorsNameOpAndShapes() {
        Tensor a = Tensor.zeros(2, 3), b = Tensor.zeros(3, 4);
        error("cat: input 0 (2, 3) and input 1 (3, 4) differ in dim 1 (3 vs 4); only dim 0 may differ", () -> Tensor.cat(List.of(a, b), 0));
        error("cat: tensors must have the same rank: input 0 (2, 3) vs input 1 (3,)", () -> Tensor.cat(List.of(a, Tensor.zeros(3)), 0));
        error("cat: dim 2 out of range for rank 2", () -> Tensor.cat(List.of(a, a), 2));
        error("cat: zero-dimensional tensor", () -> Tensor.cat(List.of(Tensor.scalar(1)), 0));
        error("stack: expects each tensor to be equal size, but got (2, 3) at entry 0 and (3, 4) at entry 1", () -> Tensor.stack(List.of(a, b), 0));
        error("split: sizes [1, 3] sum to 4 but dim 1 has size 3 in (2, 3)", () -> a.split(new int[] {1, 3}, 1));
        error("flip: dim 1 repeated", () -> a.flip(1, -1));
        error("split: cannot split a 0-d tensor", () -> Tensor.scalar(1).split(1, 0));
        error("roll: shifts [1, 2] and dims [0] must have the same length", () -> a.roll(new int[] {1, 2}, new int[] {0}));
        error("repeat: number of repeat dims 1 can not be smaller than the number of dims 2 of the input (2, 3)", () -> a.repeat(2));
        error("pad: padding [1, 1, 1] must have an even length", () -> Joining.pad(a, 1, 1, 1));
        error("pad: input (1, 3), padding [3, 0]: reflect padding (3, 0) of dim 1 must be less than the dim's size 3",
                () -> Joining.pad(Tensor.zeros(1, 3), new int[] {3, 0}, "reflect", 0));
        error("pad: mode must be constant, reflect, replicate or circular, got \"wrap\"", () -> Joining.pad(a, new int[] {1, 1}, "wrap", 0));
        error("tril: input (3,) must have at least 2 dims", () -> Tensor.zeros(3).tril());
        error("one_hot: input (2,): class values must be an integer tensor, got f32", () -> Tensor.zeros(2).oneHot(3));
        error("one_hot: input (2,): class value 3 is out of range for num_classes 3", () -> Tensor.of(0L, 3L).oneHot(3));
        error("one_hot: input (2,): class values must be >= 0, got -1", () -> Tensor.of(-1L, 0L).oneHot(3));
        error("diagonal: dim1 and dim2 can not be identical, got 1 and -1 for input (2, 3)", () -> a.diagonal(0, 1, -1));
        error("diag: expected a 1-d or 2-d input, got (1, 2, 3)", () -> Tensor.zeros(1, 2, 3).diag(0));
    }
}
