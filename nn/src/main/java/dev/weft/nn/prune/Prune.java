package dev.weft.nn.prune;

import dev.weft.autograd.GradMode;
import dev.weft.nn.Module;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pruning by masks, with torch.nn.utils.prune's functions, names and semantics: each call masks parameter
 * {@code name} of {@code module} ({@link Module#maskParameter}: "weight" becomes "weight_orig" times the buffer
 * "weight_mask" in every forward, so pruned entries are zero there and get zero gradient). Pruning again
 * prunes among the entries (or channels) still unpruned and combines the masks, as torch's PruningContainer:
 * {@code l1Unstructured(m, "weight", 0.2)} twice leaves 0.8^2 = 64% of the weights.
 *
 * <p>{@code amount}: a fraction in [0, 1] of the unpruned entries (rounded half to even, as Python's round), or,
 * through the {@code int} overloads, a count. Ties in magnitude go to the lower flat index, so the same tensor
 * always gives the same mask. {@link #remove} makes a mask permanent.
 */
public final class Prune {
    private Prune() {}

    /**
     * One parameter to prune: {@code module}'s own parameter {@code name} (global pruning takes a list of them).
     *
     * @param module the module that owns the parameter
     * @param name the parameter's name in that module, e.g. "weight"
     */
    public record Target(Module module, String name) {
        /**
         * Checks both components.
         *
         * @throws IllegalArgumentException when {@code module} or {@code name} is null
         */
        public Target {
            if (module == null || name == null) throw new IllegalArgumentException("Prune.Target: module and name must not be null");
        }
    }

    // ---------------------------------------------------------------- unstructured

    /**
     * A mask of ones (torch's identity): the reparametrization without pruning anything.
     *
     * @param module the module that owns the parameter
     * @param name the parameter to mask
     * @return {@code module}
     */
    public static Module identity(Module module, String name) {
        Tensor w = original(module, name, "identity");
        if (!module.isMasked(name)) module.maskParameter(name, Tensor.onesLike(w.detach()));
        return module;
    }

    /**
     * Prunes the {@code amount} share of the unpruned entries with the smallest |w| (torch's l1_unstructured).
     *
     * @param module the module that owns the parameter
     * @param name the parameter to prune
     * @param amount the fraction in [0, 1] of the unpruned entries to prune
     * @return {@code module}
     */
    public static Module l1Unstructured(Module module, String name, double amount) {
        return l1Unstructured(module, name, count("l1Unstructured", amount, unpruned(module, name, "l1Unstructured")));
    }

    /**
     * Prunes the {@code amount} unpruned entries with the smallest |w|.
     *
     * @param module the module that owns the parameter
     * @param name the parameter to prune
     * @param amount how many unpruned entries to prune
     * @return {@code module}
     */
    public static Module l1Unstructured(Module module, String name, int amount) {
        globalUnstructured(List.of(new Target(module, name)), amount);
        return module;
    }

    /**
     * Prunes the {@code amount} share of the unpruned entries, chosen uniformly from {@code g} (torch's random_unstructured).
     *
     * @param module the module that owns the parameter
     * @param name the parameter to prune
     * @param amount the fraction in [0, 1] of the unpruned entries to prune
     * @param g the generator that draws the entries
     * @return {@code module}
     */
    public static Module randomUnstructured(Module module, String name, double amount, Generator g) {
        return randomUnstructured(module, name, count("randomUnstructured", amount, unpruned(module, name, "randomUnstructured")), g);
    }

    /**
     * Prunes {@code amount} unpruned entries chosen uniformly from {@code g}.
     *
     * @param module the module that owns the parameter
     * @param name the parameter to prune
     * @param amount how many unpruned entries to prune
     * @param g the generator that draws the entries (a random permutation of the unpruned ones)
     * @return {@code module}
     */
    public static Module randomUnstructured(Module module, String name, int amount, Generator g) {
        Tensor w = original(module, name, "randomUnstructured");
        double[] mask = maskOf(module, name, w);
        int[] alive = alive(mask);
        checkCount("randomUnstructured", amount, alive.length);
        long[] order = Tensor.randperm(g, alive.length).toLongArray();
        for (int i = 0; i < amount; i++) mask[alive[(int) order[i]]] = 0;
        apply(module, name, w, mask);
        return module;
    }

    /**
     * Pools the unpruned entries of every target and prunes the {@code amount} share of them with the smallest
     * |w| (torch's global_unstructured with L1Unstructured): layers with smaller weights lose more.
     *
     * @param targets the parameters pooled together
     * @param amount the fraction in [0, 1] of all their unpruned entries to prune
     */
    public static void globalUnstructured(List<Target> targets, double amount) {
        long total = 0;
        for (Target t : targets) total += unpruned(t.module(), t.name(), "globalUnstructured");
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("globalUnstructured: " + total + " entries is more than 2^31 - 1");
        globalUnstructured(targets, count("globalUnstructured", amount, (int) total));
    }

    /**
     * The same with a count of entries to prune.
     *
     * @param targets the parameters pooled together (not empty)
     * @param amount how many of their unpruned entries to prune
     */
    public static void globalUnstructured(List<Target> targets, int amount) {
        if (targets == null || targets.isEmpty()) throw new IllegalArgumentException("globalUnstructured: no parameters to prune");
        List<Tensor> ws = new ArrayList<>();
        List<double[]> masks = new ArrayList<>(), values = new ArrayList<>();
        int alive = 0;
        for (Target t : targets) {
            Tensor w = original(t.module(), t.name(), "globalUnstructured");
            double[] m = maskOf(t.module(), t.name(), w);
            ws.add(w);
            masks.add(m);
            values.add(w.detach().toDoubleArray());
            alive += alive(m).length;
        }
        checkCount("globalUnstructured", amount, alive);
        // every unpruned entry as (target, flat index), ordered by |w|, then target, then index
        long[] keys = new long[alive];
        int k = 0;
        for (int t = 0; t < masks.size(); t++) {
            double[] m = masks.get(t);
            for (int i = 0; i < m.length; i++) if (m[i] != 0) keys[k++] = ((long) t << 32) | i;
        }
        Long[] boxed = Arrays.stream(keys).boxed().toArray(Long[]::new);
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(Math.abs(values.get((int) (a >>> 32))[(int) (long) a]), Math.abs(values.get((int) (b >>> 32))[(int) (long) b]));
            return c != 0 ? c : Long.compare(a, b);
        });
        for (int i = 0; i < amount; i++) masks.get((int) (boxed[i] >>> 32))[(int) (long) boxed[i]] = 0;
        for (int t = 0; t < targets.size(); t++) apply(targets.get(t).module(), targets.get(t).name(), ws.get(t), masks.get(t));
    }

    // ---------------------------------------------------------------- structured

    /**
     * Prunes whole slices along {@code dim} (output neurons at dim 0 of a Linear weight, channels of a Conv
     * weight): the {@code amount} share of the slices not yet pruned, those with the smallest L{@code n} norm of
     * the original weights (torch's ln_structured; n = 1, 2 or {@code Double.POSITIVE_INFINITY}).
     *
     * @param module the module that owns the parameter
     * @param name the parameter to prune
     * @param amount the fraction in [0, 1] of the unpruned slices to prune
     * @param n the norm's order: 1, 2 or {@code Double.POSITIVE_INFINITY}
     * @param dim the dimension whose slices are pruned
     * @return {@code module}
     */
    public static Module lnStructured(Module module, String name, double amount, double n, int dim) {
        Tensor w = original(module, name, "lnStructured");
        int d = checkDim("lnStructured", w, dim);
        if (!(n == 1 || n == 2 || n == Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("lnStructured: n must be 1, 2 or infinity, got " + n);
        }
        double[] mask = maskOf(module, name, w), v = w.detach().toDoubleArray();
        Slices s = new Slices(w.shape(), d);
        List<Integer> alive = s.alive(mask);
        int amountCount = count("lnStructured", amount, alive.size());
        double[] norm = new double[s.count];
        for (int c : alive) {
            double acc = 0;
            for (int i : s.indices(c)) {
                double a = Math.abs(v[i]);
                acc = n == 1 ? acc + a : n == 2 ? acc + a * a : Math.max(acc, a);
            }
            norm[c] = acc;
        }
        alive.sort((a, b) -> {
            int c = Double.compare(norm[a], norm[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int i = 0; i < amountCount; i++) for (int j : s.indices(alive.get(i))) mask[j] = 0;
        apply(module, name, w, mask);
        return module;
    }

    /**
     * Prunes the {@code amount} share of the unpruned slices along {@code dim}, chosen uniformly from {@code g} (torch's random_structured).
     *
     * @param module the module that owns the parameter
     * @param name the parameter to prune
     * @param amount the fraction in [0, 1] of the unpruned slices to prune
     * @param dim the dimension whose slices are pruned
     * @param g the generator that draws the slices
     * @return {@code module}
     */
    public static Module randomStructured(Module module, String name, double amount, int dim, Generator g) {
        Tensor w = original(module, name, "randomStructured");
        int d = checkDim("randomStructured", w, dim);
        double[] mask = maskOf(module, name, w);
        Slices s = new Slices(w.shape(), d);
        List<Integer> alive = s.alive(mask);
        int amountCount = count("randomStructured", amount, alive.size());
        long[] order = Tensor.randperm(g, alive.size()).toLongArray();
        for (int i = 0; i < amountCount; i++) for (int j : s.indices(alive.get((int) order[i]))) mask[j] = 0;
        apply(module, name, w, mask);
        return module;
    }

    // ---------------------------------------------------------------- bookkeeping

    /**
     * Makes the pruning of {@code name} permanent (torch's prune.remove): a plain parameter holding orig * mask.
     *
     * @param module the module that owns the parameter
     * @param name the masked parameter
     * @return {@code module}
     */
    public static Module remove(Module module, String name) {
        module.unmaskParameter(name);
        return module;
    }

    /**
     * {@return whether any module of the tree has a masked parameter} (torch's prune.is_pruned)
     *
     * @param module the root of the tree
     */
    public static boolean isPruned(Module module) {
        for (Module m : module.modules()) if (!m.maskedParameters().isEmpty()) return true;
        return false;
    }

    /**
     * {@return the share of zeros in the mask of {@code name}} 0 when it is not masked.
     *
     * @param module the module that owns the parameter
     * @param name the parameter
     */
    public static double sparsity(Module module, String name) {
        if (!module.isMasked(name)) return 0;
        double[] m = module.ownBuffers().get(name + "_mask").toDoubleArray();
        return (double) (m.length - alive(m).length) / m.length;
    }

    /**
     * {@return the number of unpruned entries of {@code name}} All of them when it is not masked.
     *
     * @param module the module that owns the parameter
     * @param name the parameter
     * @param op the caller's name for error messages
     * @throws IllegalArgumentException when {@code module} is null or has no parameter {@code name}
     */
    public static int unpruned(Module module, String name, String op) {
        Tensor w = original(module, name, op);
        if (!module.isMasked(name)) return Math.toIntExact(w.numel());
        return alive(module.ownBuffers().get(name + "_mask").toDoubleArray()).length;
    }

    /** The trained tensor behind {@code name}: name_orig when masked, else the parameter itself. */
    static Tensor original(Module module, String name, String op) {
        if (module == null) throw new IllegalArgumentException(op + ": module must not be null");
        Tensor w = module.ownParameters().get(module.isMasked(name) ? name + "_orig" : name);
        if (w == null) {
            throw new IllegalArgumentException(op + ": " + module.reprName() + " has no parameter '" + name + "' (its parameters: "
                    + module.ownParameters().keySet() + ")");
        }
        return w;
    }

    private static double[] maskOf(Module module, String name, Tensor w) {
        if (module.isMasked(name)) return module.ownBuffers().get(name + "_mask").toDoubleArray();
        double[] m = new double[Math.toIntExact(w.numel())];
        Arrays.fill(m, 1);
        return m;
    }

    private static void apply(Module module, String name, Tensor w, double[] mask) {
        try (var s = GradMode.noGrad()) {
            module.maskParameter(name, Tensor.of(mask, w.shape()).to(w.dtype()));
        }
    }

    private static int[] alive(double[] mask) {
        int n = 0;
        for (double v : mask) if (v != 0) n++;
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < mask.length; i++) if (mask[i] != 0) out[k++] = i;
        return out;
    }

    /** round(amount * n), half to even (Python's round, which torch uses). */
    static int count(String op, double amount, int n) {
        if (!(amount >= 0 && amount <= 1)) throw new IllegalArgumentException(op + ": amount must be a fraction in [0, 1], got " + amount);
        return (int) Math.rint(amount * n);
    }

    private static void checkCount(String op, int amount, int alive) {
        if (amount < 0 || amount > alive) {
            throw new IllegalArgumentException(op + ": cannot prune " + amount + " entries, " + alive + " are unpruned");
        }
    }

    private static int checkDim(String op, Tensor w, int dim) {
        int d = dim < 0 ? dim + w.dim() : dim;
        if (d < 0 || d >= w.dim()) {
            throw new IllegalArgumentException(op + ": dim " + dim + " is out of range for a weight of shape " + Shape.format(w.shape()));
        }
        return d;
    }

    /** The slices of a row-major tensor along one dimension. */
    private static final class Slices {
        final int count, inner, outer;

        Slices(int[] shape, int dim) {
            int in = 1, out = 1;
            for (int i = dim + 1; i < shape.length; i++) in *= shape[i];
            for (int i = 0; i < dim; i++) out *= shape[i];
            this.count = shape[dim];
            this.inner = in;
            this.outer = out;
        }

        /** Flat indices of slice c. */
        int[] indices(int c) {
            int[] idx = new int[outer * inner];
            int k = 0;
            for (int o = 0; o < outer; o++) for (int i = 0; i < inner; i++) idx[k++] = (o * count + c) * inner + i;
            return idx;
        }

        /** Slices with at least one unpruned entry, in order. */
        List<Integer> alive(double[] mask) {
            List<Integer> out = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                for (int i : indices(c)) {
                    if (mask[i] != 0) {
                        out.add(c);
                        break;
                    }
                }
            }
            return out;
        }
    }
}
