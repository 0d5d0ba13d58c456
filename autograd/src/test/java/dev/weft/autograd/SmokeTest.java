package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.*;

import dev.weft.tensor.DType;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void mulAddSum() {
        Autograd.install();
        Tensor a = Tensor.of(1.0, 2.0, 3.0).requiresGrad(true);
        Tensor b = Tensor.of(4.0, 5.0, 6.0).requiresGrad(true);
        Tensor y = a.mul(b).add(a).sum();
        Autograd.backward(y);
        assertArrayEquals(new double[] {5, 6, 7}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {1, 2, 3}, b.grad().toDoubleArray());
    }

    @Test
    void gradcheckSome() {
        Tensor a = Tensor.of(new double[] {0.3, -0.7, 1.2, 0.5, 0.9, -1.1}, 2, 3).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {0.1, 0.2, -0.4}, 3).requiresGrad(true);
        Gradcheck.gradcheck("mul-bcast", x -> x[0].mul(x[1]).tanh(), a, b);
        Gradcheck.gradcheck("softmax", x -> x[0].softmax(1), a);
        Gradcheck.gradcheck("matmul", x -> x[0].matmul(x[0].t()), a);
        Gradcheck.gradcheck("slice", x -> x[0].slice(1, 1, 3).exp(), a);
        Gradcheck.gradgradcheck("mul-bcast", x -> x[0].mul(x[1]).tanh(), a, b);
        Gradcheck.gradgradcheck("softmax", x -> x[0].softmax(1), a);
        assertEquals(DType.F64, a.dtype());
    }
}
