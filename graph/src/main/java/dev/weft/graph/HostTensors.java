package dev.weft.graph;

import dev.weft.tensor.Create;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Device;

/**
 * Host-array to/from tensor conversions used by the graph code: edge lists are built and walked on the host
 * (sorting, sampling, parsing) and handed to tensor ops as I64 / BOOL / F32 tensors.
 */
public final class HostTensors {
    private HostTensors() {}

    /**
     * An I64 tensor of the given shape over a copy of {@code data}.
     *
     * @param data the values, row-major
     * @param shape the shape
     * @return the CPU tensor
     */
    public static Tensor longs(long[] data, int... shape) {
        return Create.fromHost(data, shape, Device.CPU);
    }

    /**
     * A BOOL tensor of the given shape over a copy of {@code data}.
     *
     * @param data the values, row-major
     * @param shape the shape
     * @return the CPU tensor
     */
    public static Tensor bools(boolean[] data, int... shape) {
        return Create.fromHost(data, shape, Device.CPU);
    }

    /**
     * An F32 tensor of the given shape over a copy of {@code data}.
     *
     * @param data the values, row-major
     * @param shape the shape
     * @return the CPU tensor
     */
    public static Tensor floats(float[] data, int... shape) {
        return Create.fromHost(data, shape, Device.CPU);
    }

    /**
     * An F64 tensor of the given shape over a copy of {@code data}.
     *
     * @param data the values, row-major
     * @param shape the shape
     * @return the CPU tensor
     */
    public static Tensor doubles(double[] data, int... shape) {
        return Create.fromHost(data, shape, Device.CPU);
    }

    /**
     * edge_index (2, E) from a source row and a target row of equal length.
     *
     * @param row the source of each edge
     * @param col the target of each edge
     * @return the I64 (2, E) edge index
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor edgeIndex(long[] row, long[] col) {
        if (row.length != col.length) {
            throw new IllegalArgumentException("edgeIndex: row has " + row.length + " entries, col has " + col.length);
        }
        long[] both = new long[2 * row.length];
        System.arraycopy(row, 0, both, 0, row.length);
        System.arraycopy(col, 0, both, row.length, col.length);
        return Create.fromHost(both, new int[] {2, row.length}, Device.CPU);
    }

    /**
     * Row r (0 = sources, 1 = targets) of an edge_index (2, E) as a host array.
     *
     * @param edgeIndex the edges (2, E)
     * @param r the row, 0 or 1
     * @return the row's E node ids
     */
    public static long[] edgeRow(Tensor edgeIndex, int r) {
        return edgeIndex.select(0, r).toLongArray();
    }
}
