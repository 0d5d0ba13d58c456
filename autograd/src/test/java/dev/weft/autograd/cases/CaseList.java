package dev.weft.autograd.cases;

import dev.weft.autograd.Gen;
import dev.weft.autograd.Gradcheck;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The builder each family's table fills: {@code add.add(name, secondOrder, [tol,] inputs, f)}. */
final class CaseList {
    private final List<Case> cases = new ArrayList<>();

    void add(String name, boolean secondOrder, Function<Gen, Tensor[]> in, Function<Tensor[], Tensor> f) {
        cases.add(new Case(name, secondOrder, Gradcheck.Tolerance.DEFAULT, in, f));
    }

    void add(String name, boolean secondOrder, Gradcheck.Tolerance tol, Function<Gen, Tensor[]> in,
             Function<Tensor[], Tensor> f) {
        cases.add(new Case(name, secondOrder, tol, in, f));
    }

    List<Case> cases() {
        return List.copyOf(cases);
    }
}
