package dev.weft.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** movedim and flatten(startDim): shapes, values against explicit permutes, and errors. */
class MovedimTest {
    private static final Tensor X = Tensor.arange(0, 120, 1).reshape(2, 3, 4, 5);

    @Test
    void movesOneDimAndKeepsTheOthersInOrder() {
        assertArrayEquals(new int[] {2, 4, 5, 3}, X.movedim(1, 3).shape());
        assertTrue(X.movedim(1, 3).equal(X.permute(0, 2, 3, 1)));
        assertArrayEquals(new int[] {5, 2, 3, 4}, X.movedim(-1, 0).shape());
        assertTrue(X.movedim(-1, 0).equal(X.permute(3, 0, 1, 2)));
        assertTrue(X.movedim(2, 2).equal(X));
        assertSame(X.storage(), X.movedim(0, 3).storage(), "movedim is a view");
    }

    @Test
    void flattenFromADim() {
        assertArrayEquals(new int[] {2, 60}, X.flatten(1).shape());
        assertArrayEquals(new int[] {2, 3, 20}, X.flatten(-2).shape());
        assertTrue(X.flatten(1).equal(X.reshape(2, 60)));
    }

    @Test
    void outOfRangeDimIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> X.movedim(4, 0));
        assertTrue(e.getMessage().startsWith("movedim: dim 4 out of range for rank 4"), e.getMessage());
    }
}
