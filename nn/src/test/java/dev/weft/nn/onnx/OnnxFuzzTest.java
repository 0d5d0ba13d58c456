package dev.weft.nn.onnx;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the ONNX loader. In a normal test run this replays the seeds under
 * OnnxFuzzTestInputs/fuzzLoad (copies of three golden models from test resources /onnx); with JAZZER_FUZZ=1 it
 * fuzzes. The contract: any input either loads or fails with an IllegalArgumentException with a message (a wire
 * error's offset lies in the input); a model that loads and declares fixed input shapes runs or fails the same way.
 */
class OnnxFuzzTest {
    @BeforeAll
    static void noHooksWhenOnlyReplaying() {
        dev.weft.nn.testing.FuzzReplay.noHooksWhenOnlyReplaying();
    }

    @FuzzTest(maxDuration = "6m")
    void fuzzLoad(byte[] data) {
        OnnxModel m;
        try {
            m = Onnx.load(data, "fuzz");
        } catch (OnnxFormatException rejected) {
            // NOTE: rejection is the expected outcome for most inputs; only its form is checked
            assertTrue(rejected.offset() <= data.length, rejected.getMessage());
            assertTrue(rejected.getMessage() != null && !rejected.getMessage().isEmpty());
            return;
        }
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (OnnxValue v : m.inputs()) {
            if (v.dims() == null || v.dims().length > 6) return;
            int[] shape = new int[v.dims().length];
            long numel = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = v.dims()[i] < 0 ? 1 : (int) Math.min(v.dims()[i], 1 << 16);
                numel *= shape[i];
            }
            if (numel > 1 << 16) return;
            feeds.put(v.name(), Tensor.zeros(v.dtype(), shape));
        }
        try {
            Map<String, Tensor> out = m.run(feeds);
            assertEquals(m.outputNames(), java.util.List.copyOf(out.keySet()));
        } catch (IllegalArgumentException failed) {
            assertTrue(failed.getMessage() != null && failed.getMessage().startsWith("OnnxModel.run(fuzz): "), failed.getMessage());
        }
    }
}
