package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The backward of slice and select has two paths (see Embed): a copy into fresh zeros when no graph is
 * built, the differentiable index_add under createGraph. Both must give the same gradient: g at the
 * read positions, exact zeros elsewhere, -0.0 kept as -0.0 by the copy (index_add's 0 + g would make it +0.0,
 * so the two are compared with ==, which treats the zeros alike).
 */
class ViewBackwardPathsTest {
    static {
        Autograd.install();
    }

    private static final List<UnaryOperator<Tensor>> VIEWS = List.of(
            t -> t.narrow(1, 1, 3),
            t -> t.slice(1, 0, 5, 2),
            t -> t.slice(0, 1, 3),
            t -> t.select(1, 4),
            t -> t.select(0, 0).narrow(0, 2, 2),
            t -> t.narrow(1, 2, 0));

    @Test
    void copyAndIndexAddPathsAgree() {
        Generator gen = new Generator(3);
        for (int v = 0; v < VIEWS.size(); v++) {
            Tensor x = Tensor.randn(gen, 3, 6).requiresGrad(true);
            Tensor y = VIEWS.get(v).apply(x);
            Tensor g = Tensor.randn(gen, y.shape());
            Tensor copied = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, new Tensor[] {g}, false, true, false)[0];
            Tensor indexed = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, new Tensor[] {g}, true, false, false)[0];
            assertArrayEquals(x.shape(), copied.shape(), "view " + v);
            float[] a = copied.toFloatArray(), b = indexed.toFloatArray();
            for (int i = 0; i < a.length; i++) assertEquals(true, a[i] == b[i], "view " + v + " element " + i + ": " + a[i] + " vs " + b[i]);
            assertEquals(g.sum().item(), copied.sum().item(), 1e-5, "view " + v);
        }
    }

    @Test
    void theCopyPathKeepsNegativeZero() {
        Tensor x = Tensor.of(1f, 2f, 3f, 4f).requiresGrad(true);
        Tensor y = x.narrow(0, 1, 2);
        Tensor gx = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, new Tensor[] {Tensor.of(-0f, 5f)}, false, false, false)[0];
        assertArrayEquals(new float[] {0f, -0f, 5f, 0f}, gx.toFloatArray());   // assertArrayEquals tells -0.0 from 0.0
    }
}
