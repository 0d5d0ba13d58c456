package dev.weft.bench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.nn.Module;
import dev.weft.tensor.Generator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bench models have the same parameters, by name and shape, as the PyTorch peers' (printed from
 * bench/peers/train_cnn.py and train_lstm.py with torch 1.13: named_parameters()), so the two sides time
 * the same network; the hypernetwork's generator as bench/peers/hyper_torch.py's HMLP.
 */
class ModelsMatchPeersTest {
    private static Map<String, String> shapes(Module m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.namedParameters().forEach((k, v) -> out.put(k, Arrays.toString(v.shape())));
        return out;
    }

    private static Map<String, String> expected(Object... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) out.put((String) kv[i], Arrays.toString((int[]) kv[i + 1]));
        return out;
    }

    @Test
    void lenet5HasThePeersParameters() {
        assertEquals(expected(
                "0.weight", new int[] {6, 1, 5, 5}, "0.bias", new int[] {6},
                "3.weight", new int[] {16, 6, 5, 5}, "3.bias", new int[] {16},
                "7.weight", new int[] {120, 400}, "7.bias", new int[] {120},
                "9.weight", new int[] {84, 120}, "9.bias", new int[] {84},
                "11.weight", new int[] {10, 84}, "11.bias", new int[] {10}),
                shapes(TrainCnnBench.lenet5(new Generator(0))));
    }

    @Test
    void lstmModelHasThePeersParameters() {
        assertEquals(expected(
                "lstm.weight_ih_l0", new int[] {512, 32}, "lstm.weight_hh_l0", new int[] {512, 128},
                "lstm.bias_ih_l0", new int[] {512}, "lstm.bias_hh_l0", new int[] {512},
                "head.weight", new int[] {10, 128}, "head.bias", new int[] {10}),
                shapes(new TrainLstmBench.Model(new Generator(0))));
    }

    @Test
    void hypernetworkHasThePeersParameters() {
        // hyper_torch.py's HMLP: trunk Linear(8, 32) + ReLU, heads Linear(32, numel) for 0.weight, 0.bias, 2.weight, 2.bias
        dev.weft.nn.hyper.HMLP h = new HyperBench.Step(new int[] {784, 64, 10}, 8, new int[] {32}, 2).hyper;
        Map<String, String> generator = new LinkedHashMap<>();
        shapes(h).forEach((k, v) -> {
            if (!k.startsWith("target.")) generator.put(k, v);
        });
        assertEquals(expected(
                "trunk.0.weight", new int[] {32, 8}, "trunk.0.bias", new int[] {32},
                "heads.0.weight", new int[] {50176, 32}, "heads.0.bias", new int[] {50176},
                "heads.1.weight", new int[] {64, 32}, "heads.1.bias", new int[] {64},
                "heads.2.weight", new int[] {640, 32}, "heads.2.bias", new int[] {640},
                "heads.3.weight", new int[] {10, 32}, "heads.3.bias", new int[] {10}),
                generator);
        assertEquals(50_890, h.layout().numel(), "one target MLP 784-64-10 per sample");
    }
}
