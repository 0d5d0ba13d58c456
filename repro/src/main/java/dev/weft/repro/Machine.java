package dev.weft.repro;

import dev.weft.kernels.Parallel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.incubator.vector.FloatVector;

/**
 * The facts a result file records about where it ran: CPU model (from /proc/cpuinfo where there is one),
 * cores, Weft's kernel threads, the Vector API's preferred SIMD width, JDK and OS.
 */
public record Machine(String cpu, int cores, int threads, int simdBits, int f32Lanes, String jdk, String os) {
    public static Machine current() {
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), Parallel.threads(),
                FloatVector.SPECIES_PREFERRED.vectorBitSize(), FloatVector.SPECIES_PREFERRED.length(),
                Runtime.version().toString(), System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall back to the architecture
        }
        return System.getProperty("os.arch");
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", cpu);
        m.put("cores", cores);
        m.put("threads", threads);
        m.put("simd_bits", simdBits);
        m.put("f32_lanes", f32Lanes);
        m.put("jdk", jdk);
        m.put("os", os);
        return m;
    }

    static Machine fromJson(Map<?, ?> m) {
        return new Machine((String) m.get("cpu"), ((Double) m.get("cores")).intValue(), ((Double) m.get("threads")).intValue(),
                ((Double) m.get("simd_bits")).intValue(), ((Double) m.get("f32_lanes")).intValue(), (String) m.get("jdk"),
                (String) m.get("os"));
    }

    /** "Intel Xeon ..., 2 cores, 2 threads, 512-bit SIMD (16 x F32), JDK 25". */
    public String summary() {
        return cpu + ", " + cores + " cores, " + threads + " kernel threads, " + simdBits + "-bit SIMD (" + f32Lanes
                + " x F32), JDK " + jdk;
    }
}
