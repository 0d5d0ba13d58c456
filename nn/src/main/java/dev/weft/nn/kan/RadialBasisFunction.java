package dev.weft.nn.kan;

import dev.weft.nn.Module;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;

/**
 * fast-kan's RadialBasisFunction: Gaussian bases on fixed centres, rbf_m(u) = exp(-((u - g_m) / h)^2), with
 * g = linspace(gridMin, gridMax, numGrids) the buffer "grid" and h the denominator. u (...) -> (..., numGrids).
 */
final class RadialBasisFunction extends Module {
    final double denominator;

    RadialBasisFunction(double gridMin, double gridMax, int numGrids, double denominator) {
        this.denominator = denominator;
        registerBuffer("grid", Tensor.linspace(gridMin, gridMax, numGrids, DType.F32));
    }

    Tensor grid() {
        return buffer("grid");
    }

    // u: (...) -> (..., numGrids)
    @Override
    public Tensor forward(Tensor u) {
        return u.unsqueeze(-1).sub(buffer("grid")).div(denominator).square().neg().exp();
    }
}
