package dev.weft.nn.data;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.DirectAccess;
import dev.weft.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for IDX files (the MNIST format): magic 00 00 TYPE NDIMS, NDIMS big-endian u32 sizes, then the
 * elements big-endian, row-major. Gzipped files are recognised by their magic 1f 8b. Every check runs
 * before the output is allocated: sizes are checked against the file length (plain files) or the data
 * that actually arrives (gzip, read in chunks of up to 1 MiB), so a lying header cannot cause a huge allocation,
 * and a malformed file never gives a partial tensor. Errors are {@link DataFileException}s naming the
 * file, the byte offset and the reason.
 */
public final class Idx {
    /** The most dims a Weft IDX file may declare. */
    public static final int MAX_DIMS = 16;
    /** The most elements a tensor (one Java array) holds. */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private static final int CHUNK = 1 << 20;
    private static final int BLOCK = 8192;
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle F64 = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private Idx() {}

    /**
     * The file as a tensor of the default dtype for its element type ({@link #defaultDType}).
     *
     * @param file an IDX file, plain or gzipped
     * @return a tensor with the file's dims as its shape
     * @throws DataFileException if the file is malformed (names the byte offset)
     * @throws IOException if the file cannot be read
     */
    public static Tensor read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * The file as a tensor of the given dtype (null: {@link #defaultDType}). Integer elements convert to
     * F32, F64, I32 or I64 (u8 labels as I64: {@code read(labels, DType.I64)}); f32/f64 elements only to
     * F32 or F64. Shape = the file's dims.
     *
     * @param file an IDX file, plain or gzipped
     * @param dtype the output dtype, or null for the default
     * @return a tensor with the file's dims as its shape
     * @throws IllegalArgumentException if dtype is BOOL, or an integer type for f32/f64 elements
     * @throws DataFileException if the file is malformed (names the byte offset)
     * @throws IOException if the file cannot be read
     */
    public static Tensor read(Path file, DType dtype) throws IOException {
        return read(file, dtype, null);
    }

    /** Values (v / divisor - mean) / std computed in F64 while decoding (for image pixels); null: none. */
    record Scaling(double divisor, double mean, double std) {}

    static Tensor read(Path file, DType dtype, Scaling scaling) throws IOException {
        String name = file.toString();
        if (DataFiles.isGzip(file)) {
            try (InputStream raw = Files.newInputStream(file)) {
                return decode(gunzip(raw, name), name, -1, dtype, scaling);
            }
        }
        long length = Files.size(file);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return decode(in, name, length, dtype, scaling);
        }
    }

    /**
     * The same from bytes in memory (plain or gzipped).
     *
     * @param bytes the file's contents
     * @param name the name used in error messages
     * @param dtype the output dtype, or null for the default
     * @return a tensor with the declared dims as its shape
     * @throws IllegalArgumentException if dtype is BOOL, or an integer type for f32/f64 elements
     * @throws DataFileException if the bytes are malformed
     */
    public static Tensor read(byte[] bytes, String name, DType dtype) throws DataFileException {
        try {
            if (DataFiles.isGzip(bytes, bytes.length)) {
                return decode(gunzip(new ByteArrayInputStream(bytes), name), name, -1, dtype, null);
            }
            return decode(new ByteArrayInputStream(bytes), name, bytes.length, dtype, null);
        } catch (DataFileException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("Idx.read: in-memory input " + name + " failed: " + e, e);
        }
    }

    /**
     * Only the header (type and dims), validated; reads 4 + 4 * ndims bytes.
     *
     * @param file an IDX file, plain or gzipped
     * @return the element type and dims
     * @throws DataFileException if the header is malformed
     * @throws IOException if the file cannot be read
     */
    public static IdxHeader header(Path file) throws IOException {
        String name = file.toString();
        boolean gz = DataFiles.isGzip(file);
        try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            InputStream in = gz ? gunzip(raw, name) : raw;
            return new Source(in, name, gz ? -1 : Files.size(file)).header();
        }
    }

    /**
     * The dtype {@link #read(Path)} gives: u8 as F32 (0..255), i8/i16/i32 as I32, f32 as F32, f64 as F64.
     *
     * @param type the file's element type
     * @return the default output dtype
     */
    public static DType defaultDType(IdxType type) {
        return switch (type) {
            case U8, F32 -> DType.F32;
            case I8, I16, I32 -> DType.I32;
            case F64 -> DType.F64;
        };
    }

