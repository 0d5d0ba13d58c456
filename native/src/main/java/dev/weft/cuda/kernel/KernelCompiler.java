package dev.weft.cuda.kernel;

import dev.weft.cuda.ffm.Nvrtc;
import java.util.Map;

/**
 * Compiles a kernel source to PTX for one architecture through NVRTC, through the {@link PtxCache}: a hit
 * skips NVRTC entirely. A compile that logs warnings still succeeds (the log comes back for tests to
 * assert on); an error throws with NVRTC's log.
 */
public final class KernelCompiler {
    private final Nvrtc nvrtc;
    private final PtxCache cache;
    private final String nvrtcVersion;

    public KernelCompiler(Nvrtc nvrtc, PtxCache cache) {
        this.nvrtc = nvrtc;
        this.cache = cache;
        int[] v = nvrtc.version();
        this.nvrtcVersion = v[0] + "." + v[1];
    }

    /** The PTX and log of one source for the options; fromCache says whether NVRTC ran. */
    public record Result(String ptx, String log, boolean fromCache) {}

    /** {@return the headers every source sees} */
    public static Map<String, String> headers() {
        return Map.of(KernelSource.COMMON_HEADER, KernelSource.read(KernelSource.COMMON_HEADER));
    }

    public Result compile(KernelSource source, NvrtcOptions options) {
        String text = source.text();
        Map<String, String> headers = headers();
        String key = PtxCache.key(text, headers, options.options(), nvrtcVersion);
        var hit = cache.get(key);
        if (hit.isPresent()) return new Result(hit.get(), "", true);
        Nvrtc.Output out = nvrtc.compile(source.file(), text, headers, options.options());
        cache.put(key, out.ptx());
        return new Result(out.ptx(), out.log(), false);
    }

    /** {@return the NVRTC version, e.g. "11.8"} */
    public String nvrtcVersion() {
        return nvrtcVersion;
    }
}
