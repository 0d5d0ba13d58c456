package dev.weft.graph.data;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The shared real data sets (-Dweft.data, else $WEFT_DATA, else ../../shared/data from the module dir); tests skip when absent. */
final class SharedData {
    private SharedData() {}

    static Path dir(String sub) {
        String root = System.getProperty("weft.data", System.getenv().getOrDefault("WEFT_DATA", "../../shared/data"));
        Path p = Path.of(root).resolve(sub);
        Assumptions.assumeTrue(Files.exists(p), "real data not found at " + p.toAbsolutePath() + " (set -Dweft.data=DIR or WEFT_DATA)");
        return p;
    }
}
