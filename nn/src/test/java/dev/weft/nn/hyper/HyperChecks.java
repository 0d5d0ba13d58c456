package dev.weft.nn.hyper;

import dev.weft.autograd.Gradcheck;
import dev.weft.nn.FunctionalCall;
import dev.weft.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared checks for the hypernetwork tests: F64 gradcheck through generator -> functional call -> loss. */
final class HyperChecks {
    private HyperChecks() {}

    /**
     * Gradcheck of loss(h) w.r.t. the condition and every parameter of h (the target's kept ones included): the
     * parameters are supplied to h through FunctionalCall, so the check also proves they are read through param().
     */
    static void gradcheck(String name, HyperNetwork h, Tensor condition, BiFunction<HyperNetwork, Tensor, Tensor> loss) {
        List<String> names = new ArrayList<>(h.namedParameters().keySet());
        // the target's generated slots are never read: leave them out (their gradient is zero by construction)
        names.removeIf(n -> n.startsWith("target.") && h.layout().names().contains(n.substring("target.".length())));
        Tensor[] in = new Tensor[names.size() + 1];
        in[0] = condition.detach().clone().requiresGrad(true);
        for (int i = 0; i < names.size(); i++) in[i + 1] = h.namedParameters().get(names.get(i)).detach().clone().requiresGrad(true);
        assertTrue(Gradcheck.gradcheck(name, t -> {
            Map<String, Tensor> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) map.put(names.get(i), t[i + 1]);
            return FunctionalCall.call(h, map, m -> loss.apply((HyperNetwork) m, t[0]));
        }, in));
    }
}
