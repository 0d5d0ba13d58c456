package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Every differentiable op passes gradcheck (F64 central differences) on random shapes, broadcast
 * pairs and non-contiguous leaves; the flagged ones also pass gradgradcheck; and every primitive of
 * the sealed op set is either exercised by a case here or declared non-differentiable.
 */
class GradcheckProperties {
    static {
        Autograd.install();
    }

    @Property(tries = 8, seed = "20261123")
    void everyOpPassesGradcheck(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        for (OpCases.Case c : OpCases.all()) {
            Tensor[] in = c.inputs().apply(new Gen(seed * 1000 + c.name().hashCode()));
            Gradcheck.gradcheck(c.name() + " [seed " + seed + "]", c.f(), c.tol(), in);
        }
    }

    @Property(tries = 2, seed = "20261124")
    void flaggedOpsPassGradgradcheck(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        for (OpCases.Case c : OpCases.all()) {
            if (!c.secondOrder()) continue;
            Tensor[] in = c.inputs().apply(new Gen(seed * 1000 + c.name().hashCode()));
            Gradcheck.gradgradcheck(c.name() + " [seed " + seed + "]", c.f(), c.tol(), seed, in);
        }
    }

    @Test
    void everyPrimitiveHasAGradcheckCaseOrIsDeclaredNonDifferentiable() {
        Set<Object> covered = new LinkedHashSet<>();
        for (OpCases.Case c : OpCases.all()) {
            Tensor[] in = c.inputs().apply(new Gen(7));
            covered.addAll(OpKeys.ofGraph(c.f().apply(in)));
        }
        List<String> missing = new ArrayList<>();
        for (var e : OpKeys.all().entrySet()) {
            Object k = e.getKey();
            boolean declared = Gradients.NON_DIFFERENTIABLE_OPS.contains(e.getValue()) || Gradients.NON_DIFFERENTIABLE_FNS.contains(k);
            if (!covered.contains(k) && !declared) missing.add(OpKeys.name(k));
        }
        assertTrue(missing.isEmpty(), "ops with neither a gradcheck case nor a non-differentiable declaration: " + missing);
    }
}
