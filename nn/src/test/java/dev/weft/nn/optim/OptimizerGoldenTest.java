package dev.weft.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.autograd.Autograd;
import dev.weft.nn.loss.GoldenFile;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Optimizer trajectories against PyTorch (golden/optim_trajectories.txt, made by
 * nn/src/test/python/optim_golden.py): each configuration runs on Rosenbrock and on a tiny linear
 * regression in F64, and every parameter must match after every step within 1e-9 (LBFGS 1e-7). Both the
 * fused and the tensor-op path of the optimizers that have one are replayed.
 */
class OptimizerGoldenTest {
    private static final GoldenFile GOLDEN = GoldenFile.load("/golden/optim_trajectories.txt");

    private record Config(Function<List<Tensor>, Optimizer> make, int steps) {}

    private static Map<String, Config> configs(boolean fused) {
        Map<String, Config> c = new LinkedHashMap<>();
        c.put("sgd", new Config(ps -> new SGD(ps, Map.of("lr", 1e-3, "fused", fused)), 10));
        c.put("sgd_momentum", new Config(ps -> new SGD(ps, Map.of("lr", 1e-3, "momentum", 0.9, "dampening", 0.1, "fused", fused)), 10));
        c.put("sgd_nesterov", new Config(ps -> new SGD(ps, Map.of("lr", 1e-3, "momentum", 0.9, "nesterov", true, "fused", fused)), 10));
        c.put("sgd_wd_maximize", new Config(ps -> new SGD(ps, Map.of("lr", 1e-3, "momentum", 0.5, "weightDecay", 0.1,
                "maximize", true, "fused", fused)), 10));
        c.put("adam", new Config(ps -> new Adam(ps, Map.of("lr", 0.05, "fused", fused)), 10));
        c.put("adam_wd", new Config(ps -> new Adam(ps, Map.of("lr", 0.05, "betas", List.of(0.8, 0.95), "eps", 1e-6,
                "weightDecay", 0.1, "fused", fused)), 10));
        c.put("adam_amsgrad", new Config(ps -> new Adam(ps, Map.of("lr", 0.05, "amsgrad", true, "fused", fused)), 10));
        c.put("adamw", new Config(ps -> new AdamW(ps, Map.of("lr", 0.05, "weightDecay", 0.1, "fused", fused)), 10));
        c.put("adamw_amsgrad_maximize", new Config(ps -> new AdamW(ps, Map.of("lr", 0.05, "amsgrad", true, "maximize", true,
                "fused", fused)), 10));
        c.put("rmsprop", new Config(ps -> new RMSprop(ps, Map.of("lr", 0.01)), 10));
        c.put("rmsprop_centered_momentum", new Config(ps -> new RMSprop(ps, Map.of("lr", 0.01, "alpha", 0.9, "eps", 1e-6,
                "weightDecay", 0.01, "momentum", 0.5, "centered", true)), 10));
        c.put("adagrad", new Config(ps -> new Adagrad(ps, Map.of("lr", 0.5, "lrDecay", 0.01, "weightDecay", 0.01,
                "initialAccumulatorValue", 0.1)), 10));
        c.put("lbfgs", new Config(ps -> new LBFGS(ps, Map.of("lr", 1, "maxIter", 5, "historySize", 4)), 4));
        c.put("lbfgs_wolfe", new Config(ps -> new LBFGS(ps, Map.of("lr", 1, "maxIter", 5, "historySize", 4,
                "lineSearchFn", "strong_wolfe")), 4));
        return c;
    }

    static List<Tensor> rosenParams() {
        return List.of(Tensor.of(-1.5, 2.0).requiresGrad(true));
    }

    /** (1 - x0)^2 + 100 (x1 - x0^2)^2 */
    static Tensor rosen(List<Tensor> ps) {
        Tensor x = ps.get(0);
        Tensor x0 = x.select(0, 0), x1 = x.select(0, 1);
        return x0.neg().add(1.0).square().add(x1.sub(x0.square()).square().mul(100.0));
    }

