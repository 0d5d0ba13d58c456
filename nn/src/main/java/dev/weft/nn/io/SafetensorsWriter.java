package dev.weft.nn.io;

import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Lays out and encodes a safetensors file the way the format's reference writer does: tensors
 * sorted by dtype (widest-aligned first, in the format's dtype order) then by name (UTF-8 byte
 * order), packed back to back; the header is compact JSON with "__metadata__" first (keys sorted),
 * padded with spaces to a multiple of 8 bytes so the data starts 8-byte aligned. All arguments are
 * checked in {@link #plan} before anything is written; only a narrowing integer conversion that
 * finds an out-of-range value can fail later, while the data is being encoded.
 */
final class SafetensorsWriter {
    private SafetensorsWriter() {}

    /** One tensor placed in the file. */
    record Item(String name, byte[] utf8Name, Tensor tensor, SafetensorsDType dtype, long begin, long end) {}

    /** A checked layout: the header bytes (padded) and the tensors in file order. */
    record Plan(byte[] header, List<Item> items, long dataLength) {
        long fileLength() {
            return 8 + header.length + dataLength;
        }
    }

    static Plan plan(Map<String, Tensor> tensors, Map<String, String> metadata, Map<String, SafetensorsDType> targets) {
        if (tensors == null) throw new IllegalArgumentException("safetensors write: tensors must not be null");
        if (metadata == null) metadata = Map.of();
        if (targets == null) targets = Map.of();
        for (String k : targets.keySet()) {
            if (!tensors.containsKey(k)) {
                throw new IllegalArgumentException("safetensors write: a target dtype is given for " + HeaderParser.quote(k)
                        + ", which is not among the tensors " + tensors.keySet());
            }
        }
        List<Item> items = new ArrayList<>();
        for (var e : tensors.entrySet()) {
            String name = e.getKey();
            Tensor t = e.getValue();
            if (name == null) throw new IllegalArgumentException("safetensors write: a tensor name is null");
            if (name.equals("__metadata__")) {
                throw new IllegalArgumentException("safetensors write: \"__metadata__\" is reserved and cannot name a tensor");
            }
            if (t == null) throw new IllegalArgumentException("safetensors write: tensor " + HeaderParser.quote(name) + " is null");
            SafetensorsDType dt = targets.get(name);
            if (dt == null) dt = SafetensorsDType.of(t.dtype());
            checkConvertible(name, t, dt);
            items.add(new Item(name, utf8("tensor name", name), t, dt, 0, 0));
        }
        items.sort(Comparator.comparingInt((Item i) -> -i.dtype().rank())
                .thenComparing(Item::utf8Name, Arrays::compareUnsigned));
        List<Item> placed = new ArrayList<>(items.size());
        long offset = 0;
        for (Item i : items) {
            long bytes = (long) i.tensor().numel() * i.dtype().byteSize();
            placed.add(new Item(i.name(), i.utf8Name(), i.tensor(), i.dtype(), offset, offset + bytes));
            offset += bytes;
        }
        return new Plan(header(placed, metadata), placed, offset);
    }

    private static void checkConvertible(String name, Tensor t, SafetensorsDType to) {
        boolean ok = switch (t.dtype()) {
            case F32, F64 -> to.isFloatingPoint();
            case I32, I64 -> !to.isFloatingPoint() && to != SafetensorsDType.BOOL;
            case BOOL -> to == SafetensorsDType.BOOL;
        };
        if (!ok) {
            throw new IllegalArgumentException("safetensors write: tensor " + HeaderParser.quote(name) + " " + t.dtype() + " "
                    + Shape.format(t.shape()) + " cannot be stored as " + to + "; cast it first with to(...)");
        }
    }

    private static byte[] utf8(String what, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(++i))
                    : !Character.isLowSurrogate(c);
            if (!paired) {
                throw new IllegalArgumentException("safetensors write: " + what + " " + HeaderParser.quote(s)
                        + " holds an unpaired surrogate at index " + i + " and has no UTF-8 form");
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Compact JSON: {"__metadata__":{...},"name":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},...} + spaces. */
    static byte[] header(List<Item> items, Map<String, String> metadata) {
        StringBuilder sb = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            List<Map.Entry<String, String>> meta = new ArrayList<>(metadata.entrySet());
            for (var m : meta) {
                if (m.getKey() == null || m.getValue() == null) {
                    throw new IllegalArgumentException("safetensors write: metadata keys and values must not be null, got "
                            + m.getKey() + " -> " + m.getValue());
                }
                utf8("metadata key", m.getKey());
                utf8("metadata value", m.getValue());
            }
            meta.sort(Comparator.comparing(m -> m.getKey().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
            sb.append("\"__metadata__\":{");
            boolean first = true;
            for (var m : meta) {
                if (!first) sb.append(',');
                first = false;
                JsonStrings.quote(sb, m.getKey()).append(':');
                JsonStrings.quote(sb, m.getValue());
            }
            sb.append('}');
            if (!items.isEmpty()) sb.append(',');
        }
        boolean first = true;
        for (Item i : items) {
            if (!first) sb.append(',');
            first = false;
            JsonStrings.quote(sb, i.name()).append(":{\"dtype\":\"").append(i.dtype().headerName()).append("\",\"shape\":[");
            int[] shape = i.tensor().shape();
            for (int d = 0; d < shape.length; d++) sb.append(d == 0 ? "" : ",").append(shape[d]);
            sb.append("],\"data_offsets\":[").append(i.begin()).append(',').append(i.end()).append("]}");
        }
        sb.append('}');
        byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    /** Writes the whole file (length, header, data) to {@code out}. */
    static void write(Plan plan, WritableByteChannel out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(plan.header().length);
        Sink sink = new Sink(out, buf);
        byte[] h = plan.header();
        for (int at = 0; at < h.length; ) {
            int k = Math.min(sink.room(1).remaining(), h.length - at);
            buf.put(h, at, k);
            at += k;
        }
        for (Item i : plan.items()) encode(i, sink);
        sink.flush();
    }

    private static void encode(Item item, Sink s) throws IOException {
        Object host = item.tensor().toHost();
        SafetensorsDType d = item.dtype();
        switch (host) {
            case float[] a when d == SafetensorsDType.F32 -> {
                for (int i = 0; i < a.length; ) {
                    ByteBuffer b = s.room(4);
                    int k = Math.min(b.remaining() / 4, a.length - i);
                    b.asFloatBuffer().put(a, i, k);
                    b.position(b.position() + 4 * k);
                    i += k;
                }
            }
            case float[] a when d == SafetensorsDType.F64 -> {
                for (float v : a) s.room(8).putDouble(v);
            }
            case float[] a when d == SafetensorsDType.F16 -> {
                for (float v : a) s.room(2).putShort(HalfFloats.toF16(v));
            }
            case float[] a when d == SafetensorsDType.BF16 -> {
                for (float v : a) s.room(2).putShort(HalfFloats.toBF16(v));
            }
            case double[] a when d == SafetensorsDType.F64 -> {
                for (int i = 0; i < a.length; ) {
                    ByteBuffer b = s.room(8);
                    int k = Math.min(b.remaining() / 8, a.length - i);
                    b.asDoubleBuffer().put(a, i, k);
                    b.position(b.position() + 8 * k);
                    i += k;
                }
            }
            case double[] a when d == SafetensorsDType.F32 -> {
                for (double v : a) s.room(4).putFloat((float) v);
            }
            case double[] a when d == SafetensorsDType.F16 -> {
                for (double v : a) s.room(2).putShort(HalfFloats.toF16(v));
            }
            case double[] a when d == SafetensorsDType.BF16 -> {
                for (double v : a) s.room(2).putShort(HalfFloats.toBF16(v));
            }
            case int[] a when d == SafetensorsDType.I32 -> {
                for (int i = 0; i < a.length; ) {
                    ByteBuffer b = s.room(4);
                    int k = Math.min(b.remaining() / 4, a.length - i);
                    b.asIntBuffer().put(a, i, k);
                    b.position(b.position() + 4 * k);
                    i += k;
                }
            }
            case long[] a when d == SafetensorsDType.I64 -> {
                for (int i = 0; i < a.length; ) {
                    ByteBuffer b = s.room(8);
                    int k = Math.min(b.remaining() / 8, a.length - i);
                    b.asLongBuffer().put(a, i, k);
                    b.position(b.position() + 8 * k);
                    i += k;
                }
            }
            case int[] a -> {
                for (int i = 0; i < a.length; i++) integer(item, i, a[i], s);
            }
            case long[] a -> {
                for (int i = 0; i < a.length; i++) integer(item, i, a[i], s);
            }
            case boolean[] a -> {
                for (boolean v : a) s.room(1).put((byte) (v ? 1 : 0));
            }
            default -> throw new IllegalStateException("safetensors write: cannot store " + host.getClass().getSimpleName()
                    + " as " + d + " (plan() admits no such pair)");
        }
    }

    private static void integer(Item item, int index, long v, Sink s) throws IOException {
        SafetensorsDType d = item.dtype();
        long lo, hi;
        switch (d) {
            case I64 -> { lo = Long.MIN_VALUE; hi = Long.MAX_VALUE; }
            case I32 -> { lo = Integer.MIN_VALUE; hi = Integer.MAX_VALUE; }
            case I16 -> { lo = Short.MIN_VALUE; hi = Short.MAX_VALUE; }
            case U16 -> { lo = 0; hi = 0xFFFF; }
            case I8 -> { lo = Byte.MIN_VALUE; hi = Byte.MAX_VALUE; }
            case U8 -> { lo = 0; hi = 0xFF; }
            default -> throw new IllegalStateException("unreachable: integer as " + d);
        }
        if (v < lo || v > hi) {
            throw new IllegalArgumentException("safetensors write: tensor " + HeaderParser.quote(item.name()) + " element "
                    + index + " = " + v + " does not fit " + d + " [" + lo + ", " + hi + "]");
        }
        ByteBuffer b = s.room(d.byteSize());
        switch (d.byteSize()) {
            case 8 -> b.putLong(v);
            case 4 -> b.putInt((int) v);
            case 2 -> b.putShort((short) v);
            default -> b.put((byte) v);
        }
    }

    /** A buffer drained into a channel whenever it runs out of room. */
    private static final class Sink {
        final WritableByteChannel out;
        final ByteBuffer buf;

        Sink(WritableByteChannel out, ByteBuffer buf) {
            this.out = out;
            this.buf = buf;
        }

        ByteBuffer room(int bytes) throws IOException {
            if (buf.remaining() < bytes) flush();
            return buf;
        }

        void flush() throws IOException {
            buf.flip();
            while (buf.hasRemaining()) {
                if (out.write(buf) < 0) throw new IOException("safetensors write: the channel refused data");
            }
            buf.clear();
        }
    }
}
