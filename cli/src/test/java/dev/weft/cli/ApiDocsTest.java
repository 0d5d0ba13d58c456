package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library modules' API docs build with every doclint check on, as {@code ./weft docs} builds them: javadoc
 * in module mode over each module's sources, so exactly the exported packages are documented. No module may
 * have a doclint error (a bare {@code <}, a broken {@code {@link}}, a bad tag); a module may have warnings
 * (a public element without a comment, a missing {@code @param}) only up to its entry in {@link #WARNINGS_LEFT},
 * a ceiling that only goes down; every module not listed there must have none. A finding past that fails
 * the test with javadoc's own lines.
 */
class ApiDocsTest {
    /** Folder under the repository root -> JPMS module name, the modules {@code ./weft docs} documents. */
    static final String[][] MODULES = {
            {"kernels", "dev.weft.kernels"}, {"tensor", "dev.weft.tensor"}, {"autograd", "dev.weft.autograd"},
            {"nn", "dev.weft.nn"}, {"graph", "dev.weft.graph"}, {"native", "dev.weft.cuda"}, {"plot", "dev.weft.plot"}};

    /**
     * Folder -> the doclint warnings its docs still have (missing comments and tags, being written); lower each
     * as comments land and remove the entry at zero.
     */
    static final Map<String, Integer> WARNINGS_LEFT = Map.of("nn", 1731, "graph", 570, "native", 50);

    @Test
    void libraryModulesHaveNoDoclintFindings(@TempDir Path out) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> args = new ArrayList<>(List.of("-quiet", "-Xdoclint:all", "-Xmaxwarns", "100000", "-Xmaxerrs", "100000",
                "-d", out.toString()));
        StringBuilder modules = new StringBuilder();
        for (String[] m : MODULES) {
            Path src = root.resolve(m[0]).resolve("src/main/java");
            assertTrue(Files.isRegularFile(src.resolve("module-info.java")), "module-info.java under " + src);
            args.addAll(List.of("--module-source-path", m[1] + "=" + src));
            modules.append(modules.isEmpty() ? "" : ",").append(m[1]);
        }
        args.addAll(List.of("--module", modules.toString()));
        ToolProvider javadoc = ToolProvider.findFirst("javadoc").orElseThrow(() -> new AssertionError("no javadoc tool in this JDK"));
        StringWriter log = new StringWriter();
        int rc;
        try (PrintWriter w = new PrintWriter(log)) {
            rc = javadoc.run(w, w, args.toArray(String[]::new));
        }
        List<String> errors = log.toString().lines().filter(l -> l.contains(": error:")).toList();
        assertEquals(List.of(), errors, "doclint errors");
        assertEquals(0, rc, "javadoc exit code; log:\n" + log);
        Map<String, List<String>> warnings = new TreeMap<>();
        for (String line : log.toString().lines().filter(l -> l.contains(": warning:")).toList()) {
            String folder = root.relativize(Path.of(line.substring(0, line.indexOf(".java:") + 5))).getName(0).toString();
            warnings.computeIfAbsent(folder, k -> new ArrayList<>()).add(line);
        }
        for (String[] m : MODULES) {
            List<String> found = warnings.getOrDefault(m[0], List.of());
            int allowed = WARNINGS_LEFT.getOrDefault(m[0], 0);
            System.out.printf("api docs: %-8s %5d doclint warnings (ceiling %d)%n", m[0], found.size(), allowed);
            assertTrue(found.size() <= allowed, m[0] + ": " + found.size() + " doclint warnings, ceiling " + allowed + "; first:\n"
                    + String.join("\n", found.subList(0, Math.min(40, found.size()))));
        }
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "index.html written");
    }
}