    private static InputStream gunzip(InputStream raw, String name) throws DataFileException {
        try {
            return new GZIPInputStream(raw, 1 << 16);
        } catch (IOException e) {
            throw DataFileException.atByte(name, 0, "corrupt gzip header: " + e.getMessage(), e);
        }
    }

    private static Tensor decode(InputStream in, String name, long knownLength, DType requested, Scaling scaling) throws IOException {
        Source src = new Source(in, name, knownLength);
        IdxHeader h = src.header();
        DType dtype = outputType(h, requested, name);
        if (scaling != null && !dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Idx.read: " + name + ": scaling needs a floating output dtype, got " + dtype);
        }
        int numel = h.numel();
        long payload = h.payloadBytes();
        int start = h.headerBytes();
        String what = "a " + h.type() + " payload of shape " + Shape.format(h.dims()) + " (" + payload + " bytes after the " + start + "-byte header)";
        List<byte[]> chunks = new ArrayList<>();
        if (knownLength >= 0) {
            // plain input: the length is known, so check it before reading anything more
            if (knownLength - start < payload) {
                throw src.error(knownLength, "truncated: " + what + " needs " + (start + payload) + " bytes, the file has " + knownLength);
            }
            if (knownLength - start > payload) {
                throw src.error(start + payload, (knownLength - start - payload) + " trailing bytes after " + what);
            }
        }
        long got = 0;
        // chunks grow 64 KiB, 128 KiB, ... 1 MiB: a tiny input behind a lying header costs little memory
        int chunk = 1 << 16;
        while (got < payload) {
            int want = (int) Math.min(chunk, payload - got);
            chunk = Math.min(CHUNK, 2 * chunk);
            byte[] c = new byte[want];
            int n = src.read(c, want);
            got += n;
            if (n < want) {
                throw src.error(start + got, "truncated: " + what + " needs " + (start + payload) + " bytes, the data ends at byte " + (start + got));
            }
            chunks.add(c);
        }
        if (src.read(new byte[1], 1) != 0) throw src.error(start + payload, "trailing data after " + what);

        Tensor result = DirectAccess.allocate(dtype, h.dims());
        Object out = switch (dtype) {
            case F32 -> DirectAccess.floats(result);
            case F64 -> DirectAccess.doubles(result);
            case I32 -> DirectAccess.ints(result);
            case I64 -> DirectAccess.longs(result);
            case BOOL -> throw new IllegalStateException("Idx: BOOL output is refused by outputType");
        };
        double[] tmp = new double[BLOCK];
        int pos = 0;
        int es = h.type().byteSize();
        for (byte[] c : chunks) {
            int count = c.length / es;
            for (int i = 0; i < count; i += BLOCK) {
                int m = Math.min(BLOCK, count - i);
                decodeBlock(h.type(), c, i * es, m, tmp);
                if (scaling != null) {
                    for (int j = 0; j < m; j++) tmp[j] = (tmp[j] / scaling.divisor() - scaling.mean()) / scaling.std();
                }
                store(tmp, m, out, pos);
                pos += m;
            }
        }
        return result;
    }

    private static DType outputType(IdxHeader h, DType requested, String name) {
        if (requested == null) return defaultDType(h.type());
        if (requested == DType.BOOL) {
            throw new IllegalArgumentException("Idx.read: " + name + ": cannot read " + h.type() + " elements as bool (use F32, F64, I32 or I64)");
        }
        if (h.type().isFloatingPoint() && !requested.isFloatingPoint()) {
            throw new IllegalArgumentException("Idx.read: " + name + ": holds " + h.type() + " elements; reading them as "
                    + requested + " would truncate them (use F32 or F64)");
        }
        return requested;
    }

    /** count elements of type t from b[off..] into tmp[0..count) (every IDX value is exact as a double). */
    private static void decodeBlock(IdxType t, byte[] b, int off, int count, double[] tmp) {
        switch (t) {
            case U8 -> { for (int i = 0; i < count; i++) tmp[i] = b[off + i] & 0xff; }
            case I8 -> { for (int i = 0; i < count; i++) tmp[i] = b[off + i]; }
            case I16 -> { for (int i = 0; i < count; i++) tmp[i] = (short) I16.get(b, off + 2 * i); }
            case I32 -> { for (int i = 0; i < count; i++) tmp[i] = (int) I32.get(b, off + 4 * i); }
            case F32 -> { for (int i = 0; i < count; i++) tmp[i] = (float) F32.get(b, off + 4 * i); }
            case F64 -> { for (int i = 0; i < count; i++) tmp[i] = (double) F64.get(b, off + 8 * i); }
        }
    }

