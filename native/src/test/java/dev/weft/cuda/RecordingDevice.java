package dev.weft.cuda;

import dev.weft.cuda.ffm.KernelArgs;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device for machines without a GPU: memory is host memory (so uploads, downloads, memsets and the status
 * words the executors read back behave), kernels are not run, and every launch is checked against the
 * kernel's signature in the PTX NVRTC produced: the parameter count and each parameter's size, every device
 * pointer inside a live allocation, and the launch shape. A mismatch is an AssertionError naming the kernel.
 */
@SuppressWarnings("restricted") // native access is this class's job (the JVM runs with --enable-native-access)
final class RecordingDevice implements DeviceApi {
    record Launch(String entry, int gx, int gy, int gz, int bx, int by, int bz) {}

    private final Arena arena = Arena.ofShared();
    private final TreeMap<Long, Long> blocks = new TreeMap<>();
    private final Map<String, List<Integer>> signatures = new HashMap<>();
    private final Map<Long, String> functions = new HashMap<>();
    final List<Launch> launches = new ArrayList<>();

    @Override
    public void makeCurrent() {}

    @Override
    public int[] capability() {
        return new int[] {8, 0};
    }

    @Override
    public String name() {
        return "recording device (host memory, launches checked against PTX)";
    }

    @Override
    public boolean cublasAllowed() {
        return false;
    }

    @Override
    public synchronized long memAlloc(long bytes) {
        long a = arena.allocate(bytes, 256).address();
        blocks.put(a, bytes);
        return a;
    }

    @Override
    public synchronized void memFree(long address) {
        if (blocks.remove(address) == null) throw new AssertionError("memFree of an address never allocated: " + address);
    }

    private MemorySegment at(long address, long bytes) {
        inside("memory access", address, bytes);
        return MemorySegment.ofAddress(address).reinterpret(bytes);
    }

    private synchronized void inside(String what, long address, long bytes) {
        Map.Entry<Long, Long> b = blocks.floorEntry(address);
        if (b == null || address + bytes > b.getKey() + b.getValue()) {
            throw new AssertionError(what + ": [" + address + ", +" + bytes + ") is outside every live device block");
        }
    }

    @Override
    public void memsetD8(long address, byte value, long count) {
        at(address, count).fill(value);
    }

    @Override
    public void memsetD32(long address, int value, long count) {
        MemorySegment s = at(address, 4 * count);
        for (long i = 0; i < count; i++) s.setAtIndex(ValueLayout.JAVA_INT, i, value);
    }

    @Override
    public void memcpyHtoD(long dst, MemorySegment src, long bytes) {
        MemorySegment.copy(src, 0, at(dst, bytes), 0, bytes);
    }

    @Override
    public void memcpyDtoH(MemorySegment dst, long src, long bytes) {
        MemorySegment.copy(at(src, bytes), 0, dst, 0, bytes);
    }

    @Override
    public void memcpyDtoD(long dst, long src, long bytes) {
        MemorySegment.copy(at(src, bytes), 0, at(dst, bytes), 0, bytes);
    }

    private static final Pattern ENTRY = Pattern.compile("\\.entry\\s+(\\w+)\\s*\\(([^)]*)\\)");
    private static final Pattern PARAM = Pattern.compile("\\.param\\s+(?:\\.align\\s+\\d+\\s+)?\\.([a-z]+)(\\d+)\\s+\\w+(?:\\[(\\d+)\\])?");

    @Override
    public synchronized long moduleLoadData(String ptx) {
        Matcher m = ENTRY.matcher(ptx);
        while (m.find()) {
            List<Integer> sizes = new ArrayList<>();
            Matcher p = PARAM.matcher(m.group(2));
            while (p.find()) {
                int bits = Integer.parseInt(p.group(2));
                sizes.add(p.group(3) != null ? Integer.parseInt(p.group(3)) * bits / 8 : bits / 8);
            }
            signatures.put(m.group(1), List.copyOf(sizes));
        }
        return signatures.size();
    }

    @Override
    public synchronized long moduleFunction(long module, String name) {
        if (!signatures.containsKey(name)) throw new AssertionError("no .entry " + name + " in the loaded PTX");
        long id = functions.size() + 1;
        functions.put(id, name);
        return id;
    }

    @Override
    public synchronized void launch(String entry, long function, int gx, int gy, int gz, int bx, int by, int bz, KernelArgs args) {
        if (!entry.equals(functions.get(function))) throw new AssertionError(entry + ": launched through the function of " + functions.get(function));
        List<Integer> want = signatures.get(entry);
        List<Long> got = args.sizes();
        if (want.size() != got.size()) {
            throw new AssertionError(entry + ": " + got.size() + " arguments " + got + ", the kernel takes " + want.size() + " " + want);
        }
        for (int i = 0; i < want.size(); i++) {
            if (want.get(i) != got.get(i).intValue()) {
                throw new AssertionError(entry + ": argument " + i + " has " + got.get(i) + " bytes, the kernel's parameter " + want.get(i)
                        + " (all: " + got + " vs " + want + ")");
            }
        }
        for (int i : args.pointerPositions()) {
            long ptr = args.value(i).get(ValueLayout.JAVA_LONG, 0);
            if (ptr != 0) inside(entry + ": pointer argument " + i, ptr, 1);
        }
        if (gx < 1 || gy < 1 || gz < 1 || gy > 65535 || gz > 65535 || bx < 1 || by < 1 || bz < 1 || (long) bx * by * bz > 1024) {
            throw new AssertionError(entry + ": bad launch shape grid (" + gx + ", " + gy + ", " + gz + ") block (" + bx + ", " + by + ", " + bz + ")");
        }
        if ((entry.startsWith("reduce_") || entry.startsWith("softmax_")) && bx != CudaContext.BLOCK) {
            throw new AssertionError(entry + ": block-per-row kernels need blocks of " + CudaContext.BLOCK + " threads, got " + bx);
        }
        launches.add(new Launch(entry, gx, gy, gz, bx, by, bz));
    }

    @Override
    public void synchronize() {}

    /** Host time of body (no device here), so the timing API can be exercised. */
    @Override
    public float elapsedMillis(Runnable body) {
        long t0 = System.nanoTime();
        body.run();
        return (System.nanoTime() - t0) / 1e6f;
    }
}
