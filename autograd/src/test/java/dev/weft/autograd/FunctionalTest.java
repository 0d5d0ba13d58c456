package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** vjp, jvp, jacobian and hvp against closed forms, and gradcheck's own failure message. */
class FunctionalTest {
    static {
        Autograd.install();
    }

    // f(x, y) = (x * y, sum(x^2)): J_x = diag(y) and 2x^T, J_y = diag(x) and 0
    private static Tensor[] f(Tensor[] in) {
        return new Tensor[] {in[0].mul(in[1]), in[0].square().sum()};
    }

    private final Tensor x = Tensor.of(1.0, 2.0, 3.0), y = Tensor.of(-1.0, 0.5, 2.0);

    @Test
    void vjp() {
        var r = Functional.vjp(FunctionalTest::f, new Tensor[] {x, y}, new Tensor[] {Tensor.of(1.0, 1.0, 1.0), Tensor.scalar(2.0, x.dtype())}, false);
        assertArrayEquals(new double[] {-1, 1, 6}, r.outputs()[0].toDoubleArray());
        assertArrayEquals(new double[] {-1 + 4, 0.5 + 8, 2 + 12}, r.product()[0].toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {1, 2, 3}, r.product()[1].toDoubleArray(), 1e-12);
        assertFalse(x.requiresGrad(), "inputs are used through fresh leaves");
    }

    @Test
    void jvp() {
        var r = Functional.jvp(FunctionalTest::f, new Tensor[] {x, y}, new Tensor[] {Tensor.of(1.0, 0.0, 1.0), Tensor.of(0.0, 1.0, 0.0)}, false);
        assertArrayEquals(new double[] {-1, 2, 2}, r.product()[0].toDoubleArray(), 1e-12);   // y*u_x + x*u_y
        assertEquals(2 * 1 + 2 * 3, r.product()[1].item(), 1e-12);                          // 2x . u_x
    }

    @Test
    void jacobian() {
        Tensor[] j = Functional.jacobian(in -> in[0].mul(in[1]).exp(), x, y);
        assertArrayEquals(new int[] {3, 3}, j[0].shape());
        double[] e = Tensor.of(1.0, 2.0, 3.0).mul(y).exp().toDoubleArray();
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(i == k ? e[i] * y.get(i) : 0, j[0].get(i, k), 1e-12);
                assertEquals(i == k ? e[i] * x.get(i) : 0, j[1].get(i, k), 1e-12);
            }
        }
    }

    @Test
    void hessianVectorProduct() {
        // f = sum(x^3) + x . y: H_xx = diag(6x), H_xy = I, H_yy = 0
        Tensor[] hv = Functional.hvp(in -> in[0].pow(3).sum().add(in[0].dot(in[1])), new Tensor[] {x, y},
                new Tensor[] {Tensor.of(1.0, 1.0, 0.0), Tensor.of(0.0, 0.0, 2.0)});
        assertArrayEquals(new double[] {6, 12, 2}, hv[0].toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 0}, hv[1].toDoubleArray(), 1e-12);
    }

    @Test
    void gradcheckFailsWithOpInputElementAndBothValues() {
        Tensor a = Tensor.of(1.0, 2.0).requiresGrad(true);
        Gradcheck.GradcheckException e = assertThrows(Gradcheck.GradcheckException.class,
                () -> Gradcheck.gradcheck("detached", in -> in[0].mul(in[0].detach()), a));
        String m = e.getMessage();
        assertTrue(m.contains("detached") && m.contains("input 0") && m.contains("element 0")
                && m.contains("numerical 2.0") && m.contains("analytical 1.0"), m);
        assertThrows(IllegalArgumentException.class, () -> Gradcheck.gradcheck("f32", in -> in[0].exp(),
                Tensor.of(1f, 2f).requiresGrad(true)));
    }
}
