package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
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
    private static final Pattern LIBRARY = Pattern.compile("<weft\\.doclint>all</weft\\.doclint>");
    private static final Pattern MODULE = Pattern.compile("<weft\\.module>([^<]+)</weft\\.module>");

    /**
     * Folder under the repository root -> JPMS module name of the modules {@code ./weft docs} documents: those whose
     * pom builds their -javadoc jar with {@code <weft.doclint>all</weft.doclint>}, read the way the launcher reads them.
     */
    static Map<String, String> libraryModules(Path root) throws IOException {
        Map<String, String> modules = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path pom : dirs.map(d -> d.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                String text = Files.readString(pom);
                if (!LIBRARY.matcher(text).find()) continue;
                Matcher m = MODULE.matcher(text);
                assertTrue(m.find(), pom + " sets weft.doclint but no weft.module");
                modules.put(pom.getParent().getFileName().toString(), m.group(1));
            }
        }
        return modules;
    }

    @Test
    void libraryModulesHaveNoDoclintFindings(@TempDir Path out) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> args = new ArrayList<>(List.of("-quiet", "-Xdoclint:all", "-Xmaxwarns", "100000", "-Xmaxerrs", "100000",
                "-d", out.toString()));
        Map<String, String> library = libraryModules(root);
        assertTrue(library.keySet().containsAll(List.of("kernels", "tensor", "autograd", "nn", "graph", "native", "plot")),
                "library modules read from the poms: " + library);
        StringBuilder modules = new StringBuilder();
        for (var m : library.entrySet()) {
            Path src = root.resolve(m.getKey()).resolve("src/main/java");
            assertTrue(Files.isRegularFile(src.resolve("module-info.java")), "module-info.java under " + src);
            args.addAll(List.of("--module-source-path", m.getValue() + "=" + src));
            modules.append(modules.isEmpty() ? "" : ",").append(m.getValue());
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
        for (String folder : library.keySet()) {
            List<String> found = warnings.getOrDefault(folder, List.of());
            assertEquals(List.of(), found.isEmpty() ? List.of() : List.of(folder + ": " + found.size() + " doclint warnings"),
                    String.join("\n", found.subList(0, Math.min(40, found.size()))));
        }
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "index.html written");
    }
}
