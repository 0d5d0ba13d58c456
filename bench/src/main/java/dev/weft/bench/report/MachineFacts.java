package dev.weft.bench.report;

import dev.weft.kernels.Parallel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.incubator.vector.FloatVector;

/** The facts about the machine and JVM a benchmark page states: CPU model, vector width, cores, threads, JDK. */
final class MachineFacts {
    private MachineFacts() {}

    /** Ordered name -> value pairs for this machine. */
    static Map<String, String> current() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("CPU", cpuModel());
        f.put("vector species", FloatVector.SPECIES_PREFERRED.vectorBitSize() + " bits (" + FloatVector.SPECIES_PREFERRED.length()
                + " x F32)");
        f.put("cores", Runtime.getRuntime().availableProcessors() + " available; kernel threads " + Parallel.threads());
        f.put("JDK", Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
        f.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " / " + System.getProperty("os.arch"));
        return f;
    }

    /** The "model name" of /proc/cpuinfo, or the architecture where there is none. */
    static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).strip();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through to the architecture
        }
        return System.getProperty("os.arch") + " (model unknown)";
    }
}
