package dev.weft.autograd.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every family's gradcheck cases, in the family order of dev.weft.tensor.op; names are unique. */
public final class Cases {
    private Cases() {}

    private static final List<Case> ALL = collect();

    /** All cases; fails loudly on a duplicate name. */
    public static List<Case> all() {
        return ALL;
    }

    private static List<Case> collect() {
        List<Case> all = new ArrayList<>();
        all.addAll(ElementwiseCases.cases());
        all.addAll(ReduceCases.cases());
        all.addAll(ViewCases.cases());
        all.addAll(MatmulCases.cases());
        all.addAll(CopyCases.cases());
        all.addAll(CreationCases.cases());
        all.addAll(JoinCases.cases());
        all.addAll(IndexCases.cases());
        all.addAll(SortCases.cases());
        all.addAll(ConvCases.cases());
        all.addAll(LinalgCases.cases());
        all.addAll(SpectralCases.cases());
        all.addAll(RecurrentCases.cases());
        all.addAll(SparseCases.cases());
        Set<String> seen = new HashSet<>();
        for (Case c : all) {
            if (!seen.add(c.name())) throw new IllegalStateException("gradcheck cases: duplicate case name \"" + c.name() + "\"");
        }
        return List.copyOf(all);
    }
}
