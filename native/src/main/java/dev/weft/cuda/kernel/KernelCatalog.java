package dev.weft.cuda.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Every kernel resource and the entry points it must define; the backend looks kernels up by these names
 * and the NVRTC compile test checks each appears as a {@code .entry} in the PTX. Names follow the sources'
 * macros: family_dtype with f32, f64, i32, i64, u8 (BOOL), and for casts cast_FROM_TO.
 */
public final class KernelCatalog {
    private KernelCatalog() {}

    private static final List<String> ALL5 = List.of("f32", "f64", "i32", "i64", "u8");
    private static final List<String> NUM4 = List.of("f32", "f64", "i32", "i64");
    private static final List<String> FLOAT2 = List.of("f32", "f64");

    public static final KernelSource ELEMENTWISE = new KernelSource("elementwise.cu", concat(
            each("unary_", NUM4), List.of("logical_not_u8"), each("binary_", NUM4), List.of("logical_u8"),
            each("compare_", ALL5), each("where_", ALL5)));

    public static final KernelSource COPY = new KernelSource("copy.cu", concat(
            List.of("copy_b1", "copy_b4", "copy_b8", "fill_b8"), casts()));

    public static final KernelSource REDUCE = new KernelSource("reduce.cu", concat(each("reduce_", FLOAT2),
            List.of("reduce_i32_i64", "reduce_i64_i64", "reduce_u8_i64", "reduce_i32_i32", "reduce_f32_u8", "reduce_f64_u8",
                    "reduce_i32_u8", "reduce_i64_u8", "reduce_u8_u8")));

    public static final KernelSource SOFTMAX = new KernelSource("softmax.cu", concat(each("softmax_", FLOAT2),
            each("argreduce_", NUM4), List.of("scan_f32", "scan_f64", "scan_i32_i64", "scan_i64_i64", "scan_u8_i64")));

    public static final KernelSource INDEX = new KernelSource("index.cu", concat(each("index_select_", ALL5),
            each("gather_", ALL5), each("scatter_", NUM4), each("index_add_", NUM4), each("nonzero_", ALL5),
            each("scatter_cols_", ALL5), each("index_add_cols_", NUM4)));

    public static final KernelSource CONV = new KernelSource("conv.cu", concat(each("im2col_", FLOAT2),
            each("col2im_", FLOAT2), each("maxpool2d_", FLOAT2), each("maxpool2d_backward_", FLOAT2),
            each("avgpool2d_", FLOAT2), each("avgpool2d_backward_", FLOAT2)));

    public static final KernelSource SPARSE = new KernelSource("sparse.cu", concat(
            each("spmm_", List.of("f32_i32", "f32_i64", "f64_i32", "f64_i64")),
            each("sddmm_", List.of("f32_i32", "f32_i64", "f64_i32", "f64_i64")),
            each("segment_", List.of("f32_i32", "f32_i64", "f64_i32", "f64_i64"))));

    public static final KernelSource SORT = new KernelSource("sort.cu", concat(each("sort_", NUM4), each("topk_", NUM4)));

    public static final KernelSource RECURRENT = new KernelSource("recurrent.cu", concat(each("lstm_cell_", FLOAT2),
            each("lstm_cell_backward_", FLOAT2), each("gru_cell_", FLOAT2), each("gru_cell_backward_", FLOAT2)));

    public static final KernelSource SPECTRAL = new KernelSource("spectral.cu", each("dft_", FLOAT2));

    public static final KernelSource LINALG = new KernelSource("linalg.cu", List.of("linalg_cholesky", "linalg_cholesky_solve",
            "linalg_solve", "linalg_solve_triangular", "linalg_lu_family", "linalg_qr", "linalg_lstsq"));

    public static final KernelSource GEMM = new KernelSource("gemm.cu", List.of("gemm_f32", "gemm_f64"));

    /** Every source, in a fixed order. */
    public static final List<KernelSource> ALL = List.of(ELEMENTWISE, COPY, REDUCE, SOFTMAX, INDEX, CONV, SPARSE, SORT, RECURRENT, SPECTRAL, LINALG, GEMM);

    /** {@return the number of entry points over all sources} */
    public static int entryCount() {
        return ALL.stream().mapToInt(s -> s.entries().size()).sum();
    }

    /** The source that defines an entry point. */
    public static KernelSource sourceOf(String entry) {
        for (KernelSource s : ALL) if (s.entries().contains(entry)) return s;
        throw new IllegalArgumentException("cuda: no kernel source defines " + entry);
    }

    private static List<String> each(String prefix, List<String> suffixes) {
        return suffixes.stream().map(s -> prefix + s).toList();
    }

    private static List<String> casts() {
        List<String> out = new ArrayList<>();
        for (String a : ALL5) for (String b : ALL5) out.add("cast_" + a + "_" + b);
        return out;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) out.addAll(p);
        return List.copyOf(out);
    }
}
