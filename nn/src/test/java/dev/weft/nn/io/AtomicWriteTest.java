package dev.weft.nn.io;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A write that fails midway leaves the previous file exactly as it was, and no temporary file behind. */
class AtomicWriteTest {
    /** A channel that passes {@code budget} bytes through, then fails with {@code failure}. */
    private static final class Failing implements WritableByteChannel {
        private final WritableByteChannel inner;
        private long budget;
        private final RuntimeException unchecked;
        private final IOException checked;
        long passed;

        Failing(WritableByteChannel inner, long budget, IOException checked, RuntimeException unchecked) {
            this.inner = inner;
            this.budget = budget;
            this.checked = checked;
            this.unchecked = unchecked;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (src.remaining() > budget) {
                src.limit(src.position() + (int) budget);
                passed += inner.write(src);
                budget = 0;
                if (checked != null) throw checked;
                throw unchecked;
            }
            int n = inner.write(src);
            budget -= n;
            passed += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    private static Map<String, Tensor> big() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("a", Tensor.arange(0, 40_000, 1, DType.F64));
        m.put("b", Tensor.ones(50_000));
        return m;
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void anIoErrorMidWriteKeepsTheOldFile(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("m.safetensors");
        Safetensors.write(p, Map.of("old", Tensor.of(1f, 2f)), Map.of("v", "1"));
        byte[] before = Files.readAllBytes(p);
        IOException disk = new IOException("disk full (injected)");
        Failing[] seen = new Failing[1];
        SafetensorsWriter.Plan plan = SafetensorsWriter.plan(big(), Map.of(), Map.of());
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(p, out -> SafetensorsWriter.write(plan, out),
                ch -> seen[0] = new Failing(ch, 100_000, disk, null)));
        assertSame(disk, thrown);
        assertEquals(100_000, seen[0].passed, "the failure came after a partial write");
        assertArrayEquals(before, Files.readAllBytes(p));
        assertEquals(List.of(p), listing(dir));
    }

    @Test
    void anUncheckedFailureMidWriteKeepsTheOldFile(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("m.safetensors");
        Safetensors.write(p, Map.of("old", Tensor.of(1f, 2f)), Map.of());
        byte[] before = Files.readAllBytes(p);
        IllegalStateException boom = new IllegalStateException("injected");
        SafetensorsWriter.Plan plan = SafetensorsWriter.plan(big(), Map.of(), Map.of());
        assertSame(boom, assertThrows(IllegalStateException.class, () -> AtomicFiles.write(p,
                out -> SafetensorsWriter.write(plan, out), ch -> new Failing(ch, 70_001, null, boom))));
        assertArrayEquals(before, Files.readAllBytes(p));
        assertEquals(List.of(p), listing(dir));
    }

    @Test
    void anOutOfRangeValueFoundWhileEncodingKeepsTheOldFile(@TempDir Path dir) throws Exception {
        // The plan is fine; only encoding the last tensor finds a value that does not fit U8, after
        // more than 200 KB were already written to the temporary file.
        Path p = dir.resolve("m.safetensors");
        Safetensors.write(p, Map.of("old", Tensor.of(1f, 2f)), Map.of());
        byte[] before = Files.readAllBytes(p);
        Map<String, Tensor> m = big();
        m.put("idx", Tensor.arange(0, 1000, 1, DType.I32));
        var e = assertThrows(IllegalArgumentException.class, () -> Safetensors.write(p, m, Map.of(), Map.of("idx", SafetensorsDType.U8)));
        assertEquals("safetensors write: tensor \"idx\" element 256 = 256 does not fit U8 [0, 255]", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(p));
        assertEquals(List.of(p), listing(dir));
    }

    @Test
    void aFailedFirstWriteLeavesNoFileAtAll(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("new.safetensors");
        SafetensorsWriter.Plan plan = SafetensorsWriter.plan(big(), Map.of(), Map.of());
        assertThrows(IOException.class, () -> AtomicFiles.write(p, out -> SafetensorsWriter.write(plan, out),
                ch -> new Failing(ch, 10, new IOException("injected"), null)));
        assertFalse(Files.exists(p));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void argumentErrorsDoNotTouchTheDirectory(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("m.safetensors");
        assertThrows(IllegalArgumentException.class, () -> Safetensors.write(p, Map.of("x", Tensor.of(1f)), Map.of(), Map.of("x", SafetensorsDType.I8)));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void aSuccessfulWriteReplacesTheFileWholly(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("m.safetensors");
        Safetensors.write(p, big(), Map.of());
        Safetensors.write(p, Map.of("small", Tensor.of(3f)), Map.of());
        assertEquals(Map.of("small", 3.0), Map.of("small", Safetensors.read(p).tensor("small").item()));
        assertEquals(List.of(p), listing(dir));
        assertTrue(Files.isReadable(p));
    }

    @Test
    void aDirectoryInTheWayIsAnErrorAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("taken");
        Files.createDirectory(p);
        Files.writeString(p.resolve("keep"), "x");
        assertThrows(IOException.class, () -> Safetensors.write(p, Map.of("a", Tensor.of(1f)), Map.of()));
        assertEquals(List.of(p), listing(dir));
        assertEquals("x", Files.readString(p.resolve("keep")));
    }

    @Test
    void aMissingDirectoryIsNamedNotTheTemporaryFile(@TempDir Path dir) {
        Path p = dir.resolve("no/such/m.safetensors");
        java.nio.file.NoSuchFileException e = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> Safetensors.write(p, Map.of("a", Tensor.of(1f)), Map.of()));
        assertEquals(p + ": cannot write: directory " + p.toAbsolutePath().getParent() + " does not exist", e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    }

    @Test
    void temporariesOfAKilledWriterGoOnTheNextSaveAndALiveWritersStay(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("m.safetensors");
        Path stale = dir.resolve(".m.safetensors.1f2e3d4c5b6a7988.tmp"), other = dir.resolve(".other.safetensors.12ab.tmp");
        Path live = dir.resolve(".m.safetensors.00ff.tmp"), foreign = dir.resolve(".m.safetensors.notours.tmp");
        for (Path f : List.of(stale, other, live, foreign)) Files.write(f, new byte[1000]);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(live, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = ch.lock()) {
            Safetensors.write(p, Map.of("a", Tensor.of(1f)), Map.of());
            assertFalse(Files.exists(stale), "a killed writer's temporary file is removed");
            assertTrue(Files.exists(live), "a temporary file a writer holds is left alone");
        }
        assertTrue(Files.exists(other), "another target's temporary file is not touched");
        assertTrue(Files.exists(foreign), "a file that is not one of our temporary names is not touched");
        assertEquals(1.0, Safetensors.read(p).tensor("a").item());
    }
}
