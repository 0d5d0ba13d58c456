package dev.weft.graph.data.pickle;

import dev.weft.nn.data.DataFileException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict reader for the Python 2 pickles (protocol 2) of the Planetoid data sets: it interprets only the
 * 28 opcodes and the 6 globals those files use (numpy arrays and dtypes, scipy CSR matrices, a
 * defaultdict of lists) and builds plain Java values ({@link Py}); it never runs anything. Any other opcode,
 * global, or call of an allowed global with unexpected arguments is an error naming the file, the byte
 * offset, the opcode and the global. Not a general unpickler, by design.
 */
public final class PickleReader {
    private static final Set<String> GLOBALS = Set.of("numpy.core.multiarray _reconstruct", "numpy ndarray", "numpy dtype",
            "scipy.sparse.csr csr_matrix", "collections defaultdict", "__builtin__ list");
    private static final Set<String> DTYPES = Set.of("f4", "f8", "i4", "i8");
    private static final Object MARK = new Object();

    private final byte[] in;
    private final String file;
    private int pos;
    private int opAt;
    private String opName = "";
    private final List<Object> stack = new ArrayList<>();
    private final Map<Integer, Object> memo = new HashMap<>();

    private PickleReader(byte[] in, String file) {
        this.in = in;
        this.file = file;
    }

    /** The value the pickle in data denotes; file names it in errors. */
    public static Object read(byte[] data, String file) throws DataFileException {
        return new PickleReader(data, file).run();
    }

    private Object run() throws DataFileException {
        while (true) {
            if (pos >= in.length) throw fail("the pickle ends without STOP");
            opAt = pos;
            int op = in[pos++] & 0xFF;
            switch (op) {
                case 0x80 -> { opName = "PROTO"; int v = u8(); if (v > 2) throw fail("protocol " + v + " is not supported (only 2)"); }
                case '.' -> { opName = "STOP"; if (stack.size() != 1) throw fail("STOP with " + stack.size() + " values on the stack"); return stack.get(0); }
                case '(' -> { opName = "MARK"; stack.add(MARK); }
                case 'c' -> { opName = "GLOBAL"; global(); }
                case 'q' -> { opName = "BINPUT"; memo.put(u8(), top()); }
                case 'r' -> { opName = "LONG_BINPUT"; memo.put(i32(), top()); }
                case 'h' -> { opName = "BINGET"; int k = u8(); if (!memo.containsKey(k)) throw fail("memo key " + k + " was never stored"); stack.add(memo.get(k)); }
                case ')' -> { opName = "EMPTY_TUPLE"; stack.add(new Py.Tuple(List.of())); }
                case 't' -> { opName = "TUPLE"; stack.add(new Py.Tuple(popToMark())); }
                case 0x85 -> { opName = "TUPLE1"; stack.add(new Py.Tuple(popN(1))); }
                case 0x86 -> { opName = "TUPLE2"; stack.add(new Py.Tuple(popN(2))); }
                case 0x87 -> { opName = "TUPLE3"; stack.add(new Py.Tuple(popN(3))); }
                case ']' -> { opName = "EMPTY_LIST"; stack.add(new ArrayList<>()); }
                case 'a' -> { opName = "APPEND"; Object v = pop(); list(top()).add(v); }
                case 'e' -> { opName = "APPENDS"; List<Object> vs = popToMark(); list(top()).addAll(vs); }
                case '}' -> { opName = "EMPTY_DICT"; stack.add(new Py.Dict(null)); }
                case 'u' -> { opName = "SETITEMS"; setItems(); }
                case 'J' -> { opName = "BININT"; stack.add((long) i32()); }
                case 'K' -> { opName = "BININT1"; stack.add((long) u8()); }
                case 'M' -> { opName = "BININT2"; int lo = u8(); stack.add((long) (lo | u8() << 8)); }
                case 'N' -> { opName = "NONE"; stack.add(null); }
                case 0x88 -> { opName = "NEWTRUE"; stack.add(Boolean.TRUE); }
                case 0x89 -> { opName = "NEWFALSE"; stack.add(Boolean.FALSE); }
                case 'U' -> { opName = "SHORT_BINSTRING"; stack.add(string(u8())); }
                case 'T' -> { opName = "BINSTRING"; int n = i32(); if (n < 0) throw fail("negative length " + n); stack.add(string(n)); }
                case 'R' -> { opName = "REDUCE"; Object args = pop(); stack.add(Reductions.reduce(this, pop(), args)); }
                case 0x81 -> { opName = "NEWOBJ"; Object args = pop(); stack.add(Reductions.newObj(this, pop(), args)); }
                case 'b' -> { opName = "BUILD"; Object state = pop(); Reductions.build(this, top(), state); }
                default -> throw DataFileException.atByte(file, opAt, "opcode 0x" + Integer.toHexString(op) + (op >= 0x20 && op < 0x7f ? " ('" + (char) op + "')" : "")
                        + " is not one the Planetoid pickles use; refused");
            }
        }
    }

