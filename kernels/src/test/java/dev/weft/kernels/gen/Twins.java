package dev.weft.kernels.gen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one generator of Weft's dtype twins: every kernel written once as a template, one generated
 * class per dtype. Run from the repository root (JDK 25, no build needed):
 * <pre>  java kernels/src/test/java/dev/weft/kernels/gen/Twins.java</pre>
 * It reads every {@code *.java.tpl} under {@code kernels/src/template/java} and writes the classes it
 * names under {@code kernels/src/main/java} (same package folder), each starting with a GENERATED
 * line; TwinsTest fails when a checked-in class differs from what its template gives.
 *
 * <p>A template's first line is its directive, e.g.
 * {@code //@twins PoolSimd${D} F32 F64 literals}: the class name pattern, the dtypes, and the optional
 * flag {@code literals} (an unsuffixed floating literal such as {@code 0.5} gets an {@code f} in a
 * float-computing instance). A template that is one class with a part per dtype (a facade's five
 * overloads) starts with {@code //@class Binary} instead, and marks each repeated part with
 * {@code //@each F32 F64 I32 I64 BOOL [literals]} ... {@code //@end}; placeholders are allowed only
 * inside such blocks. In the text, each placeholder is replaced by its dtype's row of
 * {@link #DTYPES}: {@code ${D}} the dtype name (F32), {@code ${t}} the compute type (float),
 * {@code ${s}} the storage type (float; short for BF16/F16, whose kernels compute in float and
 * convert on load and store), {@code ${T}} the capitalized compute type as the Vector API spells it
 * (Float: FloatVector, Float.NaN), {@code ${B}} the boxed type (Integer for I32), {@code ${P}} the
 * BLAS prefix (S, D), {@code ${K}} the kind (Float, Integer or Bool: {@code fn.on${K}()}),
 * {@code ${V}} the name kernels give the dtype's preferred vector species constant (FS, DS, IS, LS, BS) and
 * {@code ${L}} the boxed lane type of its vectors ({@code VectorMask<${L}>}: Byte for BOOL, whose vectors are bytes).
 */
public final class Twins {
    private Twins() {}

    /** One dtype's spelling in each placeholder. */
    public record Row(String D, String t, String s, String T, String B, String P, String K, String V, String L) {}

    /** The dtype table; BF16 and F16 store 16 bits and compute in float. */
    public static final Map<String, Row> DTYPES = table(
            new Row("F32", "float", "float", "Float", "Float", "S", "Float", "FS", "Float"),
            new Row("F64", "double", "double", "Double", "Double", "D", "Float", "DS", "Double"),
            new Row("I32", "int", "int", "Int", "Integer", "I", "Integer", "IS", "Integer"),
            new Row("I64", "long", "long", "Long", "Long", "L", "Integer", "LS", "Long"),
            new Row("BOOL", "boolean", "byte", "Byte", "Boolean", "B", "Bool", "BS", "Byte"),
            new Row("BF16", "float", "short", "Float", "Float", "H", "Float", "FS", "Float"),
            new Row("F16", "float", "short", "Float", "Float", "H", "Float", "FS", "Float"));

    private static final Pattern DIRECTIVE = Pattern.compile("^//@twins (\\S+)((?: [A-Z0-9]+)+)( literals)?$");
    private static final Pattern CLASS = Pattern.compile("^//@class (\\w+)$");
    private static final Pattern EACH = Pattern.compile("^\\s*//@each((?: [A-Z0-9]+)+)( literals)?$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z])}");
    private static final Pattern FLOAT_LITERAL =
            Pattern.compile("(?<![\\w.])(\\d+\\.\\d*(?:[eE][-+]?\\d+)?|\\.\\d+(?:[eE][-+]?\\d+)?|\\d+[eE][-+]?\\d+)(?![\\w.])");

    /** A generated file: where it goes and its text. */
    public record Output(Path path, String text) {}

    private static Map<String, Row> table(Row... rows) {
        Map<String, Row> m = new LinkedHashMap<>();
        for (Row r : rows) m.put(r.D(), r);
        return m;
    }

    /** The templates under a kernels module directory, sorted. */
    public static List<Path> templates(Path module) throws IOException {
        Path root = module.resolve("src/template/java");
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java.tpl")).sorted().toList();
        }
    }

    /** Every class one template gives (path relative to the module, text). */
    public static List<Output> generate(Path module, Path template) throws IOException {
        Path root = module.resolve("src/template/java");
        String rel = root.relativize(template).toString().replace('\\', '/');
        String text = Files.readString(template);
        int nl = text.indexOf('\n');
        Matcher d = DIRECTIVE.matcher(nl < 0 ? text : text.substring(0, nl));
        if (!d.matches() && !CLASS.matcher(nl < 0 ? text : text.substring(0, nl)).matches()) {
            throw new IllegalArgumentException(rel + ":1: expected '//@twins <Name${D}> <DTYPE>... [literals]' or '//@class <Name>', got: "
                    + (nl < 0 ? text : text.substring(0, nl)));
        }
        String body = text.substring(nl + 1);
        Matcher single = CLASS.matcher(nl < 0 ? text : text.substring(0, nl));
        if (single.matches()) return List.of(single(rel, single.group(1), body));
        boolean literals = d.group(3) != null;
        List<Output> out = new ArrayList<>();
        for (String dt : d.group(2).trim().split(" ")) {
            Row row = DTYPES.get(dt);
            if (row == null) throw new IllegalArgumentException(rel + ":1: unknown dtype " + dt + " (known: " + DTYPES.keySet() + ")");
            String name = fill(rel, d.group(1), row);
            String src = "// GENERATED by kernels/src/test/java/dev/weft/kernels/gen/Twins.java from " + rel
                    + ": edit the template, not this file.\n" + fill(rel, body, row);
            if (literals && row.t().equals("float")) {
                src = FLOAT_LITERAL.matcher(src).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "f"));
            }
            String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
            out.add(new Output(Path.of("src/main/java", dir + name + ".java"), src));
        }
        return out;
    }

    /** A //@class template: the text outside //@each blocks once, each block once per listed dtype. */
    private static Output single(String rel, String name, String body) {
        StringBuilder out = new StringBuilder("// GENERATED by kernels/src/test/java/dev/weft/kernels/gen/Twins.java from " + rel
                + ": edit the template, not this file.\n");
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher e = EACH.matcher(lines[i]);
            if (!e.matches()) {
                if (PLACEHOLDER.matcher(lines[i]).find()) {
                    throw new IllegalArgumentException(rel + ":" + (i + 2) + ": a placeholder outside an //@each block");
                }
                if (lines[i].trim().equals("//@end")) throw new IllegalArgumentException(rel + ":" + (i + 2) + ": //@end without //@each");
                out.append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
                continue;
            }
            int end = i + 1;
            while (end < lines.length && !lines[end].trim().equals("//@end")) end++;
            if (end == lines.length) throw new IllegalArgumentException(rel + ":" + (i + 2) + ": //@each without //@end");
            String block = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, end)) + "\n";
            String[] dts = e.group(1).trim().split(" ");
            for (int k = 0; k < dts.length; k++) {
                Row row = DTYPES.get(dts[k]);
                if (row == null) throw new IllegalArgumentException(rel + ":" + (i + 2) + ": unknown dtype " + dts[k] + " (known: " + DTYPES.keySet() + ")");
                String part = fill(rel, block, row);
                if (e.group(2) != null && row.t().equals("float")) {
                    part = FLOAT_LITERAL.matcher(part).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "f"));
                }
                out.append(part);
                if (k + 1 < dts.length) out.append("\n");
            }
            i = end;
        }
        String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
        return new Output(Path.of("src/main/java", dir + name + ".java"), out.toString());
    }

    private static String fill(String where, String text, Row row) {
        return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(switch (m.group(1)) {
            case "D" -> row.D();
            case "t" -> row.t();
            case "s" -> row.s();
            case "T" -> row.T();
            case "B" -> row.B();
            case "P" -> row.P();
            case "K" -> row.K();
            case "V" -> row.V();
            case "L" -> row.L();
            default -> throw new IllegalArgumentException(where + ": unknown placeholder ${" + m.group(1) + "}");
        }));
    }

    /** Writes every generated class that is missing or differs; prints what it wrote. */
    public static void main(String[] args) throws IOException {
        Path module = Path.of(args.length > 0 ? args[0] : "kernels");
        List<Path> all = templates(module);
        if (all.isEmpty()) throw new IllegalStateException("no templates under " + module.resolve("src/template/java").toAbsolutePath());
        for (Path t : all) {
            for (Output o : generate(module, t)) {
                Path p = module.resolve(o.path());
                if (!Files.exists(p) || !Files.readString(p).equals(o.text())) {
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, o.text());
                    System.out.println("wrote " + p);
                }
            }
        }
    }
}
