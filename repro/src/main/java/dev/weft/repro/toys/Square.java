package dev.weft.repro.toys;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;

/** phi(x) = x^2, the quadratic activation of Gromov 2023 and Doshi et al. 2024 (its products of the two inputs' features are what modular addition needs). */
final class Square extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.square();
    }
}
