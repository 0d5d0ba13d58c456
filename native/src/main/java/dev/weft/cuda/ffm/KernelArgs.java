package dev.weft.cuda.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernelParams array of cuLaunchKernel: a void*[] whose i-th entry points to the value of the
 * kernel's i-th parameter (an int, a double, a device pointer, or a struct passed by value). Values live
 * in the arena the builder was given, which must outlive the launch call (the driver copies them).
 */
public final class KernelArgs {
    private final Arena arena;
    private final List<MemorySegment> values = new ArrayList<>();
    private final List<Integer> pointers = new ArrayList<>();

    public KernelArgs(Arena arena) {
        this.arena = arena;
    }

    /** A 32-bit int parameter. */
    public KernelArgs i32(int v) {
        values.add(arena.allocateFrom(JAVA_INT, v));
        return this;
    }

    /** A 64-bit int parameter (also a device pointer, CUdeviceptr). */
    public KernelArgs i64(long v) {
        values.add(arena.allocateFrom(JAVA_LONG, v));
        return this;
    }

    /** A device pointer parameter (T*); 0 is a null pointer. */
    public KernelArgs ptr(long devicePointer) {
        pointers.add(values.size());
        return i64(devicePointer);
    }

    /** {@return the positions of the pointer parameters (for checks and recording devices)} */
    public List<Integer> pointerPositions() {
        return List.copyOf(pointers);
    }

    public KernelArgs f32(float v) {
        values.add(arena.allocateFrom(JAVA_FLOAT, v));
        return this;
    }

    public KernelArgs f64(double v) {
        values.add(arena.allocateFrom(JAVA_DOUBLE, v));
        return this;
    }

    /** A struct passed by value: its bytes, laid out as the kernel's C struct (see {@link StridedArg}). */
    public KernelArgs struct(MemorySegment bytes) {
        values.add(bytes);
        return this;
    }

    /** A strided view passed by value as weft_common.cuh's WeftStrided. */
    public KernelArgs strided(int[] shape, int[] stride, int offset) {
        return struct(StridedArg.of(arena, shape, stride, offset));
    }

    /** A struct of ints passed by value (e.g. conv.cu's WeftWindow, 8 ints). */
    public KernelArgs ints(int... fields) {
        return struct(arena.allocateFrom(JAVA_INT, fields));
    }

    /** {@return number of parameters so far} */
    public int count() {
        return values.size();
    }

    /** {@return the byte size of each parameter value, in order (what a kernel's PTX .param list must match)} */
    public List<Long> sizes() {
        return values.stream().map(MemorySegment::byteSize).toList();
    }

    /** The value of parameter i (for checks and recording devices). */
    public MemorySegment value(int i) {
        return values.get(i);
    }

    /** {@return the void*[] for cuLaunchKernel} */
    public MemorySegment build() {
        MemorySegment array = arena.allocate(ADDRESS, Math.max(1, values.size()));
        for (int i = 0; i < values.size(); i++) array.setAtIndex(ADDRESS, i, values.get(i));
        return array;
    }
}
