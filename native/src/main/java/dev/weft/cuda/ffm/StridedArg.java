package dev.weft.cuda.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * The by-value struct every strided kernel takes (weft_common.cuh's {@code WeftStrided}):
 * {@code struct { int rank; int offset; int shape[8]; int stride[8]; }}, 72 bytes, 4-byte aligned.
 * Element (i_0, ..., i_{rank-1}) is at offset + sum_d i_d * stride[d] of the base pointer. The header
 * static_asserts the same size and offsets, so the NVRTC compile test checks both sides agree.
 */
public final class StridedArg {
    private StridedArg() {}

    /** Dims a kernel can index (views of higher rank are coalesced first, or rejected). */
    public static final int MAX_DIMS = 8;

    /** The C layout. */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("rank"),
            JAVA_INT.withName("offset"),
            MemoryLayout.sequenceLayout(MAX_DIMS, JAVA_INT).withName("shape"),
            MemoryLayout.sequenceLayout(MAX_DIMS, JAVA_INT).withName("stride")).withName("WeftStrided");

    private static final VarHandle SHAPE = LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("shape"),
            MemoryLayout.PathElement.sequenceElement());
    private static final VarHandle STRIDE = LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("stride"),
            MemoryLayout.PathElement.sequenceElement());

    /** The struct for a view (shape, strides in elements, offset in elements); {@code rank <= MAX_DIMS}. */
    public static MemorySegment of(Arena arena, int[] shape, int[] stride, int offset) {
        if (shape.length > MAX_DIMS) {
            throw new IllegalArgumentException("cuda: a strided kernel argument has at most " + MAX_DIMS + " dims, got rank "
                    + shape.length);
        }
        if (shape.length != stride.length) {
            throw new IllegalArgumentException("cuda: shape rank " + shape.length + " != stride rank " + stride.length);
        }
        MemorySegment s = arena.allocate(LAYOUT);
        s.set(JAVA_INT, LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("rank")), shape.length);
        s.set(JAVA_INT, LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("offset")), offset);
        for (int d = 0; d < shape.length; d++) {
            SHAPE.set(s, 0L, (long) d, shape[d]);
            STRIDE.set(s, 0L, (long) d, stride[d]);
        }
        return s;
    }
}
