package dev.weft.cuda;

import dev.weft.cuda.ffm.Cublas;
import dev.weft.cuda.ffm.Nvrtc;
import dev.weft.cuda.kernel.KernelCatalog;
import java.util.ArrayList;
import java.util.List;

/** What {@code weft info} prints about CUDA: the probe's verdict with its reason, and the NVRTC and cuBLAS libraries. */
public final class CudaInfo {
    private CudaInfo() {}

    /**
     * The CUDA status in one line: "found: N device(s), ..." or "not available: REASON: detail" with REASON one of
     * "library not found", "no device", "driver error" (or "disabled by -Dweft.cuda.disable=true").
     *
     * @return the probe's verdict
     */
    public static String status() {
        return CudaProbe.probe().toString();
    }

    /**
     * The detail lines under the status: NVRTC (kernel compiler), with a device its name, capability and
     * allocator statistics (allocated, cached, peak), and cuBLAS (GEMM).
     *
     * @return one line per library, then the device's lines when one is found
     */
    public static List<String> libraries() {
        List<String> out = new ArrayList<>();
        if (Nvrtc.library().loaded()) {
            String v;
            try {
                int[] ver = Nvrtc.get().version();
                v = ver[0] + "." + ver[1];
            } catch (RuntimeException e) {
                v = "version unknown: " + e.getMessage();
            }
            out.add("NVRTC " + v + " (" + Nvrtc.library().loadedName() + "), " + KernelCatalog.entryCount() + " kernels in "
                    + KernelCatalog.ALL.size() + " sources");
        } else {
            out.add("NVRTC not found: " + Nvrtc.library().reason() + " (./weft setup cuda-libs installs it on Debian)");
        }
        if (CudaProbe.probe().available()) {
            try {
                var backend = dev.weft.tensor.Backends.forDevice(dev.weft.tensor.core.Device.cuda(0));
                if (backend instanceof CudaBackend cb) out.add(cb + ", memory: " + cb.memoryStats());
            } catch (RuntimeException e) {
                out.add("cuda:0 could not be opened: " + e.getMessage());
            }
        }
        out.add(Cublas.library().loaded() ? "cuBLAS (" + Cublas.library().loadedName() + ")"
                : "cuBLAS not found (GEMM falls back to Weft's own kernel): " + Cublas.library().reason());
        return out;
    }
}
