package dev.weft.nn.io;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged files: whatever is done to a valid file, reading it either fails with a SafetensorsException
 * whose offset lies inside the file, or (for harmless edits) returns a complete result. Never another
 * exception, never an allocation out of proportion to the file, never a hang (each read runs under
 * a 10-second guard; the parser has no loop that can stall).
 */
class SafetensorsCorruptionProperties {
    /** The outcome of one guarded read. */
    private record Outcome(SafetensorsFile file, SafetensorsException error) {}

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static Outcome read(byte[] bytes) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            Outcome o;
            try {
                o = new Outcome(Safetensors.read(bytes, "c.safetensors"), null);
            } catch (SafetensorsException e) {
                o = new Outcome(null, e);
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < (1 << 20) + 40L * bytes.length, "read of " + bytes.length + " bytes allocated " + allocated);
            if (o.error() != null) {
                assertTrue(o.error().offset() >= 0 && o.error().offset() <= bytes.length,
                        "offset " + o.error().offset() + " outside a file of " + bytes.length + ": " + o.error().getMessage());
                assertTrue(o.error().getMessage().startsWith("safetensors: c.safetensors: byte "), o.error().getMessage());
            } else {
                SafetensorsFile f = o.file();
                assertEquals(f.infos().keySet(), f.tensors().keySet(), "complete result");
                long covered = 0;
                for (TensorInfo t : f.infos().values()) {
                    assertEquals(t.numel(), f.tensors().get(t.name()).numel());
                    covered += t.byteLength();
                }
                assertTrue(covered <= bytes.length);
            }
            return o;
        });
    }

    private static SafetensorsException rejected(byte[] bytes) {
        Outcome o = read(bytes);
        assertNotNull(o.error(), "a damaged file was accepted");
        return o.error();
    }

    private static byte[] valid(long seed) {
        return RandomFiles.content(seed).bytes();
    }

    @Property(tries = 150, seed = "21")
    void everyTruncationIsRejected(@ForAll @LongRange(min = 0, max = 1L << 40) long seed, @ForAll @IntRange(min = 0, max = 1 << 20) int cut) {
        byte[] b = valid(seed);
        int keep = cut % b.length;
        rejected(java.util.Arrays.copyOf(b, keep));
        byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + cut % 9);
        rejected(longer);
    }

    @Property(tries = 200, seed = "22")
    void headerByteFlipsAreRejectedOrHarmless(@ForAll @LongRange(min = 0, max = 1L << 40) long seed,
                                              @ForAll @LongRange(min = 0, max = 1L << 40) long flips) {
        byte[] b = valid(seed);
        long n = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0);
        Random r = new Random(flips);
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            int at = 8 + r.nextInt((int) n);
            b[at] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : (byte) (b[at] ^ (1 << r.nextInt(8)));
        }
        read(b);
    }

    @Property(tries = 150, seed = "23")
    void flipsAnywhereAreRejectedOrHarmless(@ForAll @LongRange(min = 0, max = 1L << 40) long seed,
                                            @ForAll @LongRange(min = 0, max = 1L << 40) long flips) {
        byte[] b = valid(seed);
        Random r = new Random(flips);
        for (int i = 1 + r.nextInt(4); i > 0; i--) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        read(b);
    }

    @Property(tries = 100, seed = "24")
    void hugeOrLyingHeaderLengthsAreRejected(@ForAll @LongRange(min = 0, max = 1L << 40) long seed, @ForAll("lengths") long declared) {
        byte[] b = valid(seed);
        long real = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0);
        Assume.that(declared != real);
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0, declared);
        SafetensorsException e = rejected(b);
        if (declared < 0 || declared > b.length - 8) assertEquals(0, e.offset(), e.getMessage());
    }

    @Provide
    Arbitrary<Long> lengths() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 4096),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L, 100_000_000L, 100_000_001L, 1L << 32));
    }

    /** Tensor entries with at least one byte of data (a zero-byte entry can move between boundaries and stay valid). */
    private static List<Integer> nonEmpty(List<RandomFiles.Entry> entries, SafetensorsFile f) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) if (f.infos().get(entries.get(i).name()).byteLength() > 0) out.add(i);
        return out;
    }

    private record Case(SafetensorsFile file, List<RandomFiles.Entry> entries, byte[] data, int victim) {}

    private static Case caseOf(long seed, long pick) throws SafetensorsException {
        byte[] b = valid(seed);
        SafetensorsFile f = Safetensors.read(b, "v");
        List<RandomFiles.Entry> entries = RandomFiles.entries(f);
        List<Integer> candidates = nonEmpty(entries, f);
        Assume.that(!candidates.isEmpty());
        long dataLength = f.infos().values().stream().mapToLong(TensorInfo::byteLength).sum();
        byte[] data = java.util.Arrays.copyOfRange(b, (int) (b.length - dataLength), b.length);
        // the renderer drops metadata, so check it reproduces a valid file first
        assertInstanceOf(SafetensorsFile.class, read(RandomFiles.render(entries, data)).file());
        return new Case(f, entries, data, candidates.get((int) Math.floorMod(pick, candidates.size())));
    }

    @Property(tries = 150, seed = "25")
    void lyingOffsetsAreRejected(@ForAll @LongRange(min = 0, max = 1L << 40) long seed, @ForAll long pick,
                                 @ForAll("offsetShifts") long shiftBegin, @ForAll("offsetShifts") long shiftEnd) throws Exception {
        Assume.that(shiftBegin != 0 || shiftEnd != 0);
        Case c = caseOf(seed, pick);
        TensorInfo t = c.file().infos().get(c.entries().get(c.victim()).name());
        long begin = t.dataBegin() + shiftBegin, end = t.dataEnd() + shiftEnd;
        Assume.that(begin >= 0 && end >= 0);
        List<RandomFiles.Entry> e = new ArrayList<>(c.entries());
        e.set(c.victim(), e.get(c.victim()).with("offsets", "[" + begin + "," + end + "]"));
        rejected(RandomFiles.render(e, c.data()));
    }

    @Provide
    Arbitrary<Long> offsetShifts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-16, 16), Arbitraries.longs().between(0, Long.MAX_VALUE / 2),
                Arbitraries.of(Long.MAX_VALUE / 4, 1L << 32));
    }

    @Property(tries = 100, seed = "26")
    void overlappingRangesAreRejected(@ForAll @LongRange(min = 0, max = 1L << 40) long seed, @ForAll long pick) throws Exception {
        Case c = caseOf(seed, pick);
        Assume.that(c.victim() > 0);
        TensorInfo prev = c.file().infos().get(c.entries().get(c.victim() - 1).name());
        TensorInfo t = c.file().infos().get(c.entries().get(c.victim()).name());
        Assume.that(prev.byteLength() > 0);
        List<RandomFiles.Entry> e = new ArrayList<>(c.entries());
        long begin = prev.dataBegin();
        e.set(c.victim(), e.get(c.victim()).with("offsets", "[" + begin + "," + (begin + t.byteLength()) + "]"));
        rejected(RandomFiles.render(e, c.data()));
    }

    @Property(tries = 150, seed = "27")
    void aDtypeOfAnotherSizeIsRejected(@ForAll @LongRange(min = 0, max = 1L << 40) long seed, @ForAll long pick,
                                       @ForAll("dtypeNames") String dtype) throws Exception {
        Case c = caseOf(seed, pick);
        TensorInfo t = c.file().infos().get(c.entries().get(c.victim()).name());
        SafetensorsDType d = SafetensorsDType.fromHeader(dtype);
        Assume.that(d == null || d.byteSize() != t.dtype().byteSize());
        List<RandomFiles.Entry> e = new ArrayList<>(c.entries());
        e.set(c.victim(), e.get(c.victim()).with("dtype", "\"" + dtype + "\""));
        rejected(RandomFiles.render(e, c.data()));
    }

    @Provide
    Arbitrary<String> dtypeNames() {
        return Arbitraries.oneOf(Arbitraries.of(SafetensorsDType.values()).map(SafetensorsDType::headerName),
                Arbitraries.of("F8_E4M3", "U32", "U64", "f32", "F32 ", "", "BOOL\\u0000", "C64"));
    }

    @Property(tries = 150, seed = "28")
    void absurdShapesAreRejected(@ForAll @LongRange(min = 0, max = 1L << 40) long seed, @ForAll long pick,
                                 @ForAll("absurdShapes") String shape) throws Exception {
        Case c = caseOf(seed, pick);
        List<RandomFiles.Entry> e = new ArrayList<>(c.entries());
        e.set(c.victim(), e.get(c.victim()).with("shape", shape));
        rejected(RandomFiles.render(e, c.data()));
    }

    @Provide
    Arbitrary<String> absurdShapes() {
        Arbitrary<String> bigDims = Arbitraries.longs().between(1L << 31, Long.MAX_VALUE).list().ofMinSize(1).ofMaxSize(4)
                .map(l -> l.toString().replace(" ", ""));
        return Arbitraries.oneOf(bigDims, Arbitraries.of("[-1]", "[1.5]", "[1e3]", "[\"2\"]", "[9223372036854775808]",
                "[18446744073709551615]", "[4294967296,4294967296]", "[1" + ",1".repeat(64) + "]", "[[1]]", "[", "[]]",
                "null", "{}", "[65536,65536,65536]", "[2147483648]", "[3037000500,3037000500]", "[1,-0]", "[01]"));
    }

    @Property(tries = 60, seed = "29")
    void randomHeadersAreRejectedOrHarmless(@ForAll("junk") String header, @ForAll @IntRange(min = 0, max = 64) int dataBytes) {
        read(RawFiles.file(header, new byte[dataBytes]));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789-.eE \\u").ofMaxLength(200).map(s -> "{" + s),
                Arbitraries.strings().withChars("[").ofMinLength(1000).ofMaxLength(100_000).map(s -> "{\"a\":{\"shape\":" + s));
    }
}
