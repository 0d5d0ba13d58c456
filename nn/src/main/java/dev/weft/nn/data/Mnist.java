package dev.weft.nn.data;

import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Shape;
import dev.weft.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * MNIST-layout data sets (MNIST, Fashion-MNIST, ...): images (N, 1, H, W) F32 in [0, 1] (or
 * normalized), labels (N) I64 in 0..9. Reads {train|t10k}-{images-idx3|labels-idx1}-ubyte, gzipped or
 * not (either name, with or without .gz).
 *
 * @param images (N, 1, H, W) F32
 * @param labels (N) I64
 */
public record Mnist(Tensor images, Tensor labels) {
    /** The four files of the layout (each may also be gzipped, with .gz). */
    public static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte"};

    /** The mean and std of the MNIST training pixels (after scaling to [0, 1]). */
    public static final double MNIST_MEAN = 0.1307, MNIST_STD = 0.3081;

    /**
     * Pixels scaled to [0, 1]: x / 255.
     *
     * @param dir the folder holding the four files
     * @param train true for the train split, false for t10k
     * @return the split's images and labels
     * @throws NoSuchFileException if a file of the split is missing
     * @throws DataFileException if a file is malformed, the counts differ or a label is not 0..9
     * @throws IOException if a file cannot be read
     */
    public static Mnist load(Path dir, boolean train) throws IOException {
        return load(dir, train, 0, 1);
    }

    /**
     * Pixels normalized with the MNIST constants: (x / 255 - 0.1307) / 0.3081.
     *
     * @param dir the folder holding the four files
     * @param train true for the train split, false for t10k
     * @return the split's images and labels
     * @throws NoSuchFileException if a file of the split is missing
     * @throws DataFileException if a file is malformed, the counts differ or a label is not 0..9
     * @throws IOException if a file cannot be read
     */
    public static Mnist loadNormalized(Path dir, boolean train) throws IOException {
        return load(dir, train, MNIST_MEAN, MNIST_STD);
    }

    /**
     * Pixels (x / 255 - mean) / std, computed in F64 and rounded to F32 (for Fashion-MNIST, pass its own statistics).
     *
     * @param dir the folder holding the four files
     * @param train true for the train split, false for t10k
     * @param mean subtracted after scaling to [0, 1]
     * @param std divides after subtracting the mean; must be positive
     * @return the split's images and labels
     * @throws IllegalArgumentException if std is not positive
     * @throws NoSuchFileException if a file of the split is missing
     * @throws DataFileException if a file is malformed, the counts differ or a label is not 0..9
     * @throws IOException if a file cannot be read
     */
    public static Mnist load(Path dir, boolean train, double mean, double std) throws IOException {
        if (!(std > 0)) throw new IllegalArgumentException("Mnist.load: std must be > 0, got " + std);
        String split = train ? "train" : "t10k";
        Path imageFile = find(dir, split + "-images-idx3-ubyte");
        Path labelFile = find(dir, split + "-labels-idx1-ubyte");
        IdxHeader ih = Idx.header(imageFile), lh = Idx.header(labelFile);
        if (ih.type() != IdxType.U8 || ih.dims().length != 3) {
            throw DataFileException.atByte(imageFile.toString(), 0, "expected u8 images (N, H, W), the header says " + ih);
        }
        if (lh.type() != IdxType.U8 || lh.dims().length != 1) {
            throw DataFileException.atByte(labelFile.toString(), 0, "expected u8 labels (N), the header says " + lh);
        }
        int n = ih.dims()[0];
        if (lh.dims()[0] != n) {
            throw DataFileException.atByte(labelFile.toString(), 4, lh.dims()[0] + " labels for the " + n + " images of " + imageFile);
        }
        Tensor labels = Idx.read(labelFile, DType.I64);
        long[] lv = labels.toLongArray();
        for (int i = 0; i < lv.length; i++) {
            if (lv[i] > 9) throw DataFileException.atByte(labelFile.toString(), 8 + i, "label " + i + " is " + lv[i] + ", not a digit class 0..9");
        }
        // scaled while decoding: no second copy of the 60000 images
        Tensor images = Idx.read(imageFile, DType.F32, new Idx.Scaling(255.0, mean, std));
        int[] d = ih.dims();
        return new Mnist(images.view(n, 1, d[1], d[2]), labels);
    }

    private static Path find(Path dir, String base) throws IOException {
        Path plain = dir.resolve(base), gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) return gz;
        if (Files.isRegularFile(plain)) return plain;
        throw new NoSuchFileException(dir.toString(), null, "Mnist.load: neither " + base + " nor " + base + ".gz in " + dir);
    }

    /** {@return number of samples N} */
    public int size() {
        return labels.size(0);
    }

    /** {@return (image, label) samples; DataLoader.pairs(mnist.dataset()) gives Batch(images, labels)} */
    public TensorDataset dataset() {
        return new TensorDataset(images, labels);
    }

    @Override
    public String toString() {
        return "Mnist(images=" + Shape.format(images.shape()) + ", labels=" + Shape.format(labels.shape()) + ")";
    }
}
