package dev.weft.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.autograd.cases.Case;
import dev.weft.autograd.cases.Cases;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every differentiable op passes gradcheck (F64 central differences) on seeded random shapes,
 * broadcast pairs and non-contiguous leaves, one reported test per case ({@code gradcheck[mul]}); the
 * flagged ones also pass gradgradcheck; and every primitive of the sealed op set is either exercised
 * by a case or declared non-differentiable. The cases live in dev.weft.autograd.cases, one file per
 * op family.
 *
 * <p>One case alone: {@code ./weft test -pl autograd -am -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=GradcheckTest -Dweft.case=mul} (a comma-separated list of names works too).
 */
class GradcheckTest {
    static {
        Autograd.install();
    }

    /** Seeds per case (the number of tries the property test used), fixed so runs are reproducible. */
    private static final long[] SEEDS = seeds(20261123L, 8), SECOND_ORDER_SEEDS = seeds(20261124L, 2);

    private static long[] seeds(long root, int n) {
        SplittableRandom r = new SplittableRandom(root);
        long[] s = new long[n];
        for (int i = 0; i < n; i++) s[i] = r.nextLong(1_000_001);
        return s;
    }

    /** The cases to run: all, or those named by -Dweft.case=name[,name...]. */
    static Stream<Case> cases() {
        String only = System.getProperty("weft.case", "").trim();
        if (only.isEmpty()) return Cases.all().stream();
        Set<String> names = Set.of(only.split("\\s*,\\s*"));
        List<Case> picked = Cases.all().stream().filter(c -> names.contains(c.name())).toList();
        if (picked.size() != names.size()) {
            throw new IllegalArgumentException("-Dweft.case=" + only + ": no case named " + names.stream()
                    .filter(n -> picked.stream().noneMatch(c -> c.name().equals(n))).toList());
        }
        return picked.stream();
    }

    static Stream<Case> secondOrderCases() {
        return cases().filter(Case::secondOrder);
    }

    @ParameterizedTest(name = "gradcheck[{0}]")
    @MethodSource("cases")
    void gradcheck(Case c) {
        for (long seed : SEEDS) {
            Tensor[] in = c.inputs().apply(new Gen(seed * 1000 + c.name().hashCode()));
            Gradcheck.gradcheck(c.name() + " [seed " + seed + "]", c.f(), c.tol(), in);
        }
    }

    @ParameterizedTest(name = "gradgradcheck[{0}]")
    @MethodSource("secondOrderCases")
    void gradgradcheck(Case c) {
        for (long seed : SECOND_ORDER_SEEDS) {
            Tensor[] in = c.inputs().apply(new Gen(seed * 1000 + c.name().hashCode()));
            Gradcheck.gradgradcheck(c.name() + " [seed " + seed + "]", c.f(), c.tol(), seed, in);
        }
    }

    @Test
    void everyPrimitiveHasAGradcheckCaseOrIsDeclaredNonDifferentiable() {
        Set<Object> covered = new LinkedHashSet<>();
        for (Case c : Cases.all()) {
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

    /** The 154 cases of the table this suite was split from must all still be there. */
    @Test
    void noCaseIsLostAndNamesAreUnique() {
        List<Case> all = Cases.all();
        assertEquals(all.size(), all.stream().map(Case::name).distinct().count(), "duplicate case names");
        assertTrue(all.size() >= 154, "expected at least 154 gradcheck cases, found " + all.size());
    }
}
