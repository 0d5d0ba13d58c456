package dev.weft.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tensor module's layering, read from its sources: the lower packages (core, op, backend, cpu)
 * never name a class of the top package (Tensor, Dispatch, the facades), and they point one way,
 * core &lt;- op &lt;- backend &lt;- cpu, so the import graph below the top package has no cycle.
 * A reference is an import, a fully qualified name, or (for the top package) a simple name of one
 * of its classes outside comments and strings.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java/dev/weft/tensor");
    /** Each lower package and the packages it may use (besides itself, the JDK and the kernels module). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "core", Set.of(),
            "op", Set.of("core"),
            "backend", Set.of("core", "op"),
            "cpu", Set.of("core", "op", "backend"));

    @Test
    void nothingBelowTheTopPackageUsesTensorOrTheFacades() throws IOException {
        Set<String> top = classesOf(MAIN);
        assertTrue(top.contains("Tensor") && top.contains("Dispatch"), "top package read from " + MAIN.toAbsolutePath());
        List<String> bad = new ArrayList<>();
        for (String pkg : ALLOWED.keySet()) {
            for (Path f : javaFiles(MAIN.resolve(pkg))) {
                String code = stripCommentsAndStrings(Files.readString(f));
                for (String c : top) {
                    // a same-named class imported from elsewhere (kernels' Linalg) is not the top one
                    if (Pattern.compile("import (?!dev\\.weft\\.tensor\\.[A-Z])[\\w.]+\\." + c + ";").matcher(code).find()) continue;
                    Matcher m = Pattern.compile("(?<![\\w.])" + c + "\\b|dev\\.weft\\.tensor\\." + c + "\\b").matcher(code);
                    if (m.find()) bad.add(pkg + "/" + f.getFileName() + " uses " + c);
                }
            }
        }
        assertEquals(List.of(), bad, "the lower layer must not see the top package");
    }

    @Test
    void lowerPackagesPointOneWay() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        Pattern ref = Pattern.compile("dev\\.weft\\.tensor\\.(\\w+)\\.");
        for (String pkg : ALLOWED.keySet()) {
            for (Path f : javaFiles(MAIN.resolve(pkg))) {
                Matcher m = ref.matcher(stripCommentsAndStrings(Files.readString(f)));
                while (m.find()) {
                    String used = m.group(1);
                    if (used.equals(pkg)) continue;
                    uses.computeIfAbsent(pkg, k -> new TreeSet<>()).add(used);
                    if (!ALLOWED.get(pkg).contains(used)) bad.add(pkg + "/" + f.getFileName() + " -> " + used);
                }
            }
        }
        assertEquals(List.of(), bad, "package dependencies below the top package (allowed: " + ALLOWED + "; found: " + uses + ")");
    }

    private static Set<String> classesOf(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("package-info.java"))
                    .forEach(p -> out.add(p.getFileName().toString().replace(".java", "")));
        }
        return out;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Source text without comments, string and char literals (so prose may name any class). */
    static String stripCommentsAndStrings(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("'(?:\\\\.|[^'\\\\])'", "''");
    }
}
