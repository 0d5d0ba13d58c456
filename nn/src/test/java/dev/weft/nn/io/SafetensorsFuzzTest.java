package dev.weft.nn.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the reader. In a normal test run this replays the seeds and past
 * findings under SafetensorsFuzzTestInputs/fuzzRead (test resources; remake the seeds with
 * {@code make_interop.py seeds}); with JAZZER_FUZZ=1 it fuzzes. The contract: any input either
 * reads completely or fails with a SafetensorsException whose offset lies in the input; an
 * accepted file re-encodes to a file that reads back to the same tensors.
 */
class SafetensorsFuzzTest {
    @BeforeAll
    static void noHooksWhenOnlyReplaying() {
        dev.weft.nn.testing.FuzzReplay.noHooksWhenOnlyReplaying();
    }

    @FuzzTest(maxDuration = "6m")
    void fuzzRead(byte[] data) throws Exception {
        SafetensorsFile f;
        try {
            f = Safetensors.read(data, "fuzz");
        } catch (SafetensorsException rejected) {
            // NOTE: rejection is the expected outcome for most inputs; only its form is checked
            assertTrue(rejected.offset() >= 0 && rejected.offset() <= data.length, rejected.getMessage());
            assertTrue(rejected.getMessage().startsWith("safetensors: fuzz: byte "), rejected.getMessage());
            return;
        }
        assertEquals(f.infos().keySet(), f.tensors().keySet());
        byte[] again = Safetensors.toBytes(f.tensors(), f.metadata(), f.dtypes());
        SafetensorsFile g = Safetensors.read(again, "again");
        assertEquals(f.metadata(), g.metadata());
        assertEquals(f.dtypes(), g.dtypes());
        for (var e : f.tensors().entrySet()) {
            Tensor t = g.tensors().get(e.getKey());
            RawFiles.assertSameTensor(e.getKey(), e.getValue(), t);
        }
        assertArrayEquals(again, Safetensors.toBytes(g.tensors(), g.metadata(), g.dtypes()), "one re-encoding is a fixed point");
    }
}
