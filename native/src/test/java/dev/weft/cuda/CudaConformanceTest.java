package dev.weft.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.tensor.Backends;
import dev.weft.tensor.Convolution;
import dev.weft.tensor.Dispatch;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Pooling;
import dev.weft.tensor.Segments;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.op.ConvOp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op family the CUDA backend runs, on cuda:0 against the CPU backend: the same seeded inputs, the
 * result compared elementwise within atol + rtol * |cpu|. Strided, transposed and broadcast operands are
 * among the inputs. Without a CUDA device every case skips with the probe's reason.
 */
class CudaConformanceTest {
    private static final Device CUDA = Device.cuda(0);

    record Case(String name, Function<List<Tensor>, Tensor> op, List<Tensor> inputs, double atol, double rtol) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Tensor randn(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), shape);
    }

    private static Tensor randn64(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), DType.F64, shape);
    }

    private static Case f32(String name, Function<List<Tensor>, Tensor> op, Tensor... in) {
        return new Case(name, op, List.of(in), 1e-5, 1e-4);
    }

    private static Case f64(String name, Function<List<Tensor>, Tensor> op, Tensor... in) {
        return new Case(name, op, List.of(in), 1e-12, 1e-10);
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        Tensor a = randn(1, 4, 5), b = randn(2, 5), col = randn(3, 4, 1);
        c.add(f32("add_broadcast", t -> t.get(0).add(t.get(1)), a, b));
        c.add(f32("mul_column_broadcast", t -> t.get(0).mul(t.get(1)), a, col));
        c.add(f32("div_transposed", t -> t.get(0).transpose(0, 1).div(t.get(1).transpose(0, 1).abs().add(1.0)), a, randn(4, 4, 5)));
        c.add(f32("maximum", t -> t.get(0).maximum(t.get(1)), a, b));
        c.add(f32("exp_tanh_sigmoid", t -> t.get(0).exp().add(t.get(0).tanh()).add(t.get(0).sigmoid()), a));
        c.add(f32("gelu_relu_clamp", t -> t.get(0).gelu().add(t.get(0).relu()).add(t.get(0).clamp(-0.5, 0.5)), a));
        c.add(f32("pow_scalar", t -> t.get(0).abs().pow(1.5), a));
        c.add(f32("where_lt", t -> t.get(0).where(t.get(0).lt(t.get(1)), t.get(1)), a, b));
        c.add(f32("cast_to_i64_and_back", t -> t.get(0).mul(3.0).to(DType.I64).to(DType.F32), a));
        c.add(f64("sum_dim0", t -> t.get(0).sum(0), randn64(5, 6, 7)));
        c.add(f32("sum_all_strided", t -> t.get(0).transpose(0, 1).sum(), randn(6, 33, 17)));
        c.add(f64("sum_large_split", t -> t.get(0).sum(), randn64(33, 300, 1000)));
        c.add(f32("amin_large_split_dim", t -> t.get(0).amin(new int[] {0}, false), randn(34, 70000, 2)));
        c.add(f32("amax_keepdim", t -> t.get(0).amax(new int[] {1}, true), randn(7, 3, 8, 2)));
        c.add(f64("var_std", t -> t.get(0).var(1).add(t.get(0).std(1)), randn64(8, 5, 9)));
        c.add(f64("logsumexp", t -> t.get(0).logsumexp(1), randn64(9, 4, 300)));
        c.add(f32("softmax_last", t -> t.get(0).softmax(-1), randn(10, 3, 4, 9)));
        c.add(f64("log_softmax_dim0_transposed", t -> t.get(0).transpose(0, 1).logSoftmax(0), randn64(11, 7, 5)));
        c.add(f32("argmax", t -> t.get(0).argmax(1).to(DType.F32), randn(12, 6, 10)));
        c.add(f64("cumsum", t -> t.get(0).cumsum(1), randn64(13, 3, 50)));
        c.add(f32("matmul", t -> t.get(0).matmul(t.get(1)), randn(14, 33, 17), randn(15, 17, 9)));
        c.add(f64("matmul_transposed_operand", t -> t.get(0).matmul(t.get(1).transpose(0, 1)), randn64(16, 8, 12), randn64(17, 5, 12)));
        c.add(f32("bmm_broadcast", t -> t.get(0).matmul(t.get(1)), randn(18, 3, 4, 6), randn(19, 6, 2)));
        c.add(f32("cat_flip", t -> Tensor.cat(List.of(t.get(0), t.get(1).flip(0)), 0), a, randn(20, 2, 5)));
        // index tensors and constants are inputs too, so that they move to the device with the data
        c.add(f32("index_select", t -> t.get(0).indexSelect(0, t.get(1)), a, Tensor.of(3L, 0L, 3L, 1L)));
        c.add(f32("gather", t -> t.get(0).gather(1, t.get(1)), a, Tensor.of(new long[][] {{0, 4}, {1, 1}, {2, 0}, {3, 3}})));
        c.add(f32("scatter_add_repeated", t -> t.get(0).scatterAdd(0, t.get(1), t.get(2)), Tensor.zeros(3, 5),
                Tensor.of(new long[][] {{0, 1, 2, 0, 0}, {2, 2, 2, 0, 1}}), randn(21, 2, 5)));
        c.add(f32("scatter_last_write_dim1", t -> t.get(0).scatter(1, t.get(1), t.get(2)), randn(23, 2, 6),
                Tensor.of(new long[][] {{5, 0, 5}, {1, 1, 2}}), randn(24, 2, 3)));
        c.add(f32("scatter_bool", t -> t.get(0).gt(0.0).scatter(1, t.get(1), t.get(2).gt(0.0)).to(DType.F32), randn(26, 2, 6),
                Tensor.of(new long[][] {{5, 0, 5}, {1, 1, 2}}), randn(27, 2, 3)));
        c.add(f32("scatter_reduce_amax_exclude_self", t -> t.get(0).scatterReduce(0, t.get(1), t.get(2), "amax", false), Tensor.zeros(3, 4),
                Tensor.of(new long[][] {{0, 2, 2, 1}, {2, 2, 0, 1}}), randn(25, 2, 4)));
        c.add(f32("index_add", t -> t.get(0).indexAdd(0, t.get(2), t.get(1)), a, randn(22, 3, 5), Tensor.of(1L, 1L, 3L)));
        c.add(f32("nonzero", t -> t.get(0).gt(0.0).nonzero().to(DType.F32), a));
        c.add(f32("conv2d", t -> Convolution.conv2d(t.get(0), t.get(1), t.get(2), new int[] {1, 2}, new int[] {1, 0}, new int[] {1, 1}, 1),
                randn(23, 2, 3, 7, 8), randn(24, 4, 3, 3, 2), randn(25, 4)));
        c.add(f64("conv2d_groups", t -> Convolution.conv2d(t.get(0), t.get(1), null, new int[] {1, 1}, new int[] {1, 1}, new int[] {2, 1}, 2),
                randn64(26, 2, 4, 6, 6), randn64(27, 6, 2, 3, 3)));
        // the CPU's fused convolution primitives, dispatched directly (conv2d reaches them only on the CPU)
        ConvOp.Window win = new ConvOp.Window(3, 2, 1, 2, 1, 0, 1, 1);
        c.add(f32("conv2d_fused", t -> Dispatch.apply1(new ConvOp.Conv2d(win, 2), t.get(0), t.get(1)), randn(40, 2, 4, 6, 7), randn(41, 6, 12)));
        c.add(f64("conv2d_weight_grad_fused", t -> Dispatch.apply1(new ConvOp.Conv2dWeightGrad(win, 2), t.get(0), t.get(1)),
                randn64(42, 2, 6, 18), randn64(43, 2, 4, 6, 7)));
        c.add(f32("conv2d_input_grad_fused", t -> Dispatch.apply1(new ConvOp.Conv2dInputGrad(6, 7, win, 2), t.get(0), t.get(1)),
                randn(44, 2, 6, 18), randn(45, 6, 12)));
        c.add(f32("fold_unfold", t -> Convolution.fold(Convolution.unfold(t.get(0), 3, 2), new int[] {5, 6}, new int[] {3, 2}),
                randn(28, 2, 3, 5, 6)));
        c.add(f32("max_pool2d", t -> Pooling.maxPool2d(t.get(0), new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 1}, false),
                randn(29, 2, 3, 9, 8)));
        c.add(f64("avg_pool2d", t -> Pooling.avgPool2d(t.get(0), new int[] {3, 2}, new int[] {2, 2}, new int[] {1, 1}, true, false),
                randn64(30, 2, 2, 7, 7)));
        c.add(f32("segment_mean", t -> Segments.segment(t.get(0), t.get(1), "mean"), randn(31, 6, 3), Tensor.of(0L, 2L, 2L, 5L, 6L)));
        c.add(f32("segment_max", t -> Segments.segmentMax(t.get(0), t.get(1)).values(), randn(32, 6, 3), Tensor.of(0L, 1L, 4L, 6L)));
        Tensor ties = Tensor.of(new float[] {3, 1, 3, Float.NaN, -0.0f, 0.0f, 1, 2, 2, 2, 5, 1}, 2, 6);
        c.add(f32("sort_ascending_ties_nan", t -> t.get(0).sort(1, false).values(), ties));
        c.add(f32("sort_descending_indices", t -> t.get(0).sort(1, true).indices().to(DType.F32), ties));
        c.add(f32("sort_dim0_strided", t -> t.get(0).transpose(0, 1).sort(0, false).indices().to(DType.F32), randn(41, 5, 9)));
        c.add(f32("topk", t -> t.get(0).topk(3).values(), randn(42, 4, 10)));
        // FFTs: complex operands are (..., 2) pairs
        c.add(f64("fft_dim1", t -> dev.weft.tensor.Fft.fft(t.get(0), 1), randn64(90, 3, 12, 2)));
        c.add(f32("ifft_ortho_dim0", t -> dev.weft.tensor.Fft.ifft(t.get(0), null, 0, "ortho"), randn(91, 7, 4, 2)));
        c.add(f64("rfft_strided", t -> dev.weft.tensor.Fft.rfft(t.get(0).transpose(0, 1), null, 0, "forward"), randn64(92, 5, 10)));
        c.add(f64("irfft_odd", t -> dev.weft.tensor.Fft.irfft(t.get(0), 9, 1, "backward"), randn64(93, 2, 5, 2)));
        // linear algebra (F64 inside; an SPD matrix from A A^T + n I)
        Tensor sq = randn64(100, 2, 4, 4), rhs = randn64(101, 2, 4, 3);
        Tensor shift = Tensor.eye(4, DType.F64).mul(4.0);
        c.add(f64("cholesky", t -> dev.weft.tensor.Linalg.cholesky(t.get(0).matmul(t.get(0).transpose(-2, -1)).add(t.get(1))), sq, shift));
        c.add(f64("cholesky_solve_upper", t -> dev.weft.tensor.Linalg.choleskySolve(t.get(1),
                dev.weft.tensor.Linalg.cholesky(t.get(0).matmul(t.get(0).transpose(-2, -1)).add(t.get(2)), true), true), sq, rhs, shift));
        c.add(f64("solve_triangular_right_unit", t -> dev.weft.tensor.Linalg.solveTriangular(t.get(0), t.get(1).transpose(-2, -1),
                false, false, true), sq, rhs));
        c.add(f64("solve", t -> dev.weft.tensor.Linalg.solve(t.get(0), t.get(1)), sq, rhs));
        c.add(f64("inv_det", t -> Tensor.cat(List.of(dev.weft.tensor.Linalg.inv(t.get(0)).reshape(-1),
                dev.weft.tensor.Linalg.det(t.get(0)).reshape(-1)), 0), sq));
        c.add(f32("slogdet_f32", t -> dev.weft.tensor.Linalg.slogdet(t.get(0)).logabsdet(), randn(102, 3, 5, 5)));
        c.add(f64("qr_r", t -> dev.weft.tensor.Linalg.qr(t.get(0)).R(), randn64(103, 2, 6, 4)));
        c.add(f64("qr_q_wide", t -> dev.weft.tensor.Linalg.qr(t.get(0)).Q(), randn64(104, 3, 5)));
        c.add(f64("lstsq_tall", t -> dev.weft.tensor.Linalg.lstsq(t.get(0), t.get(1)), randn64(105, 7, 3), randn64(106, 7, 2)));
        c.add(f64("lstsq_wide_min_norm", t -> dev.weft.tensor.Linalg.lstsq(t.get(0), t.get(1)), randn64(107, 2, 5), randn64(108, 2, 2)));
        // recurrent cells and layers (B 3, H 4, C 5, T 6); backward inputs need not come from a forward
        Tensor gx = randn(50, 3, 16), gh = randn(51, 3, 16), c0 = randn(52, 3, 4), b16 = randn(53, 16);
        c.add(f32("lstm_cell", t -> {
            var st = dev.weft.tensor.Recurrent.lstmCell(t.get(0), t.get(1), t.get(2), t.get(3));
            return Tensor.cat(List.of(st.h(), st.c()), 1);
        }, gx, gh, c0, b16));
        c.add(f64("gru_cell", t -> dev.weft.tensor.Recurrent.gruCell(t.get(0), t.get(1), t.get(2), null),
                randn64(54, 3, 12), randn64(55, 3, 12), randn64(56, 3, 4)));
        c.add(f32("lstm_cell_backward", t -> flat(dev.weft.tensor.Recurrent.lstmCellBackward(t.get(0), t.get(1), t.get(2).sigmoid(),
                t.get(3), t.get(4))), c0, randn(57, 3, 4), gx, randn(58, 3, 4), randn(59, 3, 4)));
        c.add(f64("gru_cell_backward", t -> flat(dev.weft.tensor.Recurrent.gruCellBackward(t.get(0), t.get(1).sigmoid(), t.get(2))),
                randn64(60, 3, 4), randn64(61, 3, 16), randn64(62, 3, 4)));
        for (boolean reverse : new boolean[] {false, true}) {
            c.add(f64("lstm_layer" + (reverse ? "_reverse" : ""), t -> {
                var o = dev.weft.tensor.Recurrent.lstmLayer(t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), reverse);
                return flat(new Tensor[] {o.output(), o.h(), o.c()});
            }, randn64(63, 6, 3, 5), randn64(64, 16, 5), randn64(65, 16, 4), randn64(66, 16), randn64(67, 3, 4), randn64(68, 3, 4)));
            c.add(f64("lstm_layer_backward" + (reverse ? "_reverse" : ""), t -> flat(dev.weft.tensor.Recurrent.lstmLayerBackward(reverse,
                    true, t.get(0), t.get(1), t.get(2), t.get(3).sigmoid(), t.get(4), t.get(5), t.get(6), t.get(7), t.get(8), t.get(9),
                    t.get(10))), randn64(70, 6, 3, 4), randn64(71, 3, 4), randn64(72, 3, 4), randn64(73, 6, 3, 16), randn64(74, 6, 3, 4),
                    randn64(75, 6, 3, 5), randn64(76, 3, 4), randn64(77, 3, 4), randn64(78, 6, 3, 4), randn64(79, 16, 5), randn64(80, 16, 4)));
        }
        return c.stream();
    }

    private static Tensor flat(Tensor[] parts) {
        List<Tensor> f = new ArrayList<>();
        for (Tensor p : parts) f.add(p.reshape(-1));
        return Tensor.cat(f, 0);
    }

    @ParameterizedTest(name = "cuda[{0}]")
    @MethodSource("cases")
    void matchesTheCpu(Case c) {
        assumeTrue(Backends.isAvailable(CUDA), () -> "no CUDA device, conformance skipped: " + new CudaBackendProvider().unavailableReason());
        Tensor cpu = c.op().apply(c.inputs());
        List<Tensor> onDevice = c.inputs().stream().map(t -> t.to(CUDA)).toList();
        Tensor gpu = c.op().apply(onDevice);
        assertEquals(CUDA, gpu.device(), c.name() + ": result left the device");
        assertArrayEquals(cpu.shape(), gpu.shape(), c.name() + ": shape");
        assertEquals(cpu.dtype(), gpu.dtype(), c.name() + ": dtype");
        double[] want = cpu.to(DType.F64).toDoubleArray(), got = gpu.to(Device.CPU).to(DType.F64).toDoubleArray();
        for (int i = 0; i < want.length; i++) {
            double tol = c.atol() + c.rtol() * Math.abs(want[i]);
            int at = i;
            assertTrue(Math.abs(want[i] - got[i]) <= tol || (Double.isNaN(want[i]) && Double.isNaN(got[i])),
                    () -> c.name() + "[" + at + "]: cpu " + want[at] + ", cuda " + got[at]);
        }
    }

    /** The cases themselves are valid programs (so a GPU run fails only for the backend's reasons). */
    @ParameterizedTest(name = "cpu[{0}]")
    @MethodSource("cases")
    void everyCaseRunsOnTheCpu(Case c) {
        Tensor y = c.op().apply(c.inputs());
        assertEquals(Device.CPU, y.device());
        assertTrue(y.numel() > 0, c.name() + ": empty result");
    }

    @ParameterizedTest(name = "cuda_index_error[{0}]")
    @MethodSource("errorCases")
    void aBadIndexIsTheCpusError(String name) {
        assumeTrue(Backends.isAvailable(CUDA), () -> "no CUDA device, skipped: " + new CudaBackendProvider().unavailableReason());
        Tensor x = randn(40, 4, 5).to(CUDA);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> x.indexSelect(0, Tensor.of(1L, 7L).to(CUDA)).to(Device.CPU));
        assertTrue(e.getMessage().contains("index_select") && e.getMessage().contains("7"), e.getMessage());
    }

    static Stream<String> errorCases() {
        return Stream.of("index_select_out_of_range");
    }
}
