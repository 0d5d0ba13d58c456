package dev.weft.bench.cuda;

import dev.weft.bench.Stats;
import dev.weft.cuda.CudaBackend;
import dev.weft.tensor.Backends;
import dev.weft.tensor.core.Device;

/**
 * Wall-clock timing of work queued on a CUDA device: the device is synchronized before the clock starts and
 * before it is read, so a batch of calls is timed to the end of its last kernel (launches are asynchronous;
 * within a batch they overlap the device's work, as in a training loop). bench/peers time the same way with
 * torch.cuda.synchronize().
 */
public final class DeviceTimer {
    private final CudaBackend backend;

    public DeviceTimer(Device device) {
        if (!(Backends.forDevice(device) instanceof CudaBackend b)) {
            throw new IllegalArgumentException("bench: " + device + " is not served by the CUDA backend");
        }
        this.backend = b;
    }

    public CudaBackend backend() {
        return backend;
    }

    /** Waits for the device's queued work. */
    public void synchronize() {
        backend.synchronize();
    }

    /** Seconds per call of one synchronized batch of {@code calls} calls. */
    public double secondsPerCall(Runnable call, int calls) {
        backend.synchronize();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) call.run();
        backend.synchronize();
        return (System.nanoTime() - t0) / 1e9 / calls;
    }

    /**
     * Median seconds per call: about 0.3 s of warm-up (at least 3 calls: kernel compilation, the allocator's
     * first blocks, the JIT), then {@code samples} batches each long enough (about 20 ms) that launch
     * and synchronization overheads do not matter.
     */
    public double medianSeconds(Runnable call, int samples) {
        long w = System.nanoTime();
        double perCall = Double.MAX_VALUE;
        for (int i = 0; i < 3 || System.nanoTime() - w < 300_000_000L; i++) perCall = secondsPerCall(call, 1);
        int batch = (int) Math.max(1, Math.min(100_000, 0.02 / Math.max(perCall, 1e-7)));
        double[] s = new double[samples];
        for (int k = 0; k < samples; k++) s[k] = secondsPerCall(call, batch);
        return Stats.median(s);
    }
}