    private static void store(double[] tmp, int count, Object out, int pos) {
        switch (out) {
            case float[] f -> { for (int i = 0; i < count; i++) f[pos + i] = (float) tmp[i]; }
            case double[] d -> System.arraycopy(tmp, 0, d, pos, count);
            case int[] v -> { for (int i = 0; i < count; i++) v[pos + i] = (int) tmp[i]; }
            case long[] v -> { for (int i = 0; i < count; i++) v[pos + i] = (long) tmp[i]; }
            default -> throw new IllegalStateException("Idx: unexpected output array " + out.getClass());
        }
    }

    /** The declared dims as unsigned numbers, e.g. (60000, 28, 28). */
    private static String formatDims(byte[] sizes, int ndims) {
        StringBuilder sb = new StringBuilder("(");
        for (int d = 0; d < ndims; d++) {
            if (d > 0) sb.append(", ");
            sb.append(Integer.toUnsignedLong((int) I32.get(sizes, 4 * d)));
        }
        return sb.append(')').toString();
    }

    /** The input with its read position, for error offsets; gzip failures become DataFileExceptions. */
    private static final class Source {
        private final InputStream in;
        private final String name;
        private final boolean gzip;
        private final long knownLength;
        private long pos;

        Source(InputStream in, String name, long knownLength) {
            this.in = in;
            this.name = name;
            this.gzip = knownLength < 0;
            this.knownLength = knownLength;
        }

        DataFileException error(long offset, String reason) {
            return gzip ? DataFileException.atUncompressedByte(name, offset, reason, null) : DataFileException.atByte(name, offset, reason);
        }

        /** Reads up to len bytes into b; fewer only at the end of the data. */
        int read(byte[] b, int len) throws IOException {
            int n;
            try {
                n = in.readNBytes(b, 0, len);
            } catch (ZipException | EOFException e) {
                throw gzip ? DataFileException.atUncompressedByte(name, pos, "corrupt gzip data: " + e.getMessage(), e) : e;
            }
            pos += n;
            return n;
        }

        IdxHeader header() throws IOException {
            byte[] magic = new byte[4];
            int n = read(magic, 4);
            if (n < 4) {
                throw error(n, "header too short: " + n + " bytes; an IDX file starts with 4 magic bytes (00 00 type-code dims-count)");
            }
            if (magic[0] != 0 || magic[1] != 0) {
                throw error(magic[0] != 0 ? 0 : 1, String.format("bad magic %02x %02x %02x %02x: an IDX file starts with two zero bytes",
                        magic[0], magic[1], magic[2], magic[3]));
            }
            IdxType type = IdxType.ofCode(magic[2] & 0xff);
            if (type == null) {
                throw error(2, String.format("unknown element type code 0x%02X (known: %s)", magic[2] & 0xff, IdxType.known()));
            }
            int ndims = magic[3] & 0xff;
            if (ndims < 1 || ndims > MAX_DIMS) {
                throw error(3, "dims count " + ndims + " (an IDX file has 1 to " + MAX_DIMS + " dims)");
            }
            byte[] sizes = new byte[4 * ndims];
            int m = read(sizes, sizes.length);
            if (m < sizes.length) {
                String end = knownLength >= 0 ? "the file ends at byte " + (4 + m) : "the data ends at byte " + (4 + m);
                throw error(4 + m, "header too short: " + ndims + " dims need a " + (4 + 4 * ndims) + "-byte header, " + end);
            }
            int[] dims = new int[ndims];
            long numel = 1;
            for (int d = 0; d < ndims; d++) {
                long size = Integer.toUnsignedLong((int) I32.get(sizes, 4 * d));
                if (size > MAX_ELEMENTS) {
                    throw error(4 + 4 * d, "dim " + d + " is " + size + ", more than a tensor dim holds (" + MAX_ELEMENTS + ")");
                }
                dims[d] = (int) size;
                // the running product must stay in range (as Shape.numel requires, even before a zero dim);
                // both factors are <= MAX_ELEMENTS, so the long cannot overflow
                numel *= size;
                if (numel > MAX_ELEMENTS) {
                    throw error(4, "dims " + formatDims(sizes, ndims) + " hold more than " + MAX_ELEMENTS
                            + " elements (after dim " + d + "), more than a tensor holds");
                }
            }
            return new IdxHeader(type, dims);
        }
    }
}
