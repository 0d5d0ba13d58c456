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

    static Object decodeValue(String s) {
        if (s.equals("null")) return null;
        int c = s.indexOf(':');
        String kind = s.substring(0, c), body = s.substring(c + 1);
        return switch (kind) {
            case "d" -> Double.parseDouble(body);
            case "l" -> Long.parseLong(body);
            case "i" -> Integer.parseInt(body);
            case "b" -> Boolean.parseBoolean(body);
            case "s" -> body;
            case "a" -> body.isEmpty() ? new double[0] : Arrays.stream(body.split(",")).mapToDouble(Double::parseDouble).toArray();
            case "p" -> body.isEmpty() ? List.of() : Arrays.stream(body.split(",")).map(Integer::parseInt).toList();
            default -> throw new IllegalArgumentException("OptimizerStateDict: unknown encoded value '" + s + "'");
        };
    }

    static OptimizerStateDict decode(OptimizerStateDict.Flat flat) {
        List<Map<String, Object>> groups = new ArrayList<>();
        String g = flat.metadata().get("paramGroups");
        if (g == null) throw new IllegalArgumentException("OptimizerStateDict.fromTensors: metadata has no 'paramGroups'");
        for (String line : g.split("\n")) {
            if (line.isEmpty()) continue;
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            for (String kv : line.split(";")) {
                int e = kv.indexOf('=');
                m.put(kv.substring(0, e), decodeValue(kv.substring(e + 1)));
            }
            groups.add(m);
        }
        // collect the top-level names "state.{idx}.{key}" (without list suffixes) in index order
        TreeMap<Integer, LinkedHashMap<String, Object>> state = new TreeMap<>();
        List<String> names = new ArrayList<>(flat.tensors().keySet());
        flat.metadata().keySet().stream().filter(k -> k.startsWith("state.")).forEach(names::add);
        for (String name : names) {
            String[] p = name.split("\\.");
            if (p.length != 3) continue;                        // list entries are read through their list
            int idx = Integer.parseInt(p[1]);
            state.computeIfAbsent(idx, k -> new LinkedHashMap<>()).put(p[2], read(name, flat));
        }
        return new OptimizerStateDict(new LinkedHashMap<>(state), groups);
    }

    private static Object read(String name, OptimizerStateDict.Flat flat) {
        Tensor t = flat.tensors().get(name);
        if (t != null) return t;
        String m = flat.metadata().get(name);
        if (m == null) throw new IllegalArgumentException("OptimizerStateDict.fromTensors: nothing stored under '" + name + "'");
        if (m.startsWith("list:")) {
            int n = Integer.parseInt(m.substring(5));
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(read(name + "." + i, flat));
            return out;
        }
        return decodeValue(m);
    }
}
