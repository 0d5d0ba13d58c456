package dev.weft.repro.kan;

import dev.weft.autograd.GradMode;
import dev.weft.nn.StateDictException;
import dev.weft.nn.io.ModuleIO;
import dev.weft.nn.io.Safetensors;
import dev.weft.nn.io.SafetensorsException;
import dev.weft.nn.io.SafetensorsFile;
import dev.weft.nn.kan.BaseFun;
import dev.weft.nn.kan.KAN;
import dev.weft.nn.kan.symbolic.SymbolicKANLayer;
import dev.weft.nn.kan.symbolic.SymbolicLib;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A KAN in one safetensors file, reloaded without knowing its widths: the state dict {@link ModuleIO#save} writes
 * (pykan's names: act_fun.l.coef (n_l, n_{l+1}, G + k), act_fun.l.grid (n_l, G + 2k + 1), masks, scales,
 * symbolic_fun.l.affine and .mask), from whose shapes {@link #load} reads the widths, G and k. The symbolic branch's
 * functions are not tensors (pykan keeps them out of its state dict too), so {@link #save} adds them to the file's
 * metadata, with the widths and the base function:
 * <pre>
 *   weft.kan.width     "2,1,1"
 *   weft.kan.base_fun  "silu"
 *   weft.kan.symbolic  "0,0,0=sin;0,1,0=x^2;1,0,0=exp"     edge l,i,j = function, every edge whose symbolic mask is on
 * </pre>
 * A plain {@code ModuleIO.save} file loads too, as long as no symbolic edge is on (it cannot say which function).
 * Errors name the file: missing, not safetensors, not a KAN, shapes that do not chain.
 */
public final class KanCheckpoint {
    private KanCheckpoint() {}

    static final String WIDTH = "weft.kan.width", BASE_FUN = "weft.kan.base_fun", SYMBOLIC = "weft.kan.symbolic";

    /** Writes model's state dict and the metadata above to file (atomic replace). */
    public static void save(KAN model, Path file) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(WIDTH, String.join(",", Arrays.stream(model.width()).mapToObj(Integer::toString).toList()));
        meta.put(BASE_FUN, model.layer(0).baseFun.toString());
        List<String> sym = new ArrayList<>();
        for (int l = 0; l < model.depth(); l++) {
            SymbolicKANLayer s = model.symbolic(l);
            double[] mask = s.mask().contiguous().toDoubleArray();                       // (out, in)
            for (int j = 0; j < s.outDim; j++) {
                for (int i = 0; i < s.inDim; i++) if (mask[j * s.inDim + i] != 0) sym.add(l + "," + i + "," + j + "=" + s.function(i, j).name());
            }
        }
        meta.put(SYMBOLIC, String.join(";", sym));
        ModuleIO.save(model, file, meta, Map.of());
    }

    /** The KAN in file, in the dtype of its coefficients, with its grids, masks and symbolic edges. */
    public static KAN load(Path file) throws IOException {
        String name = file.toString();
        if (!Files.exists(file)) throw new IllegalArgumentException("KAN checkpoint " + name + ": no such file");
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("KAN checkpoint " + name + ": not a regular file");
        SafetensorsFile f;
        try {
            f = Safetensors.read(file);
        } catch (SafetensorsException e) {
            throw new IllegalArgumentException("KAN checkpoint " + name + " is not a safetensors file: " + e.getMessage(), e);
        }
        Map<String, Tensor> t = f.tensors();
        int depth = 0;
        while (t.containsKey("act_fun." + depth + ".coef")) depth++;
        if (depth == 0) {
            throw new IllegalArgumentException("KAN checkpoint " + name + " holds no KAN: no tensor act_fun.0.coef (it holds "
                    + describe(t.keySet()) + ")");
        }
        int[] width = new int[depth + 1];
        int k = -1, basis = -1;
        for (int l = 0; l < depth; l++) {
            Tensor coef = t.get("act_fun." + l + ".coef"), grid = t.get("act_fun." + l + ".grid");
            if (grid == null) throw new IllegalArgumentException("KAN checkpoint " + name + ": act_fun." + l + ".coef without act_fun." + l + ".grid");
            if (coef.dim() != 3 || grid.dim() != 2 || grid.size(0) != coef.size(0)) {
                throw new IllegalArgumentException("KAN checkpoint " + name + ": layer " + l + " has coef " + Shape.format(coef.shape())
                        + " and grid " + Shape.format(grid.shape()) + ", expected (in, out, G + k) and (in, G + 2k + 1)");
            }
            if (l == 0) width[0] = coef.size(0);
            else if (coef.size(0) != width[l]) {
                throw new IllegalArgumentException("KAN checkpoint " + name + ": layer " + l + " takes " + coef.size(0) + " inputs, layer "
                        + (l - 1) + " gives " + width[l]);
            }
            width[l + 1] = coef.size(1);
            int kl = grid.size(1) - coef.size(2) - 1;
            if ((k >= 0 && (kl != k || coef.size(2) != basis)) || kl < 0 || coef.size(2) - kl < 1) {
                throw new IllegalArgumentException("KAN checkpoint " + name + ": layer " + l + " has coef " + Shape.format(coef.shape())
                        + " and grid " + Shape.format(grid.shape()) + ": not one grid size G and order k for every layer");
            }
            k = kl;
            basis = coef.size(2);
        }
        String stated = f.metadata().get(WIDTH);
        String found = String.join(",", Arrays.stream(width).mapToObj(Integer::toString).toList());
        if (stated != null && !stated.equals(found)) {
            throw new IllegalArgumentException("KAN checkpoint " + name + ": metadata says widths " + stated + ", the tensors give " + found);
        }
        BaseFun baseFun;
        try {
            baseFun = BaseFun.of(f.metadata().getOrDefault(BASE_FUN, "silu"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("KAN checkpoint " + name + ": " + e.getMessage(), e);
        }
        KAN model = new KAN(KAN.options(width).grid(basis - k).k(k).baseFun(baseFun).generator(new Generator(0)));
        DType dt = t.get("act_fun.0.coef").dtype();
        if (dt != DType.F32) model.to(dt);
        try {
            model.loadStateDict(t, true);
        } catch (StateDictException e) {
            throw new IllegalArgumentException("KAN checkpoint " + name + " does not fit a KAN " + Arrays.toString(width) + ": " + e.getMessage(), e);
        }
        applySymbolic(model, f.metadata().getOrDefault(SYMBOLIC, ""), name);
        return model;
    }

    /** Sets each named edge's function, keeping its loaded (a, b, c, d); every symbolic edge that is on must be named. */
    private static void applySymbolic(KAN model, String entries, String name) {
        TreeSet<String> named = new TreeSet<>();
        try (var s = GradMode.noGrad()) {
            for (String entry : entries.isEmpty() ? new String[0] : entries.split(";")) {
                String[] kv = entry.split("=", 2), lij = kv[0].split(",");
                int l, i, j;
                try {
                    if (kv.length != 2 || lij.length != 3) throw new NumberFormatException();
                    l = Integer.parseInt(lij[0].strip());
                    i = Integer.parseInt(lij[1].strip());
                    j = Integer.parseInt(lij[2].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("KAN checkpoint " + name + ": metadata " + SYMBOLIC + " entry '" + entry
                            + "' is not l,i,j=function");
                }
                if (l < 0 || l >= model.depth() || i < 0 || i >= model.width()[l] || j < 0 || j >= model.width()[l + 1]) {
                    throw new IllegalArgumentException("KAN checkpoint " + name + ": symbolic edge (" + l + "," + i + "," + j
                            + ") outside widths " + Arrays.toString(model.width()));
                }
                SymbolicKANLayer sym = model.symbolic(l);
                double[] abcd = sym.affine(i, j);
                try {
                    sym.fixSymbolic(i, j, SymbolicLib.get(kv[1].strip()), abcd[0], abcd[1], abcd[2], abcd[3]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("KAN checkpoint " + name + ": edge (" + l + "," + i + "," + j + "): " + e.getMessage(), e);
                }
                named.add(l + "," + i + "," + j);
            }
        }
        List<String> unnamed = new ArrayList<>();
        for (int l = 0; l < model.depth(); l++) {
            SymbolicKANLayer s = model.symbolic(l);
            double[] mask = s.mask().contiguous().toDoubleArray();
            for (int j = 0; j < s.outDim; j++) {
                for (int i = 0; i < s.inDim; i++) {
                    if (mask[j * s.inDim + i] != 0 && !named.contains(l + "," + i + "," + j)) unnamed.add("(" + l + "," + i + "," + j + ")");
                }
            }
        }
        if (!unnamed.isEmpty()) {
            throw new IllegalArgumentException("KAN checkpoint " + name + ": symbolic edges " + String.join(", ", unnamed) + " are on but the "
                    + "file does not name their functions (metadata " + SYMBOLIC + "; KanCheckpoint.save writes it)");
        }
    }

    private static String describe(java.util.Set<String> keys) {
        if (keys.isEmpty()) return "no tensors";
        List<String> first = keys.stream().limit(6).toList();
        return keys.size() + " tensor(s): " + String.join(", ", first) + (keys.size() > first.size() ? ", ..." : "");
    }
}
