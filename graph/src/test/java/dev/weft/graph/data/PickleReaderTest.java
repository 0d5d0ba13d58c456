package dev.weft.graph.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.graph.data.pickle.PickleArrays;
import dev.weft.graph.data.pickle.PickleReader;
import dev.weft.graph.data.pickle.Py;
import dev.weft.nn.data.DataFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict pickle reader: the Planetoid value shapes round-trip; anything that would run code is refused, naming the byte. */
class PickleReaderTest {
    @Test
    void readsListsTuplesAndMemo() throws Exception {
        // [1, 300, 70000, None, True, (1, 2)], the list memoised with BINPUT.
        byte[] p = new PickleBytes().op(']', 'q', 0, '(').integer(1).integer(300).integer(70000).op('N', 0x88).integer(1).integer(2)
                .op(0x86, 'e').done();
        Object v = PickleReader.read(p, "list.pkl");
        assertEquals(List.of(1L, 300L, 70000L), ((List<?>) v).subList(0, 3));
        assertEquals(null, ((List<?>) v).get(3));
        assertEquals(Boolean.TRUE, ((List<?>) v).get(4));
        assertEquals(new Py.Tuple(List.of(1L, 2L)), ((List<?>) v).get(5));
    }

    @Test
    void readsArraysCsrAndAdjacency() throws Exception {
        double[] m = {0, 1.5, 0, 2, 0, 0};
        var arr = PickleArrays.dense(PickleReader.read(new PickleBytes().ndarray("i4", new int[] {2, 3}, m).done(), "a"), "a");
        assertArrayEquals(new float[] {0, 1, 0, 2, 0, 0}, arr.data(), "i4 truncates 1.5");
        var csr = PickleArrays.dense(PickleReader.read(new PickleBytes().csr(2, 3, m).done(), "c"), "c");
        assertArrayEquals(new float[] {0, 1.5f, 0, 2, 0, 0}, csr.data());
        Map<Integer, int[]> adj = new LinkedHashMap<>();
        adj.put(0, new int[] {1, 2});
        adj.put(2, new int[] {});
        var back = PickleArrays.adjacency(PickleReader.read(new PickleBytes().adjacency(adj).done(), "g"), "g");
        assertArrayEquals(new long[] {1, 2}, back.get(0L));
        assertArrayEquals(new long[] {}, back.get(2L));
    }

    @Test
    void refusesOsSystem() {
        // The classic payload: GLOBAL os.system, then REDUCE with ("echo",). Never interpreted past the GLOBAL.
        byte[] p = new PickleBytes().global("os", "system").shortString("echo pwned").op(0x85, 'R').done();
        var e = assertThrows(DataFileException.class, () -> PickleReader.read(p, "evil.pkl"));
        assertEquals("evil.pkl: byte 2: opcode GLOBAL: global os.system is not allowed (only numpy arrays/dtypes, scipy CSR matrices, defaultdict, list)",
                e.getMessage());
        assertEquals(2, e.byteOffset());
    }

    @Test
    void refusesBuiltinsEvalInEitherSpelling() {
        for (String module : new String[] {"builtins", "__builtin__"}) {
            byte[] p = new PickleBytes().global(module, "eval").shortString("1+1").op(0x85, 'R').done();
            var e = assertThrows(DataFileException.class, () -> PickleReader.read(p, "eval.pkl"));
            assertTrue(e.getMessage().contains("global " + module + ".eval is not allowed"), e.getMessage());
        }
    }

    @Test
    void refusesOtherOpcodesAndMisuse() {
        // STACK_GLOBAL (protocol 4), at byte 2.
        var stack = assertThrows(DataFileException.class, () -> PickleReader.read(new PickleBytes().op(0x93).done(), "p4.pkl"));
        assertEquals("p4.pkl: byte 2: opcode 0x93 is not one the Planetoid pickles use; refused", stack.getMessage());
        // INST ('i') would name a class and call it.
        var inst = assertThrows(DataFileException.class, () -> PickleReader.read(new PickleBytes().op('(', 'i').done(), "inst.pkl"));
        assertTrue(inst.getMessage().contains("byte 3: opcode 0x69 ('i')"), inst.getMessage());
        // An allowed global called in a way the data never does: list("abc").
        byte[] call = new PickleBytes().global("__builtin__", "list").shortString("abc").op(0x85, 'R').done();
        var misuse = assertThrows(DataFileException.class, () -> PickleReader.read(call, "call.pkl"));
        assertTrue(misuse.getMessage().contains("opcode REDUCE: calling global __builtin__.list is refused"), misuse.getMessage());
        var trunc = assertThrows(DataFileException.class, () -> PickleReader.read(new byte[] {(byte) 0x80, 2, 'T', 5, 0}, "cut.pkl"));
        assertTrue(trunc.getMessage().contains("opcode BINSTRING: needs 4 more bytes"), trunc.getMessage());
        var proto = assertThrows(DataFileException.class, () -> PickleReader.read(new byte[] {(byte) 0x80, 4, '.'}, "p.pkl"));
        assertTrue(proto.getMessage().contains("protocol 4 is not supported"), proto.getMessage());
    }
}
