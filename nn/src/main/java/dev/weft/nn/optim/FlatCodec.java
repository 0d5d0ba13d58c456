package dev.weft.nn.optim;

import dev.weft.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Text encoding of the non-tensor values of an {@link OptimizerStateDict}: "d:0.001" (double, exact
 * via its hex form), "l:12" (long), "i:5" (int), "b:true", "s:text", "a:0x1.cp-1,0x1.ff7ced916872bp-1"
 * (double[]), "null", and "list:n" for a list whose entries follow as name.0 .. name.(n-1).
 */
final class FlatCodec {
    private FlatCodec() {}

    static String encode(Object v) {
        return switch (v) {
            case null -> "null";
            case Double d -> "d:" + Double.toHexString(d);
            case Float f -> "d:" + Double.toHexString(f);
            case Long l -> "l:" + l;
            case Integer i -> "i:" + i;
            case Boolean b -> "b:" + b;
            case String s -> {
                if (s.contains("\n") || s.contains(";")) {
                    throw new IllegalArgumentException("OptimizerStateDict: string option '" + s + "' holds ';' or a newline");
                }
                yield "s:" + s;
            }
            case double[] a -> "a:" + String.join(",", Arrays.stream(a).mapToObj(Double::toHexString).toList());
            case List<?> l -> {
                List<String> parts = new ArrayList<>();
                for (Object e : l) {
                    if (!(e instanceof Number n)) throw new IllegalArgumentException("OptimizerStateDict: cannot encode list entry " + e);
                    parts.add(Long.toString(n.longValue()));
                }
                yield "p:" + String.join(",", parts);          // a group's "params" index list
            }
            default -> throw new IllegalArgumentException("OptimizerStateDict: cannot encode " + v.getClass().getSimpleName() + " " + v);
        };
    }

    /** Decodes {@code s}, stored under {@code key}; a malformed text is an error naming the key. */
    static Object decodeValue(String key, String s) {
        if (s.equals("null")) return null;
        int c = s.indexOf(':');
        if (c < 0) throw bad(key, s, "expected KIND:VALUE");
        String kind = s.substring(0, c), body = s.substring(c + 1);
        try {
            return switch (kind) {
                case "d" -> Double.parseDouble(body);
                case "l" -> Long.parseLong(body);
                case "i" -> Integer.parseInt(body);
                case "b" -> switch (body) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw bad(key, s, "a boolean is true or false");
                };
                case "s" -> body;
                case "a" -> body.isEmpty() ? new double[0] : Arrays.stream(body.split(",")).mapToDouble(Double::parseDouble).toArray();
                case "p" -> body.isEmpty() ? List.of() : Arrays.stream(body.split(",")).map(Integer::parseInt).toList();
                default -> throw bad(key, s, "unknown kind '" + kind + "'");
            };
        } catch (NumberFormatException e) {
            throw bad(key, s, "not a number (" + e.getMessage() + ")");
        }
    }

    private static IllegalArgumentException bad(String key, String text, String why) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new IllegalArgumentException("optimizer state '" + key + "': cannot read '" + shown + "': " + why);
    }

    static OptimizerStateDict decode(OptimizerStateDict.Flat flat) {
        List<Map<String, Object>> groups = new ArrayList<>();
        String g = flat.metadata().get("paramGroups");
        if (g == null) throw new IllegalArgumentException("OptimizerStateDict.fromTensors: metadata has no 'paramGroups'");
        String[] lines = g.split("\n");
        for (int gi = 0; gi < lines.length; gi++) {
            String line = lines[gi];
            if (line.isEmpty()) continue;
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            for (String kv : line.split(";")) {
                int e = kv.indexOf('=');
                String where = "paramGroups[" + groups.size() + "]";
                if (e <= 0) throw bad(where, kv, "expected key=value");
                String k = kv.substring(0, e);
                if (m.put(k, decodeValue(where + "." + k, kv.substring(e + 1))) != null) throw bad(where, kv, "key '" + k + "' twice");
            }
            groups.add(m);
        }
        // every count in the metadata is bounded by what the file holds, so a crafted length cannot exhaust memory
        int entries = flat.tensors().size() + flat.metadata().size();
        // collect the top-level names "state.{idx}.{key}" (without list suffixes) in index order
        TreeMap<Integer, LinkedHashMap<String, Object>> state = new TreeMap<>();
        List<String> names = new ArrayList<>(flat.tensors().keySet());
        flat.metadata().keySet().stream().filter(k -> k.startsWith("state.")).forEach(names::add);
        for (String name : names) {
            String[] p = name.split("\\.");
            if (p.length != 3) continue;                        // list entries are read through their list
            int idx;
            try {
                idx = Integer.parseInt(p[1]);
            } catch (NumberFormatException e) {
                throw bad(name, name, "the parameter index '" + p[1] + "' is not a number");
            }
            if (idx < 0) throw bad(name, name, "negative parameter index");
            state.computeIfAbsent(idx, k -> new LinkedHashMap<>()).put(p[2], read(name, flat, entries));
        }
        return new OptimizerStateDict(new LinkedHashMap<>(state), groups);
    }

    private static Object read(String name, OptimizerStateDict.Flat flat, int entries) {
        Tensor t = flat.tensors().get(name);
        if (t != null) return t;
        String m = flat.metadata().get(name);
        if (m == null) throw new IllegalArgumentException("OptimizerStateDict.fromTensors: nothing stored under '" + name + "'");
        if (m.startsWith("list:")) {
            int n;
            try {
                n = Integer.parseInt(m.substring(5));
            } catch (NumberFormatException e) {
                throw bad(name, m, "the list length is not a number");
            }
            if (n < 0 || n > entries) {
                throw bad(name, m, "a list of " + n + " entries, but the state holds " + entries + " entries in all");
            }
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(read(name + "." + i, flat, entries));
            return out;
        }
        return decodeValue(name, m);
    }
}