    private void global() throws DataFileException {
        String module = line();
        String name = line();
        String key = module + " " + name;
        if (!globalOk(key)) {
            throw fail("global " + module + "." + name + " is not allowed (only numpy arrays/dtypes, scipy CSR matrices, defaultdict, list)");
        }
        stack.add(new Py.Global(module, name));
    }

    private static boolean globalOk(String key) {
        return GLOBALS.contains(key);
    }

    static boolean dtypeOk(String code) {
        return DTYPES.contains(code);
    }

    private void setItems() throws DataFileException {
        List<Object> kv = popToMark();
        if (kv.size() % 2 != 0) throw fail("SETITEMS with an odd number (" + kv.size() + ") of keys and values");
        Object target = top();
        if (!(target instanceof Py.Dict d)) throw fail("SETITEMS on a " + typeName(target) + ", not a dict");
        for (int i = 0; i < kv.size(); i += 2) d.map.put(kv.get(i), kv.get(i + 1));
    }

    private String line() throws DataFileException {
        int start = pos;
        while (pos < in.length && in[pos] != '\n') pos++;
        if (pos >= in.length) throw fail("unterminated name");
        String s = new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
        pos++;
        return s;
    }

    private String string(int n) throws DataFileException {
        need(n);
        String s = new String(in, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    private int u8() throws DataFileException {
        need(1);
        return in[pos++] & 0xFF;
    }

    private int i32() throws DataFileException {
        need(4);
        int v = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8 | (in[pos + 2] & 0xFF) << 16 | (in[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    private void need(int n) throws DataFileException {
        if (pos + n > in.length) throw fail("needs " + n + " more bytes, the file has " + (in.length - pos));
    }

    private Object top() throws DataFileException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) throw fail("stack is empty");
        return stack.get(stack.size() - 1);
    }

    private Object pop() throws DataFileException {
        Object v = top();
        stack.remove(stack.size() - 1);
        return v;
    }

    private List<Object> popN(int n) throws DataFileException {
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(0, pop());
        return out;
    }

    private List<Object> popToMark() throws DataFileException {
        int m = stack.size() - 1;
        while (m >= 0 && stack.get(m) != MARK) m--;
        if (m < 0) throw fail("no MARK on the stack");
        List<Object> out = new ArrayList<>(stack.subList(m + 1, stack.size()));
        stack.subList(m, stack.size()).clear();
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) throws DataFileException {
        if (o instanceof List<?> l) return (List<Object>) l;
        throw fail("append to a " + typeName(o) + ", not a list");
    }

    static String typeName(Object o) {
        return o == null ? "None" : o instanceof Py.Global g ? "global " + g : o.getClass().getSimpleName();
    }

    /** An error at the current opcode. */
    DataFileException fail(String reason) {
        return DataFileException.atByte(file, opAt, "opcode " + opName + ": " + reason);
    }
}
