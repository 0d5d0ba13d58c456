package dev.weft.cuda.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** The by-value structs match weft_common.cuh (whose static_asserts the NVRTC test compiles), and kernelParams is a void*[]. */
@SuppressWarnings("restricted") // native access is this class's job (the JVM runs with --enable-native-access)
class StridedArgTest {
    @Test
    void layoutMatchesTheCStruct() {
        assertEquals(72, StridedArg.LAYOUT.byteSize());
        assertEquals(4, StridedArg.LAYOUT.byteAlignment());
        assertEquals(0, StridedArg.LAYOUT.byteOffset(PathElement.groupElement("rank")));
        assertEquals(4, StridedArg.LAYOUT.byteOffset(PathElement.groupElement("offset")));
        assertEquals(8, StridedArg.LAYOUT.byteOffset(PathElement.groupElement("shape")));
        assertEquals(40, StridedArg.LAYOUT.byteOffset(PathElement.groupElement("stride")));
    }

    @Test
    void ofWritesRankOffsetShapeAndStrides() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = StridedArg.of(a, new int[] {2, 3, 5}, new int[] {15, 0, -1}, 7);
            assertEquals(3, s.get(JAVA_INT, 0));
            assertEquals(7, s.get(JAVA_INT, 4));
            assertEquals(2, s.get(JAVA_INT, 8));
            assertEquals(3, s.get(JAVA_INT, 12));
            assertEquals(5, s.get(JAVA_INT, 16));
            assertEquals(0, s.get(JAVA_INT, 20), "unused dims stay 0");
            assertEquals(15, s.get(JAVA_INT, 40));
            assertEquals(0, s.get(JAVA_INT, 44));
            assertEquals(-1, s.get(JAVA_INT, 48));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StridedArg.of(a, new int[9], new int[9], 0));
            assertEquals("cuda: a strided kernel argument has at most 8 dims, got rank 9", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> StridedArg.of(a, new int[2], new int[3], 0));
        }
    }

    @Test
    void kernelParamsPointAtEachValueInOrder() {
        try (Arena a = Arena.ofConfined()) {
            KernelArgs k = new KernelArgs(a).i32(42).ptr(0xDEADBEEFL).f64(2.5).strided(new int[] {4}, new int[] {1}, 3).ints(1, 2, 3);
            assertEquals(5, k.count());
            MemorySegment p = k.build();
            assertEquals(5 * ADDRESS.byteSize(), p.byteSize());
            assertEquals(42, p.getAtIndex(ADDRESS, 0).reinterpret(4).get(JAVA_INT, 0));
            assertEquals(0xDEADBEEFL, p.getAtIndex(ADDRESS, 1).reinterpret(8).get(JAVA_LONG, 0));
            assertEquals(2.5, p.getAtIndex(ADDRESS, 2).reinterpret(8).get(JAVA_DOUBLE, 0));
            MemorySegment st = p.getAtIndex(ADDRESS, 3).reinterpret(72);
            assertEquals(1, st.get(JAVA_INT, 0));
            assertEquals(3, st.get(JAVA_INT, 4));
            assertEquals(4, st.get(JAVA_INT, 8));
            MemorySegment w = p.getAtIndex(ADDRESS, 4).reinterpret(12);
            assertEquals(3, w.get(JAVA_INT, 8));
        }
    }
}
