package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library modules' API docs build with every doclint check on and nothing to report, as {@code ./weft docs}
 * builds them: javadoc in module mode over each module's sources, so exactly the exported packages are
 * documented. A public element without a comment, a missing {@code @param}, a bare {@code <} or a broken
 * {@code {@link}} fails this test with javadoc's own lines.
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
        List<String> findings = log.toString().lines().filter(l -> l.contains(": warning:") || l.contains(": error:")).toList();
        String shown = String.join("\n", findings.subList(0, Math.min(40, findings.size())));
        assertEquals(List.of(), findings.isEmpty() ? List.of() : List.of(findings.size() + " findings"), shown);
        assertEquals(0, rc, "javadoc exit code; log:\n" + log);
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "index.html written");
    }
}
