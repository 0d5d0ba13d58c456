package dev.weft.tensor;


import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Einstein summation composed from views, sums and {@link dev.weft.tensor.op.MatmulOp.Bmm}: repeated indices within one
 * operand take a diagonal (as_strided view), indices used nowhere else are summed out, and operands
 * are contracted left to right, each pair as permute -> reshape (B, M, K) @ (B, K, N) -> reshape.
 * Supports "->" (explicit output) or the implicit form, "..." (broadcast dims) and size-1 broadcasting.
 */
public final class Einsum {
    private Einsum() {}

    /** A tensor whose dims are named by labels (one label per dim, all distinct). */
    private record Labeled(Tensor t, int[] labels) {}

    /**
     * {@return torch.einsum(equation, operands): e.g. "ij,jk->ik" is a matrix product, "ii->" a trace}
     *
     * @param equation the subscripts, e.g. "ij,jk->ik"
     * @param operands one tensor per operand of the equation
     */
    public static Tensor einsum(String equation, Tensor... operands) {
        String eq = equation.replace(" ", "");
        if (operands.length == 0) throw new IllegalArgumentException("einsum: at least one operand is needed");
        String lhs = eq, rhs = null;
        int arrow = eq.indexOf("->");
        if (arrow >= 0) {
            lhs = eq.substring(0, arrow);
            rhs = eq.substring(arrow + 2);
        }
        String[] terms = lhs.split(",", -1);
        if (terms.length != operands.length) {
            throw new IllegalArgumentException("einsum: '" + equation + "' names " + terms.length + " operand(s), got "
                    + operands.length);
        }
        DType t = operands[0].dtype();
        for (Tensor o : operands) t = DType.promote(t, o.dtype());
        int ell = 0;
        for (int i = 0; i < terms.length; i++) {
            if (terms[i].contains("...")) ell = Math.max(ell, operands[i].dim() - (terms[i].length() - 3));
        }
        List<int[]> labels = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) labels.add(parse(equation, terms[i], operands[i].dim(), ell, i));
        int[] out;
        if (rhs != null) {
            out = parse(equation, rhs, -1, ell, -1);
        } else {
            out = implicitOutput(labels, ell);
        }
        Map<Integer, Integer> sizes = sizes(equation, labels, operands);
        for (int i = 0; i < out.length; i++) {
            if (!sizes.containsKey(out[i])) {
                throw new IllegalArgumentException("einsum: '" + equation + "': output index '" + name(out[i])
                        + "' appears in no operand");
            }
            for (int j = 0; j < i; j++) {
                if (out[j] == out[i]) {
                    throw new IllegalArgumentException("einsum: '" + equation + "': output index '" + name(out[i]) + "' repeated");
                }
            }
        }
        List<Labeled> ops = new ArrayList<>();
        for (int i = 0; i < operands.length; i++) ops.add(diagonal(equation, operands[i].to(t), labels.get(i)));
        Labeled acc = sumOut(ops.get(0), keep(out, ops, 0));
        for (int i = 1; i < ops.size(); i++) {
            Labeled b = sumOut(ops.get(i), keep(out, ops, i, acc));
            acc = contract(acc, b, keep(out, ops, i));
        }
        acc = sumOut(acc, out);
        int[] perm = new int[out.length];
        for (int i = 0; i < out.length; i++) perm[i] = indexOf(acc.labels(), out[i]);
        Tensor r = acc.t().permute(perm);
        int[] want = new int[out.length];
        for (int i = 0; i < out.length; i++) want[i] = sizes.get(out[i]);
        return Arrays.equals(r.shape(), want) ? r : r.expand(want).contiguous();
    }

    // Labels: 'a'..'z', 'A'..'Z' as their char codes; ellipsis dims as 1000 + k (k = 0 is the leftmost).
    private static int[] parse(String eq, String term, int rank, int ell, int operand) {
        List<Integer> out = new ArrayList<>();
        int dots = term.indexOf("...");
        if (dots >= 0 && term.indexOf("...", dots + 1) >= 0) {
            throw new IllegalArgumentException("einsum: '" + eq + "': '...' appears twice in '" + term + "'");
        }
        int named = dots >= 0 ? term.length() - 3 : term.length();
        int e = dots < 0 ? 0 : (rank < 0 ? ell : rank - named);
        if (rank >= 0 && (e < 0 || (dots < 0 && named != rank))) {
            throw new IllegalArgumentException("einsum: '" + eq + "': operand " + operand + " has " + rank
                    + " dims but subscripts '" + term + "' name " + named);
        }
        for (int i = 0; i < term.length(); i++) {
            if (i == dots) {
                for (int k = ell - e; k < ell; k++) out.add(1000 + k);
                i += 2;
                continue;
            }
            char c = term.charAt(i);
            if (!Character.isLetter(c) || c > 'z') {
                throw new IllegalArgumentException("einsum: '" + eq + "': invalid subscript '" + c + "' (letters only)");
            }
            out.add((int) c);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] implicitOutput(List<int[]> labels, int ell) {
        Map<Integer, Integer> count = new java.util.TreeMap<>();
        for (int[] l : labels) for (int x : l) count.merge(x, 1, Integer::sum);
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < ell; k++) out.add(1000 + k);
        for (var en : count.entrySet()) if (en.getKey() < 1000 && en.getValue() == 1) out.add(en.getKey());
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String name(int label) {
        return label >= 1000 ? "..." : String.valueOf((char) label);
    }

    private static Map<Integer, Integer> sizes(String eq, List<int[]> labels, Tensor[] ops) {
        Map<Integer, Integer> sizes = new LinkedHashMap<>();
        Map<Integer, Integer> where = new LinkedHashMap<>();
        for (int i = 0; i < ops.length; i++) {
            int[] l = labels.get(i);
            for (int d = 0; d < l.length; d++) {
                int s = ops[i].size(d);
                Integer prev = sizes.get(l[d]);
                if (prev == null || prev == 1) {
                    sizes.put(l[d], s);
                    where.put(l[d], i);
                } else if (s != prev && s != 1) {
                    throw new IllegalArgumentException("einsum: '" + eq + "': index '" + name(l[d]) + "' has size " + prev
                            + " in operand " + where.get(l[d]) + " " + Shape.format(ops[where.get(l[d])].shape())
                            + " but " + s + " in operand " + i + " " + Shape.format(ops[i].shape()));
                }
            }
        }
        return sizes;
    }

    /** Takes the diagonal of repeated labels (one as_strided view) so every label names one dim. */
    private static Labeled diagonal(String eq, Tensor x, int[] labels) {
        List<Integer> uniq = new ArrayList<>();
        List<Integer> size = new ArrayList<>(), stride = new ArrayList<>();
        int[] shape = x.shape(), st = x.stride();
        for (int d = 0; d < labels.length; d++) {
            int u = uniq.indexOf(labels[d]);
            if (u < 0) {
                uniq.add(labels[d]);
                size.add(shape[d]);
                stride.add(st[d]);
            } else {
                if (size.get(u) != shape[d]) {
                    throw new IllegalArgumentException("einsum: '" + eq + "': repeated index '" + name(labels[d])
                            + "' has sizes " + size.get(u) + " and " + shape[d] + " in " + Shape.format(shape));
                }
                stride.set(u, stride.get(u) + st[d]);
            }
        }
        int[] l = uniq.stream().mapToInt(Integer::intValue).toArray();
        if (l.length == labels.length) return new Labeled(x, l);
        int[] s = size.stream().mapToInt(Integer::intValue).toArray();
        int[] t = stride.stream().mapToInt(Integer::intValue).toArray();
        return new Labeled(x.asStrided(s, t, x.storageOffset()), l);
    }

    /** Labels that must survive after operand i is folded in: the output's and those of operands after i. */
    private static int[] keep(int[] out, List<Labeled> ops, int i, Labeled... extra) {
        List<Integer> k = new ArrayList<>();
        for (int x : out) k.add(x);
        for (int j = i + 1; j < ops.size(); j++) for (int x : ops.get(j).labels()) k.add(x);
        for (Labeled e : extra) for (int x : e.labels()) k.add(x);
        return k.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        return -1;
    }

    /** Sums out every label not in keep. */
    private static Labeled sumOut(Labeled x, int[] keep) {
        List<Integer> drop = new ArrayList<>(), rest = new ArrayList<>();
        for (int d = 0; d < x.labels().length; d++) {
            if (indexOf(keep, x.labels()[d]) < 0) drop.add(d); else rest.add(x.labels()[d]);
        }
        if (drop.isEmpty()) return x;
        Tensor s = x.t().sum(drop.stream().mapToInt(Integer::intValue).toArray(), false);
        return new Labeled(s, rest.stream().mapToInt(Integer::intValue).toArray());
    }

    /** a, b -> one tensor over (batch, a-only, b-only) labels; shared labels not in keep are contracted. */
    private static Labeled contract(Labeled a, Labeled b, int[] keep) {
        List<Integer> batch = new ArrayList<>(), contr = new ArrayList<>(), aOnly = new ArrayList<>(), bOnly = new ArrayList<>();
        for (int x : a.labels()) {
            if (indexOf(b.labels(), x) >= 0) {
                if (indexOf(keep, x) >= 0) batch.add(x); else contr.add(x);
            } else {
                aOnly.add(x);
            }
        }
        for (int x : b.labels()) if (indexOf(a.labels(), x) < 0) bOnly.add(x);
        Tensor ta = arrange(a, batch, aOnly, contr, b);
        Tensor tb = arrange(b, batch, contr, bOnly, a);
        int bs = prod(ta, 0, batch.size()), m = prod(ta, batch.size(), batch.size() + aOnly.size());
        int k = prod(ta, batch.size() + aOnly.size(), ta.dim());
        int n = prod(tb, batch.size() + contr.size(), tb.dim());
        Tensor r = Products.bmm(ta.reshape(bs, m, k), tb.reshape(bs, k, n));
        int[] shape = new int[batch.size() + aOnly.size() + bOnly.size()];
        int j = 0;
        for (int d = 0; d < batch.size() + aOnly.size(); d++) shape[j++] = ta.size(d);
        for (int d = batch.size() + contr.size(); d < tb.dim(); d++) shape[j++] = tb.size(d);
        List<Integer> labels = new ArrayList<>(batch);
        labels.addAll(aOnly);
        labels.addAll(bOnly);
        return new Labeled(r.reshape(shape), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** x permuted to the order g1 + g2 + g3, with size-1 dims expanded to the other operand's size. */
    private static Tensor arrange(Labeled x, List<Integer> g1, List<Integer> g2, List<Integer> g3, Labeled other) {
        List<Integer> order = new ArrayList<>(g1);
        order.addAll(g2);
        order.addAll(g3);
        int[] perm = new int[order.size()];
        int[] sizes = new int[order.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = indexOf(x.labels(), order.get(i));
            int s = x.t().size(perm[i]);
            int o = indexOf(other.labels(), order.get(i));
            sizes[i] = (s == 1 && o >= 0) ? other.t().size(o) : s;
        }
        return x.t().permute(perm).expand(sizes);
    }

    private static int prod(Tensor t, int from, int to) {
        long p = 1;
        for (int d = from; d < to; d++) p *= t.size(d);
        return (int) p;
    }
}
