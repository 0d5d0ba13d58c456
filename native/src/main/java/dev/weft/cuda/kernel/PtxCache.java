package dev.weft.cuda.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PTX compiled by NVRTC, kept on disk so a kernel compiles once per machine. The key is the SHA-256 of
 * everything that decides the PTX: the source, every header (name and text), the options (the
 * architecture among them) and the NVRTC version. The folder is -Dweft.cuda.cache, else
 * ~/.cache/weft/cuda. Writes go to a temporary file moved into place, so a reader never sees half a file;
 * an unwritable folder only costs a recompile.
 */
public final class PtxCache {
    private final Path dir;

    public PtxCache(Path dir) {
        this.dir = dir;
    }

    /** {@return the cache at -Dweft.cuda.cache or ~/.cache/weft/cuda} */
    public static PtxCache defaultCache() {
        String p = System.getProperty("weft.cuda.cache");
        if (p != null && !p.isBlank()) return new PtxCache(Path.of(p));
        return new PtxCache(Path.of(System.getProperty("user.home"), ".cache", "weft", "cuda"));
    }

    public Path dir() {
        return dir;
    }

    /** The hex SHA-256 key of a compile's inputs. */
    public static String key(String source, Map<String, String> headers, List<String> options, String nvrtcVersion) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            field(md, "source", source);
            for (Map.Entry<String, String> h : new java.util.TreeMap<>(headers).entrySet()) {
                field(md, "header", h.getKey());
                field(md, "text", h.getValue());
            }
            for (String o : options) field(md, "option", o);
            field(md, "nvrtc", nvrtcVersion);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    // length-prefixed, so ("ab", "c") and ("a", "bc") hash differently
    private static void field(MessageDigest md, String tag, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        md.update(tag.getBytes(StandardCharsets.UTF_8));
        md.update(java.nio.ByteBuffer.allocate(8).putLong(b.length).array());
        md.update(b);
    }

    /** The file a key's PTX lives in. */
    public Path file(String key) {
        return dir.resolve(key + ".ptx");
    }

    /** The cached PTX for a key, if present and readable. */
    public Optional<String> get(String key) {
        Path f = file(key);
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stores PTX under a key; true if written (false if the folder cannot be written). */
    public boolean put(String key, String ptx) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.writeString(tmp, ptx);
            try {
                Files.move(tmp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