    static List<Tensor> linParams() {
        Map<String, Tensor> d = GOLDEN.get("data");
        return List.of(d.get("W0").clone().requiresGrad(true), d.get("B0").clone().requiresGrad(true));
    }

    /** mean((X W + b - Y)^2) */
    static Tensor lin(List<Tensor> ps) {
        Map<String, Tensor> d = GOLDEN.get("data");
        return d.get("X").matmul(ps.get(0)).add(ps.get(1)).sub(d.get("Y")).square().mean();
    }

    @Test
    void everyGoldenCaseIsReplayed() {
        TreeSet<String> want = new TreeSet<>(GOLDEN.cases().keySet());
        want.remove("data");
        TreeSet<String> have = new TreeSet<>();
        for (String n : configs(true).keySet()) {
            have.add(n + "@rosen");
            have.add(n + "@linreg");
        }
        have.add("adam_groups@linreg");
        assertEquals(want, have);
    }

    @TestFactory
    List<DynamicTest> trajectoriesMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (boolean fused : new boolean[] {true, false}) {
            configs(fused).forEach((name, cfg) -> {
                for (String problem : new String[] {"rosen", "linreg"}) {
                    String label = name + "@" + problem + (fused ? " (fused)" : " (tensor ops)");
                    tests.add(DynamicTest.dynamicTest(label, () -> replay(name + "@" + problem, cfg, problem)));
                }
            });
        }
        return tests;
    }

    private static void replay(String golden, Config cfg, String problem) {
        List<Tensor> ps = problem.equals("rosen") ? rosenParams() : linParams();
        Function<List<Tensor>, Tensor> f = problem.equals("rosen") ? OptimizerGoldenTest::rosen : OptimizerGoldenTest::lin;
        double sign = golden.contains("maximize") ? -1 : 1;
        Optimizer opt = cfg.make().apply(ps);
        double tol = opt instanceof LBFGS ? 1e-7 : 1e-9;
        Map<String, Tensor> want = GOLDEN.get(golden);
        double[] losses = want.get("losses").toDoubleArray();
        for (int k = 0; k < cfg.steps(); k++) {
            Tensor loss = opt.step(() -> {
                opt.zeroGrad();
                Tensor l = f.apply(ps).mul(sign);
                Autograd.backward(l);
                return l;
            });
            assertEquals(losses[k], loss.item(), tol * (1 + Math.abs(losses[k])), golden + " loss before step " + k);
            for (int j = 0; j < ps.size(); j++) {
                GoldenFile.assertClose(golden + " p" + j + " after step " + k, want.get("p" + j + ".step" + k), ps.get(j), tol, tol);
            }
        }
    }

    @Test
    void parameterGroupsOverrideDefaults() {
        List<Tensor> ps = linParams();
        Adam opt = new Adam(List.of(new ParamGroup(List.of(ps.get(0)), Map.of("lr", 0.05)),
                new ParamGroup(List.of(ps.get(1)), Map.of("lr", 0.2, "betas", new double[] {0.8, 0.99}))), Map.of("lr", 1.0));
        Map<String, Tensor> want = GOLDEN.get("adam_groups@linreg");
        for (int k = 0; k < 10; k++) {
            opt.zeroGrad();
            Autograd.backward(lin(ps));
            opt.step();
            for (int j = 0; j < 2; j++) {
                GoldenFile.assertClose("adam_groups p" + j + " after step " + k, want.get("p" + j + ".step" + k), ps.get(j), 1e-9, 1e-9);
            }
        }
        assertEquals(0.05, opt.paramGroups().get(0).lr());
        assertEquals(0.999, opt.paramGroups().get(0).getDoubles("betas")[1]);
        assertEquals(0.99, opt.paramGroups().get(1).getDoubles("betas")[1]);
    }
}
