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
 * have a doclint finding: neither an error (a bare {@code <}, a broken {@code {@link}}, a bad tag) nor a
 * warning (a public element without a comment, a missing {@code @param} or {@code @return}). A finding fails
 * the test with javadoc's own lines, counted per module.
 */
class ApiDocsTest {
    /** Folder under the repository root -> JPMS module name, the modules {@code ./weft docs} documents. */
    static final String[][] MODULES = {
            {"kernels", "dev.weft.kernels"}, {"tensor", "dev.weft.tensor"}, {"autograd", "dev.weft.autograd"},
            {"nn", "dev.weft.nn"}, {"graph", "dev.weft.graph"}, {"native", "dev.weft.cuda"}, {"plot", "dev.weft.plot"}};

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
            assertEquals(List.of(), found.isEmpty() ? List.of() : List.of(m[0] + ": " + found.size() + " doclint warnings"),
                    String.join("\n", found.subList(0, Math.min(40, found.size()))));
        }
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "index.html written");
    }
}
