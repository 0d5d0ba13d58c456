package dev.weft.repro.kan.feynman;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The AI Feynman equations file (FeynmanEquations.csv, as the PySR repository ships it): per row the equation's name
 * (Filename, e.g. "I.6.2"), its formula as a Python expression, the number of variables and each variable's name and
 * sampling range (v1_name, v1_low, v1_high, ...). Formulas hold no commas, so a plain split reads the rows.
 */
public final class FeynmanEquations {
    /** One equation: its formula parsed over its variables, in the file's order, and their ranges. */
    public record Equation(String name, PyFormula formula, double[] low, double[] high) {
        public List<String> variables() {
            return formula.variables();
        }
    }

    private FeynmanEquations() {}

    /** Every row of file (plain, or file + ".gz" when only that exists), by name in file order. */
    public static Map<String, Equation> read(Path file) throws IOException {
        Path p = Files.isRegularFile(file) ? file : file.resolveSibling(file.getFileName() + ".gz");
        try (InputStream raw = Files.newInputStream(p);
             InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList(), p.toString());
        }
    }

    /** The rows of the CSV text (header first); where names the source in errors. */
    static Map<String, Equation> parse(List<String> lines, String where) {
        if (lines.isEmpty()) throw new IllegalArgumentException("FeynmanEquations: " + where + " is empty");
        List<String> header = List.of(lines.getFirst().split(",", -1));
        int name = column(header, "Filename", where), formula = column(header, "Formula", where), count = column(header, "# variables", where);
        int first = column(header, "v1_name", where);
        Map<String, Equation> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] f = lines.get(i).split(",", -1);
            String id = f[name].trim();
            try {
                int n = (int) Double.parseDouble(f[count].trim());
                List<String> vars = new ArrayList<>();
                double[] lo = new double[n], hi = new double[n];
                for (int v = 0; v < n; v++) {
                    vars.add(f[first + 3 * v].trim());
                    lo[v] = Double.parseDouble(f[first + 3 * v + 1].trim());
                    hi[v] = Double.parseDouble(f[first + 3 * v + 2].trim());
                }
                out.put(id, new Equation(id, PyFormula.parse(f[formula].trim(), vars), lo, hi));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("FeynmanEquations: " + where + " line " + (i + 1) + " (" + id + "): " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static int column(List<String> header, String name, String where) {
        int i = header.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("FeynmanEquations: " + where + " has no column '" + name + "' (header " + header + ")");
        return i;
    }
}
