package dev.weft.autograd;

import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.ElementwiseOp;
import dev.weft.tensor.op.Op;
import dev.weft.tensor.op.ReduceOp;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Op keys for coverage: a record class, or for records parameterized by a function enum (Unary,
 * Binary, Reduce) the enum constant. Keys are read from a recorded graph, or enumerated from the
 * sealed Op hierarchy by reflection.
 */
final class OpKeys {
    private OpKeys() {}

    static Object key(Op op) {
        return switch (op) {
            case ElementwiseOp.Unary u -> u.fn();
            case ElementwiseOp.Binary b -> b.fn();
            case ReduceOp.Reduce r -> r.fn();
            default -> op.getClass();
        };
    }

    /** The keys of every op in the graph behind t. */
    static Set<Object> ofGraph(Tensor t) {
        Set<Object> keys = new LinkedHashSet<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> todo = new ArrayDeque<>();
        Object g = t.gradNode();
        if (g instanceof Node n) todo.add(n);
        if (g instanceof Node.Out o) todo.add(o.node());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) continue;
            keys.add(key(n.op));
            for (Object e : n.next) if (e instanceof Node c) todo.add(c);
        }
        return keys;
    }

    /** Every key of the sealed Op hierarchy (leaf records, expanded by their function enum) -> its record class. */
    static Map<Object, Class<?>> all() {
        Map<Object, Class<?>> keys = new LinkedHashMap<>();
        collect(Op.class, keys);
        return keys;
    }

    private static void collect(Class<?> c, Map<Object, Class<?>> keys) {
        if (c.isSealed()) {
            for (Class<?> s : c.getPermittedSubclasses()) collect(s, keys);
            return;
        }
        if (c.isInterface()) throw new IllegalStateException(c + " is a non-sealed interface in the Op hierarchy");
        Class<?> fnEnum = null;
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                Class<?> t = rc.getType();
                if (t.isEnum() && t.getSimpleName().endsWith("Fn")) fnEnum = t;
            }
        }
        if (fnEnum == null) keys.put(c, c);
        else for (Object k : fnEnum.getEnumConstants()) keys.put(k, c);
    }

    static String name(Object key) {
        return key instanceof Class<?> c ? c.getName().replace("dev.weft.tensor.op.", "").replace('$', '.')
                : key.getClass().getSimpleName() + "." + key;
    }
}
