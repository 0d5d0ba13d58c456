package dev.weft.graph.data.pickle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain Java values a {@link PickleReader} builds. Python int -> Long, bool -> Boolean, None -> null,
 * str (Python 2 bytes, read as latin-1 so no byte is lost) -> String, list -> java.util.List, dict and
 * defaultdict -> {@link Dict}; tuple, numpy array, numpy dtype and a scipy object's state are the records here.
 */
public final class Py {
    private Py() {}

    /** A Python tuple. */
    public record Tuple(List<Object> items) {
        public Object get(int i) { return items.get(i); }
        public int size() { return items.size(); }
    }

    /** A global named by GLOBAL (module, name); only the whitelisted ones are ever built. */
    public record Global(String module, String name) {
        @Override
        public String toString() { return module + "." + name; }
    }

    /** A dict (insertion-ordered), or a defaultdict when defaultFactory is set. */
    public static final class Dict {
        public final Map<Object, Object> map = new LinkedHashMap<>();
        public final Global defaultFactory;

        Dict(Global defaultFactory) {
            this.defaultFactory = defaultFactory;
        }
    }

    /** numpy dtype: code ("f4", "f8", "i4", "i8") and byte order ({@code '<'} or {@code '|'}), set by BUILD. */
    public static final class Dtype {
        public final String code;
        public String order = "<";

        Dtype(String code) {
            this.code = code;
        }

        public int itemSize() { return Integer.parseInt(code.substring(1)); }
    }

    /** numpy ndarray: shape, dtype and the raw little-endian C-order bytes, set by BUILD. */
    public static final class NdArray {
        public int[] shape;
        public Dtype dtype;
        public byte[] data;

        public long numel() {
            long n = 1;
            for (int s : shape) n *= s;
            return n;
        }
    }

    /** An object made by NEWOBJ (only scipy.sparse.csr.csr_matrix) and its BUILD state dict. */
    public static final class Obj {
        public final Global cls;
        public Dict state;

        Obj(Global cls) {
            this.cls = cls;
        }
    }
}
