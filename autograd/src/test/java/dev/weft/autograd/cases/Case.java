package dev.weft.autograd.cases;

import dev.weft.autograd.Gen;
import dev.weft.autograd.Gradcheck;
import dev.weft.tensor.Tensor;
import java.util.function.Function;

/**
 * One gradcheck case: a differentiable op (or a composite exercising it), a seeded input generator
 * (random shapes, broadcasting, non-contiguous leaves, values kept off kinks), the function, its
 * tolerance, and whether gradgradcheck runs too. Its name is what JUnit reports: {@code gradcheck[mul]}.
 */
public record Case(String name, boolean secondOrder, Gradcheck.Tolerance tol, Function<Gen, Tensor[]> inputs,
                   Function<Tensor[], Tensor> f) {
    @Override
    public String toString() {
        return name;
    }
}
