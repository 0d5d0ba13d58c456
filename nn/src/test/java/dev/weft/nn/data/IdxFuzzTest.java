package dev.weft.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;

/**
 * Coverage-guided fuzzing of the IDX reader: any bytes (plain, or gzip by magic) must give a tensor
 * consistent with its header or a DataFileException naming the input and an offset; anything else
 * (another exception, an OOM, a hang) is a finding. Without JAZZER_FUZZ it replays the seeds in
 * src/test/resources/dev/weft/nn/data/IdxFuzzTestInputs/readIdx (made by src/test/python/make_idx_seeds.py)
 * plus any committed crash inputs. Fuzz: {@code JAZZER_FUZZ=1 mvn -pl nn test -Dtest=IdxFuzzTest}.
 */
class IdxFuzzTest {
    @org.junit.jupiter.api.BeforeAll
    static void noHooksWhenOnlyReplaying() {
        dev.weft.nn.testing.FuzzReplay.noHooksWhenOnlyReplaying();
    }


    @FuzzTest(maxDuration = "6m")
    void readIdx(byte[] input) {
        Tensor t;
        try {
            t = Idx.read(input, "fuzz", null);
        } catch (DataFileException e) {
            assertEquals("fuzz", e.file());
            assertTrue(e.byteOffset() >= 0, e.getMessage());
            assertTrue(e.getMessage().startsWith("fuzz: byte " + e.byteOffset() + ": ")
                    || e.getMessage().startsWith("fuzz: uncompressed byte " + e.byteOffset() + ": "), e.getMessage());
            return;
        }
        // accepted: for a plain input the header must account for every byte
        if (!DataFiles.isGzip(input, input.length)) {
            IdxType type = IdxType.ofCode(input[2] & 0xff);
            assertEquals(input.length, 4 + 4L * t.dim() + (long) t.numel() * type.byteSize());
            assertEquals(Idx.defaultDType(type), t.dtype());
        }
        // integer files also read as I64 labels, with the same values
        if (t.dtype() == DType.I32 || (t.dtype() == DType.F32 && isU8(input))) {
            try {
                Tensor labels = Idx.read(input, "fuzz", DType.I64);
                assertTrue(labels.to(DType.F64).equal(t.to(DType.F64)), "I64 read differs");
            } catch (DataFileException e) {
                throw new AssertionError("accepted as " + t.dtype() + " but not as I64: " + e.getMessage(), e);
            }
        }
    }

    private static boolean isU8(byte[] input) {
        return !DataFiles.isGzip(input, input.length) && input.length > 2 && (input[2] & 0xff) == IdxType.U8.code();
    }
}
