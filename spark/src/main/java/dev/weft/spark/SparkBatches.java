package dev.weft.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Weft batches from Spark data, made on the executors, partition by partition (rows never pass through
 * the driver): a DataFrame of rows (an array column of features, or several numeric columns, and a class
 * column), or an RDD of file paths each read into batches by a function of the caller's. A partition's
 * rows go into batches of {@code batchSize} in order; its last batch may be smaller.
 */
public final class SparkBatches {
    private SparkBatches() {}

    /** Reads one file (a path as the executors see it) into batches; serializable, so executors can run it. */
    @FunctionalInterface
    public interface PathReader extends Serializable {
        /**
         * {@return the batches in the file}
         *
         * @param path the file
         * @throws Exception when it cannot be read
         */
        List<BatchData> read(String path) throws Exception;
    }

    /**
     * Batches (B, C) x (B) from a DataFrame whose {@code features} column is an array of numbers (float or
     * double) of the same length C in every row, and whose {@code label} column is an integer class.
     *
     * @param rows the data
     * @param features the array column
     * @param label the class column
     * @param batchSize rows per batch, at least 1
     * @return one RDD element per batch, in the DataFrame's partitions
     */
    public static JavaRDD<BatchData> fromRows(Dataset<Row> rows, String features, String label, int batchSize) {
        checkBatch(batchSize);
        int fi = rows.schema().fieldIndex(features), li = rows.schema().fieldIndex(label);
        return rows.javaRDD().mapPartitions(it -> batches(it, batchSize, r -> {
            List<Object> v = r.getList(fi);
            float[] x = new float[v.size()];
            for (int i = 0; i < x.length; i++) x[i] = ((Number) v.get(i)).floatValue();
            return x;
        }, li));
    }

    /**
     * Batches (B, C) x (B) from a DataFrame whose C feature columns are numeric, and whose {@code label}
     * column is an integer class.
     *
     * @param rows the data
     * @param features the C numeric columns, in order
     * @param label the class column
     * @param batchSize rows per batch, at least 1
     * @return one RDD element per batch, in the DataFrame's partitions
     */
    public static JavaRDD<BatchData> fromColumns(Dataset<Row> rows, String[] features, String label, int batchSize) {
        checkBatch(batchSize);
        int[] fi = new int[features.length];
        for (int i = 0; i < fi.length; i++) fi[i] = rows.schema().fieldIndex(features[i]);
        int li = rows.schema().fieldIndex(label);
        return rows.javaRDD().mapPartitions(it -> batches(it, batchSize, r -> {
            float[] x = new float[fi.length];
            for (int i = 0; i < x.length; i++) x[i] = ((Number) r.get(fi[i])).floatValue();
            return x;
        }, li));
    }

    /**
     * Batches from files: each path is read, on an executor, by {@code reader}.
     *
     * @param paths the files, as the executors see them (a shared or local-on-every-node path)
     * @param reader a file to its batches
     * @return the batches of all files, each file's in its path's partition
     */
    public static JavaRDD<BatchData> fromPaths(JavaRDD<String> paths, PathReader reader) {
        return paths.flatMap(p -> reader.read(p).iterator());
    }

    private interface RowFeatures extends Serializable {
        float[] of(Row r);
    }

    private static Iterator<BatchData> batches(Iterator<Row> it, int batchSize, RowFeatures f, int label) {
        List<BatchData> out = new ArrayList<>();
        List<float[]> xs = new ArrayList<>();
        List<Long> ys = new ArrayList<>();
        while (it.hasNext()) {
            Row r = it.next();
            xs.add(f.of(r));
            ys.add(((Number) r.get(label)).longValue());
            if (xs.size() == batchSize) {
                out.add(pack(xs, ys));
                xs.clear();
                ys.clear();
            }
        }
        if (!xs.isEmpty()) out.add(pack(xs, ys));
        return out.iterator();
    }

    private static BatchData pack(List<float[]> xs, List<Long> ys) {
        int c = xs.get(0).length;
        float[] x = new float[xs.size() * c];
        long[] y = new long[ys.size()];
        for (int i = 0; i < xs.size(); i++) {
            if (xs.get(i).length != c) {
                throw new IllegalArgumentException("SparkBatches: a row has " + xs.get(i).length + " features, the batch's first row " + c);
            }
            System.arraycopy(xs.get(i), 0, x, i * c, c);
            y[i] = ys.get(i);
        }
        return BatchData.ofClasses(x, new int[] {xs.size(), c}, y);
    }

    private static void checkBatch(int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("SparkBatches: batchSize must be >= 1, got " + batchSize);
    }
}
