package dev.weft.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TensorFormatTest {

    @Test
    void matrix() {
        assertEquals("tensor([[1.0000, 2.0000],\n        [3.0000, 4.0000]], shape=(2, 2), dtype=f32)",
                Tensor.of(new float[][] {{1, 2}, {3, 4}}).toString());
    }

    @Test
    void alignsColumnsAndNegatives() {
        assertEquals("tensor([ -1.5000,  10.0000, 100.2500], shape=(3,), dtype=f64)",
                Tensor.of(-1.5, 10, 100.25).toString());
    }

    @Test
    void scalarsIntsAndBools() {
        assertEquals("tensor(3.5000, shape=(), dtype=f32)", Tensor.scalar(3.5).toString());
        assertEquals("tensor([ 1, -2, 30], shape=(3,), dtype=i64)", Tensor.of(1L, -2L, 30L).toString());
        assertEquals("tensor([ true, false], shape=(2,), dtype=bool)", Tensor.of(true, false).toString());
        assertEquals("tensor([], shape=(0,), dtype=f32)", Tensor.zeros(0).toString());
    }

    @Test
    void scientificAndNonFinite() {
        assertEquals("tensor([1.0000e-05, 1.0000e+00,        nan,       -inf], shape=(4,), dtype=f64)",
                Tensor.of(1e-5, 1, Double.NaN, Double.NEGATIVE_INFINITY).toString());
    }

    @Test
    void threeDimsSeparateBlocksByBlankLine() {
        assertEquals("tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]], shape=(2, 2, 2), dtype=i64)",
                Tensor.arange(8).view(2, 2, 2).toString());
    }

    @Test
    void summarizesPastThreshold() {
        String s = Tensor.arange(2000).toString();
        assertEquals("tensor([   0,    1,    2, ..., 1997, 1998, 1999], shape=(2000,), dtype=i64)", s);
        String m = Tensor.arange(1100).view(100, 11).toString();
        assertEquals("tensor([[   0,    1,    2, ...,    8,    9,   10],\n"
                + "        [  11,   12,   13, ...,   19,   20,   21],\n"
                + "        [  22,   23,   24, ...,   30,   31,   32],\n"
                + "        ...,\n"
                + "        [1067, 1068, 1069, ..., 1075, 1076, 1077],\n"
                + "        [1078, 1079, 1080, ..., 1086, 1087, 1088],\n"
                + "        [1089, 1090, 1091, ..., 1097, 1098, 1099]], shape=(100, 11), dtype=i64)", m);
    }

    @Test
    void wrapsLongRows() {
        assertEquals("tensor([1000.0000, 1001.0000, 1002.0000, 1003.0000, 1004.0000, 1005.0000,\n"
                + "        1006.0000, 1007.0000], shape=(8,), dtype=f32)", Tensor.arange(1000.0, 1008.0, 1.0).toString());
    }
}
