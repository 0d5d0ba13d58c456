package dev.weft.autograd;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.core.Storage;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The backward walk shared by {@link Autograd#backward} and {@link Autograd#grad}: find the nodes
 * reachable from the outputs, order them so a node runs only after every consumer of its outputs
 * (Kahn's algorithm, iterative: 10,000-deep chains are fine), run one rule per node, sum each
 * gradient back to its input's shape (the one place broadcasting is undone), and accumulate:
 * into node buffers, then into leaves' grad (out of place, so a grad handed out earlier never
 * changes under its holder). Rules run in grad mode iff createGraph, which is what makes
 * higher-order gradients work. One thread walks a given graph at a time.
 */
final class Engine {
    private Engine() {}

    private static final AtomicLong PASSES = new AtomicLong();

    /**
     * Runs backward from roots with seed gradients (null: ones, for one-element roots only). targets null:
     * accumulate into every reachable leaf's grad and return null; else return the gradient of each target
     * (null for an unreachable target when allowUnused).
     */
    static Tensor[] run(String api, Tensor[] roots, Tensor[] seeds, Tensor[] targets, boolean retainGraph,
                        boolean createGraph, boolean allowUnused) {
        if (seeds != null && seeds.length != roots.length) {
            throw new IllegalArgumentException(api + ": " + roots.length + " outputs but " + seeds.length + " gradients");
        }
        try (var mode = GradMode.set(createGraph)) {
            return new Walk(api, targets, retainGraph, createGraph, allowUnused).run(roots, seeds);
        }
    }

    private static final class Walk {
        final String api;
        final Tensor[] targets;
        final boolean retain, create, allowUnused, functional, anomaly;
        final long pass = PASSES.incrementAndGet();
        final List<Node> reachable = new ArrayList<>();
        // leaf gradients in order of first arrival
        final Map<Tensor, Integer> leafIndex = new IdentityHashMap<>(4);
        final List<Tensor> leaves = new ArrayList<>(4);
        final List<Tensor> leafGrads = new ArrayList<>(4);
        // functional mode: which leaves and node outputs are targets
        Map<Tensor, Integer> leafTargets;
        Map<Node, List<int[]>> nodeTargets;
        Map<Storage, Boolean> seedStorages;  // storages of caller-given seeds: never handed out as a leaf's grad

        Walk(String api, Tensor[] targets, boolean retain, boolean create, boolean allowUnused) {
            this.api = api;
            this.targets = targets;
            this.retain = retain;
            this.create = create;
            this.allowUnused = allowUnused;
            this.functional = targets != null;
            this.anomaly = GradMode.anomalyEnabled();
        }

        Tensor[] run(Tensor[] roots, Tensor[] seeds) {
            Tensor[] seed = new Tensor[roots.length];
            for (int k = 0; k < roots.length; k++) seed[k] = seed(k, roots[k], seeds == null ? null : seeds[k]);
            for (int k = 0; k < roots.length; k++) {
                Object g = roots[k].gradNode();
                if (g instanceof Node n) discover(n);
                else if (g instanceof Node.Out o) discover(o.node());
            }
            List<Node> order = topoOrder();
            if (functional) markTargets(order);
            for (int k = 0; k < roots.length; k++) {
                Tensor r = roots[k];
                Object g = r.gradNode();
                if (g instanceof Node n) deliver(n, 0, seed[k]);
                else if (g instanceof Node.Out o) deliver(o.node(), o.index(), seed[k]);
                else deliverLeaf(r, seed[k]);
            }
            Tensor[] result = functional ? new Tensor[targets.length] : null;
            for (Node n : order) {
                if (functional) capture(n, result);
                if (n.needed) execute(n);
                n.grads = null;
            }
            if (!functional) {
                accumulateLeaves();
                return null;
            }
            for (int t = 0; t < targets.length; t++) {
                if (result[t] == null) {
                    Integer li = leafIndex.get(targets[t]);
                    if (li != null && !(targets[t].gradNode() instanceof Node) && !(targets[t].gradNode() instanceof Node.Out)) {
                        result[t] = leafGrads.get(li);
                    }
                }
                if (result[t] == null && !allowUnused) {
                    throw new IllegalArgumentException(api + ": input " + t + " " + Shape.format(targets[t].shape())
                            + " was not used to compute the outputs (or only through non-differentiable ops); "
                            + "pass allowUnused=true to get null for it");
                }
            }
            return result;
        }

        private Tensor seed(int k, Tensor root, Tensor given) {
            if (!root.requiresGrad()) {
                String why = root.gradNode() instanceof NonDifferentiable nd ? nd.explain()
                        : "no input of the ops that produced it requires grad, or they ran in a noGrad scope "
                        + "(or before autograd was installed)";
                throw new IllegalArgumentException(api + ": output " + k + " " + Shape.format(root.shape()) + " "
                        + root.dtype() + " does not require grad: " + why);
            }
            if (given == null) {
                if (root.numel() != 1) {
                    throw new IllegalArgumentException(api + ": a gradient can be implied (as 1) only for an output with one "
                            + "element; output " + k + " has shape " + Shape.format(root.shape()) + ": pass its gradient");
                }
                return Tensor.onesLike(root);
            }
            if (!Arrays.equals(given.shape(), root.shape())) {
                throw new IllegalArgumentException(api + ": gradient " + k + " has shape " + Shape.format(given.shape())
                        + " but output " + k + " has shape " + Shape.format(root.shape()));
            }
            if (seedStorages == null) seedStorages = new IdentityHashMap<>(4);
            seedStorages.put(given.storage(), Boolean.TRUE);
            return given.dtype() == root.dtype() ? given : given.to(root.dtype());
        }

        /** Depth-first over edges from n: registers nodes of this pass and counts each node's consumers. */
        private void discover(Node root) {
            if (root.pass == pass) return;
            init(root);
            ArrayList<Node> stack = new ArrayList<>();
            stack.add(root);
            while (!stack.isEmpty()) {
                Node n = stack.removeLast();
                for (Object e : n.next) {
                    if (e instanceof Node c) {
                        if (c.pass != pass) {
                            init(c);
                            stack.add(c);
                        }
                        c.deps++;
                    }
                }
            }
        }

        private void init(Node n) {
            n.pass = pass;
            n.deps = 0;
            n.grads = null;
            n.needed = !functional;
            reachable.add(n);
        }

        /** Kahn's algorithm over the reachable nodes: every node comes after all of its consumers. */
        private List<Node> topoOrder() {
            List<Node> order = new ArrayList<>(reachable.size());
            ArrayList<Node> ready = new ArrayList<>();
            for (Node n : reachable) if (n.deps == 0) ready.add(n);
            while (!ready.isEmpty()) {
                Node n = ready.removeLast();
                order.add(n);
                for (Object e : n.next) {
                    if (e instanceof Node c && --c.deps == 0) ready.add(c);
                }
            }
            return order;
        }

        /** Functional mode: a node runs only if one of its edges leads to a target. */
        private void markTargets(List<Node> order) {
            leafTargets = new IdentityHashMap<>();
            nodeTargets = new IdentityHashMap<>();
            for (int t = 0; t < targets.length; t++) {
                Tensor x = targets[t];
                Object g = x.gradNode();
                if (g instanceof Node n) nodeTargets.computeIfAbsent(n, k -> new ArrayList<>()).add(new int[] {0, t});
                else if (g instanceof Node.Out o) nodeTargets.computeIfAbsent(o.node(), k -> new ArrayList<>()).add(new int[] {o.index(), t});
                else if (x.requiresGrad()) leafTargets.put(x, t);
                else {
                    throw new IllegalArgumentException(api + ": input " + t + " " + Shape.format(x.shape())
                            + " does not require grad, so no gradient can be taken with respect to it");
                }
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                Node n = order.get(i);
                boolean need = false;
                for (Object e : n.next) need |= useful(e);
                n.needed = need;
            }
        }

        private boolean useful(Object edge) {
            if (edge == null) return false;
            if (!functional) return true;
            if (edge instanceof Node c) return c.needed || nodeTargets.containsKey(c);
            return leafTargets.containsKey((Tensor) edge);
        }

        private void capture(Node n, Tensor[] result) {
            List<int[]> ts = nodeTargets.get(n);
            if (ts == null) return;
            for (int[] st : ts) result[st[1]] = n.grads == null ? null : n.grads[st[0]];
        }

        private void execute(Node n) {
            Tensor[] gin = n.grads;
            if (gin == null) return;
            int in = n.inputCount();
            boolean[] needs = new boolean[in];
            boolean any = false;
            for (int i = 0; i < in; i++) any |= needs[i] = useful(n.next[i]);
            if (!any) return;
            if (n.released()) n.input(0); // throws: the graph was freed by an earlier backward
            Tensor[] out = n.call != null ? n.call.backward(n, gin, needs) : Gradients.backward(n.op, new Ctx(n, gin, needs));
            if (anomaly) Anomaly.checkBackward(n, gin, out);
            for (int i = 0; i < in; i++) {
                if (!needs[i] || out[i] == null) continue;
                Tensor g = fit(n, i, out[i]);
                Object e = n.next[i];
                if (e instanceof Node c) deliver(c, n.nextSlot[i], g);
                else deliverLeaf((Tensor) e, g);
            }
            if (!retain) n.release();
        }

        /** Sums a rule's gradient down to input i's shape (un-broadcasting) and checks its dtype. */
        private Tensor fit(Node n, int i, Tensor g) {
            Tensor x = n.inputMeta(i);
            if (!sameShape(g, x)) {
                int[] want = x.shape(), have = g.shape();
                if (!Shape.broadcastsTo(want, have)) {
                    throw new IllegalStateException("backward of " + n.name() + " returned a gradient of shape "
                            + Shape.format(have) + " for input " + i + " of shape " + Shape.format(want));
                }
                g = unbroadcast(g, have, want);
            }
            if (g.dtype() != x.dtype()) {
                throw new IllegalStateException("backward of " + n.name() + " returned a " + g.dtype()
                        + " gradient for input " + i + " of dtype " + x.dtype());
            }
            return g;
        }

        /** g summed down to want: leading dims alone are one sum without keepdim, anything else sumToSize. */
        private static Tensor unbroadcast(Tensor g, int[] have, int[] want) {
            int lead = have.length - want.length;
            for (int d = 0; d < want.length; d++) if (want[d] != have[d + lead]) return g.sumToSize(want);
            int[] dims = new int[lead];
            for (int d = 0; d < lead; d++) dims[d] = d;
            return g.sum(dims, false);
        }

        private static boolean sameShape(Tensor a, Tensor b) {
            int r = a.dim();
            if (r != b.dim()) return false;
            for (int d = 0; d < r; d++) if (a.size(d) != b.size(d)) return false;
            return true;
        }

        private void deliver(Node n, int slot, Tensor g) {
            if (n.grads == null) n.grads = new Tensor[n.outputCount];
            Tensor old = n.grads[slot];
            n.grads[slot] = old == null ? g : accumulate(old, g);
        }

        private void deliverLeaf(Tensor leaf, Tensor g) {
            Integer i = leafIndex.get(leaf);
            if (i == null) {
                leafIndex.put(leaf, leaves.size());
                leaves.add(leaf);
                leafGrads.add(g);
            } else {
                leafGrads.set(i, accumulate(leafGrads.get(i), g));
            }
        }

        /**
         * old + g. Two gradients laid out alike but not row-major (the transposed gradient of a Linear's W^T,
         * summed over the time steps of an RNN) are added through the permutation that makes them row-major,
         * so the sum keeps their layout and runs at unit stride; the values are those of old.add(g).
         */
        private static Tensor accumulate(Tensor old, Tensor g) {
            if (!g.isContiguous() && java.util.Arrays.equals(old.stride(), g.stride()) && sameShape(old, g)) {
                int[] p = densePermutation(g);
                if (p != null) {
                    int[] inv = new int[p.length];
                    for (int i = 0; i < p.length; i++) inv[p[i]] = i;
                    return old.permute(p).add(g.permute(p)).permute(inv);
                }
            }
            return old.add(g);
        }

        /** The dims of t by decreasing stride when that order makes t row-major (dense, no gaps), else null. */
        private static int[] densePermutation(Tensor t) {
            int r = t.dim();
            Integer[] order = new Integer[r];
            for (int i = 0; i < r; i++) order[i] = i;
            java.util.Arrays.sort(order, (a, b) -> Integer.compare(t.stride(b), t.stride(a)));
            int[] p = new int[r];
            for (int i = 0; i < r; i++) p[i] = order[i];
            return t.permute(p).isContiguous() ? p : null;
        }

        /** leaf.grad += g, out of place; a first gradient is kept only if nothing else shares its storage. */
        private void accumulateLeaves() {
            Map<Storage, Boolean> handed = new IdentityHashMap<>(Math.max(4, leaves.size()));
            for (int i = 0; i < leaves.size(); i++) {
                Tensor leaf = leaves.get(i), g = leafGrads.get(i), old = leaf.grad();
                if (old == null) {
                    Storage s = g.storage();
                    boolean owned = g.storageOffset() == 0 && g.isContiguous() && g.numel() == s.length()
                            && (seedStorages == null || !seedStorages.containsKey(s)) && handed.put(s, Boolean.TRUE) == null;
                    leaf.setGrad(owned ? g : g.clone());
                } else {
                    leaf.setGrad(accumulate(old, g));
                }
            }
        }
    }
}
