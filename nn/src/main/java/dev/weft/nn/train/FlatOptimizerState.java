package dev.weft.nn.train;

import dev.weft.nn.optim.Optimizer;
import dev.weft.nn.optim.OptimizerStateDict;
import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer's per-parameter state (Adam's step and moments, SGD's momentum buffers, RMSprop's averages) as one
 * flat float vector beside a layout string, so that data-parallel replicas can average it like the parameters and a
 * fresh optimizer can take it back: {@link #of} flattens, {@link #load} restores. Local SGD with averaged optimizer
 * state: after each round, {@code m = sum_r n_r m_r / sum_r n_r} for every buffer, as for the parameters.
 *
 * <p>The layout lists, in parameter-index order (as {@link Optimizer#stateDict} counts them) and each parameter's
 * state keys in their order, {@code index.key=T2x3} (a tensor of that shape), {@code =L}, {@code =I}, {@code =D} (a
 * long, int or double counter) or {@code =N} (null), joined by ';'; "" is no state yet (before the first step). A
 * tensor contributes its values, a counter one float: exact for step counts up to 2^24, rounded to the nearest integer
 * on load (a weighted mean of unequal counts). The group options (lr, betas, ...) are not part of it: the optimizer
 * keeps its own. Limits: float32 values (an F64 state loses precision); state that is neither a tensor nor a number
 * (LBFGS's history lists) is an IllegalArgumentException.
 */
public final class FlatOptimizerState {
    private FlatOptimizerState() {}

    /**
     * An optimizer's state, flattened.
     *
     * @param layout what each stretch of {@code values} is, as the class comment says
     * @param values the state's numbers
     */
    public record Flat(String layout, float[] values) {}

    /**
     * {@return the state of {@code opt}, flattened (copies; {@code opt} is not changed)}
     *
     * @param opt the optimizer
     * @throws IllegalArgumentException when a state value is neither a floating-point tensor nor a number
     */
    public static Flat of(Optimizer opt) {
        OptimizerStateDict dict = opt.stateDict();
        StringBuilder layout = new StringBuilder();
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (Map.Entry<Integer, Map<String, Object>> e : dict.state().entrySet()) {
            for (Map.Entry<String, Object> kv : e.getValue().entrySet()) {
                String key = kv.getKey();
                if (key.contains(";") || key.contains("=")) throw new IllegalArgumentException("FlatOptimizerState.of: state key '" + key + "'");
                if (!layout.isEmpty()) layout.append(';');
                layout.append(e.getKey()).append('.').append(key).append('=');
                float[] v = switch (kv.getValue()) {
                    case null -> {
                        layout.append('N');
                        yield new float[0];
                    }
                    case Tensor t when t.dtype().isFloatingPoint() -> {
                        layout.append('T').append(dims(t.shape()));
                        yield t.contiguous().toFloatArray();
                    }
                    case Long l -> {
                        layout.append('L');
                        yield new float[] {l};
                    }
                    case Integer i -> {
                        layout.append('I');
                        yield new float[] {i};
                    }
                    case Double d -> {
                        layout.append('D');
                        yield new float[] {d.floatValue()};
                    }
                    default -> throw new IllegalArgumentException("FlatOptimizerState.of: " + opt.getClass().getSimpleName() + "'s state '"
                            + key + "' of parameter " + e.getKey() + " is a " + kv.getValue().getClass().getSimpleName()
                            + ", not a floating-point tensor or a number: it cannot be flattened");
                };
                parts.add(v);
                total += v.length;
            }
        }
        float[] values = new float[total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, values, at, p.length);
            at += p.length;
        }
        return new Flat(layout.toString(), values);
    }

    /**
     * {@return how many floats a state of this layout holds}
     *
     * @param layout a layout from {@link #of}
     */
    public static int size(String layout) {
        int n = 0;
        for (Entry e : parse(layout)) n += e.size();
        return n;
    }

    /**
     * Replaces the state of {@code opt} with {@code values} laid out as {@code layout} (the group options stay as they
     * are); an empty layout clears it. Modifies {@code opt}.
     *
     * @param opt the optimizer, over the same parameters (count and shapes) as the one flattened
     * @param layout a layout from {@link #of}
     * @param values {@link #size}(layout) floats
     * @throws IllegalArgumentException when the length or the layout does not fit {@code opt} (nothing changes then)
     */
    public static void load(Optimizer opt, String layout, float[] values) {
        List<Entry> entries = parse(layout);
        int want = 0;
        for (Entry e : entries) want += e.size();
        if (values.length != want) {
            throw new IllegalArgumentException("FlatOptimizerState.load: " + values.length + " floats for a layout of " + want);
        }
        OptimizerStateDict own = opt.stateDict();
        Map<Integer, Map<String, Object>> state = new LinkedHashMap<>();
        int at = 0;
        for (Entry e : entries) {
            Object v = switch (e.kind()) {
                case 'N' -> null;
                case 'L' -> Math.round((double) values[at]);
                case 'I' -> (int) Math.round((double) values[at]);
                case 'D' -> (double) values[at];
                default -> {
                    float[] part = new float[e.size()];
                    System.arraycopy(values, at, part, 0, part.length);
                    yield Tensor.of(part, e.shape());
                }
            };
            at += e.size();
            state.computeIfAbsent(e.param(), k -> new LinkedHashMap<>()).put(e.key(), v);
        }
        opt.loadStateDict(new OptimizerStateDict(state, own.paramGroups()));
    }

    private record Entry(int param, String key, char kind, int[] shape) {
        int size() {
            if (kind == 'N') return 0;
            if (kind != 'T') return 1;
            int n = 1;
            for (int d : shape) n *= d;
            return n;
        }
    }

    private static List<Entry> parse(String layout) {
        List<Entry> out = new ArrayList<>();
        if (layout.isEmpty()) return out;
        for (String item : layout.split(";")) {
            int dot = item.indexOf('.'), eq = item.lastIndexOf('=');
            if (dot <= 0 || eq < dot || eq == item.length() - 1) throw new IllegalArgumentException("FlatOptimizerState: bad layout entry '" + item + "'");
            char kind = item.charAt(eq + 1);
            int[] shape = new int[0];
            if (kind == 'T') {
                String d = item.substring(eq + 2);
                if (!d.isEmpty()) {
                    String[] ds = d.split("x");
                    shape = new int[ds.length];
                    for (int i = 0; i < ds.length; i++) shape[i] = Integer.parseInt(ds[i]);
                }
            } else if ("NLID".indexOf(kind) < 0 || eq + 2 != item.length()) {
                throw new IllegalArgumentException("FlatOptimizerState: bad layout entry '" + item + "'");
            }
            out.add(new Entry(Integer.parseInt(item.substring(0, dot)), item.substring(dot + 1, eq), kind, shape));
        }
        return out;
    }

    private static String dims(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : "x").append(shape[i]);
        return sb.toString();
    }
}
