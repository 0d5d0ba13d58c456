package dev.weft.nn;

import dev.weft.nn.attention.MultiheadAttention;
import dev.weft.nn.attention.TransformerEncoderLayer;
import dev.weft.nn.layers.*;
import dev.weft.nn.loss.*;
import dev.weft.nn.rnn.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The options of every layer built from its required arguments only, through the short constructor and
 * through {@code X.options(...)} with nothing set, equal those PyTorch gives the same layer
 * (golden/torch_defaults.txt, read back from torch's constructed modules by make_option_defaults.py).
 */
class OptionDefaultsTest {
    /** A layer built two ways, and its options by PyTorch's names. */
    private record Case(Supplier<Module> shortForm, Supplier<Module> options, Function<Module, Map<String, Object>> read) {}

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    private static <M extends Module> void add(String name, Supplier<M> shortForm, Supplier<M> options,
                                               Function<M, Map<String, Object>> read) {
        @SuppressWarnings("unchecked") Function<Module, Map<String, Object>> r = m -> read.apply((M) m);
        CASES.put(name, new Case(shortForm::get, options::get, r));
    }

    private static Map<String, Object> conv(ConvNd c) {
        return map("bias", c.bias() != null, "dilation", c.dilation(), "groups", c.groups, "padding", c.padding(),
                "padding_mode", c.paddingMode, "stride", c.stride());
    }

    private static Map<String, Object> rnn(RNNBase r) {
        return map("batch_first", r.batchFirst(), "bias", r.bias(), "bidirectional", r.bidirectional(), "dropout",
                r.dropout(), "num_layers", r.numLayers());
    }

    private static Map<String, Object> bn(BatchNorm b) {
        return map("affine", b.affine, "eps", b.eps, "momentum", b.momentum(), "track_running_stats", b.trackRunningStats);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static Map<String, Object> with(Map<String, Object> m, Object... kv) {
        Map<String, Object> out = new TreeMap<>(m);
        out.putAll(map(kv));
        return out;
    }

    static {
        add("Conv1d", () -> new Conv1d(4, 6, 3), () -> new Conv1d(Conv1d.options(4, 6, 3)), OptionDefaultsTest::conv);
        add("Conv2d", () -> new Conv2d(4, 6, 3), () -> new Conv2d(Conv2d.options(4, 6, 3)), OptionDefaultsTest::conv);
        add("ConvTranspose2d", () -> new ConvTranspose2d(4, 6, 3), () -> new ConvTranspose2d(ConvTranspose2d.options(4,
                6, 3)),
                c -> with(conv(c), "output_padding", c.outputPadding()));
        add("Linear", () -> new Linear(3, 2), () -> new Linear(3, 2), l -> map("bias", l.bias() != null));
        add("Bilinear", () -> new Bilinear(2, 3, 4), () -> new Bilinear(Bilinear.options(2, 3, 4)),
                b -> map("bias", b.bias() != null));
        add("Embedding", () -> new Embedding(7, 3), () -> new Embedding(Embedding.options(7, 3)),
                e -> map("padding_idx", e.paddingIdx()));
        add("BatchNorm1d", () -> new BatchNorm1d(3), () -> new BatchNorm1d(BatchNorm1d.options(3)), OptionDefaultsTest::bn);
        add("BatchNorm2d", () -> new BatchNorm2d(3), () -> new BatchNorm2d(BatchNorm2d.options(3)), OptionDefaultsTest::bn);
        add("LayerNorm", () -> new LayerNorm(4), () -> new LayerNorm(LayerNorm.options(4)),
                n -> map("bias", n.bias() != null, "elementwise_affine", n.elementwiseAffine, "eps", n.eps));
        add("GroupNorm", () -> new GroupNorm(2, 6), () -> new GroupNorm(GroupNorm.options(2, 6)),
                n -> map("affine", n.affine, "eps", n.eps));
        add("Dropout", Dropout::new, () -> new Dropout(Dropout.options()), d -> map("p", d.p));
        add("GELU", GELU::new, GELU::new, g -> map("approximate", g.approximate));
        add("MaxPool1d", () -> new MaxPool1d(3), () -> new MaxPool1d(MaxPool1d.options(3)),
                p -> map("ceil_mode", p.ceilMode, "dilation", p.dilation, "padding", p.padding, "stride", p.stride));
        add("MaxPool2d", () -> new MaxPool2d(3), () -> new MaxPool2d(MaxPool2d.options(3)),
                p -> map("ceil_mode", p.ceilMode, "dilation", p.dilation(), "padding", p.padding(), "stride", p.stride()));
        add("AvgPool1d", () -> new AvgPool1d(3), () -> new AvgPool1d(AvgPool1d.options(3)),
                p -> map("ceil_mode", p.ceilMode, "count_include_pad", p.countIncludePad, "padding", p.padding, "stride", p.stride));
        add("AvgPool2d", () -> new AvgPool2d(3), () -> new AvgPool2d(AvgPool2d.options(3)),
                p -> map("ceil_mode", p.ceilMode, "count_include_pad", p.countIncludePad, "padding", p.padding(),
                        "stride", p.stride()));
        add("MultiheadAttention", () -> new MultiheadAttention(8, 2),
                () -> new MultiheadAttention(MultiheadAttention.options(8, 2)),
                a -> map("batch_first", a.batchFirst(), "bias", a.bias(), "dropout", a.dropout(), "kdim", a.kdim(),
                        "vdim", a.vdim()));
        add("TransformerEncoderLayer", () -> new TransformerEncoderLayer(8, 2),
                () -> new TransformerEncoderLayer(TransformerEncoderLayer.options(8, 2)),
                t -> map("activation", t.activation(), "batch_first", t.batchFirst(), "bias", t.bias(), "dim_feedforward",
                        t.dimFeedforward(), "dropout", t.dropout(), "layer_norm_eps", t.layerNormEps(), "norm_first",
                        t.normFirst()));
        add("LSTM", () -> new LSTM(3, 4), () -> new LSTM(LSTM.options(3, 4)), l -> with(rnn(l), "proj_size", l.projSize()));
        add("GRU", () -> new GRU(3, 4), () -> new GRU(GRU.options(3, 4)), OptionDefaultsTest::rnn);
        add("RNN", () -> new RNN(3, 4), () -> new RNN(RNN.options(3, 4)), r -> with(rnn(r), "nonlinearity",
                r.nonlinearity()));
        add("RNNCell", () -> new RNNCell(3, 4), () -> new RNNCell(RNNCell.options(3, 4)),
                c -> map("bias", c.bias(), "nonlinearity", c.nonlinearity()));
        add("LSTMCell", () -> new LSTMCell(3, 4), () -> new LSTMCell(LSTMCell.options(3, 4)), c -> map("bias", c.bias()));
        add("GRUCell", () -> new GRUCell(3, 4), () -> new GRUCell(GRUCell.options(3, 4)), c -> map("bias", c.bias()));
        add("CrossEntropyLoss", CrossEntropyLoss::new, () -> new CrossEntropyLoss(CrossEntropyLoss.options()),
                l -> map("ignore_index", l.ignoreIndex(), "label_smoothing", l.labelSmoothing(), "reduction", l.reduction(),
                        "weight", l.namedBuffers().get("weight")));
        add("NLLLoss", NLLLoss::new, () -> new NLLLoss(NLLLoss.options()),
                l -> map("ignore_index", l.ignoreIndex(), "reduction", l.reduction(), "weight", l.namedBuffers().get("weight")));
        add("BCELoss", BCELoss::new, () -> new BCELoss(BCELoss.options()),
                l -> map("reduction", l.reduction(), "weight", l.namedBuffers().get("weight")));
        add("BCEWithLogitsLoss", BCEWithLogitsLoss::new, () -> new BCEWithLogitsLoss(BCEWithLogitsLoss.options()),
                l -> map("pos_weight", l.namedBuffers().get("pos_weight"), "reduction", l.reduction(),
                        "weight", l.namedBuffers().get("weight")));
        add("TripletMarginLoss", TripletMarginLoss::new, () -> new TripletMarginLoss(TripletMarginLoss.options()),
                l -> map("eps", l.eps(), "margin", l.margin(), "p", l.p(), "reduction", l.reduction(), "swap", l.swap()));
    }

    static Stream<String> layers() {
        return CASES.keySet().stream();
    }

    private static Map<String, String> torch(String layer) throws Exception {
        try (var in = OptionDefaultsTest.class.getResourceAsStream("/golden/torch_defaults.txt");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.lines().filter(l -> l.startsWith(layer + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no PyTorch defaults for " + layer));
            Map<String, String> m = new TreeMap<>();
            for (String kv : line.substring(layer.length() + 1).split(" ")) m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            return m;
        }
    }

    /** A Weft option value in the file's notation; doubles as their exact value, to compare numerically. */
    private static String format(Object v) {
        return switch (v) {
            case null -> "none";
            case OptionalInt o -> o.isPresent() ? String.valueOf(o.getAsInt()) : "none";
            case OptionalDouble o -> o.isPresent() ? String.valueOf(o.getAsDouble()) : "none";
            case int[] a -> Arrays.stream(a).mapToObj(String::valueOf).collect(Collectors.joining(","));
            default -> v.toString();
        };
    }

    private static boolean same(String torch, String weft) {
        if (torch.equals(weft)) return true;
        try {
            return Double.parseDouble(torch) == Double.parseDouble(weft);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void defaultsArePyTorchs(String layer) throws Exception {
        Map<String, String> want = torch(layer);
        Case c = CASES.get(layer);
        for (var built : Map.of("short constructor", c.shortForm, "options()", c.options).entrySet()) {
            Map<String, Object> got = c.read.apply(built.getValue().get());
            assertEquals(want.keySet(), got.keySet(), layer + " (" + built.getKey() + "): options compared");
            want.forEach((k, v) -> assertTrue(same(v, format(got.get(k))),
                    layer + " (" + built.getKey() + "): " + k + " = " + format(got.get(k)) + ", PyTorch " + v));
        }
    }
}
