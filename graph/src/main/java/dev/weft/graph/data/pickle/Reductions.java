package dev.weft.graph.data.pickle;

import dev.weft.nn.data.DataFileException;

/**
 * What REDUCE, NEWOBJ and BUILD may do in a Planetoid pickle, and nothing else: make an empty numpy array
 * (numpy.core.multiarray._reconstruct(numpy.ndarray, (0,), 'b')), a numpy dtype (numpy.dtype(code, 0, 1)),
 * a defaultdict(list), an empty csr_matrix, and fill those from their state tuples / dicts.
 */
final class Reductions {
    private Reductions() {}

    static Object reduce(PickleReader r, Object callable, Object args) throws DataFileException {
        if (!(callable instanceof Py.Global g)) throw r.fail("calling a " + PickleReader.typeName(callable) + " is refused");
        if (!(args instanceof Py.Tuple t)) throw r.fail("arguments of " + g + " must be a tuple, got " + PickleReader.typeName(args));
        switch (g.toString()) {
            case "numpy.core.multiarray._reconstruct" -> {
                if (t.size() == 3 && t.get(0) instanceof Py.Global cls && cls.toString().equals("numpy.ndarray")) return new Py.NdArray();
                throw r.fail("numpy.core.multiarray._reconstruct accepts only (numpy.ndarray, shape, typecode)");
            }
            case "numpy.dtype" -> {
                if (t.size() == 3 && t.get(0) instanceof String code && PickleReader.dtypeOk(code)) return new Py.Dtype(code);
                throw r.fail("numpy.dtype accepts only f4, f8, i4, i8, got " + t.items());
            }
            case "collections.defaultdict" -> {
                if (t.size() == 1 && t.get(0) instanceof Py.Global f && f.toString().equals("__builtin__.list")) return new Py.Dict(f);
                throw r.fail("collections.defaultdict accepts only (list,)");
            }
            default -> throw r.fail("calling global " + g + " is refused");
        }
    }

    static Object newObj(PickleReader r, Object cls, Object args) throws DataFileException {
        if (cls instanceof Py.Global g && g.toString().equals("scipy.sparse.csr.csr_matrix")
                && args instanceof Py.Tuple t && t.size() == 0) {
            return new Py.Obj(g);
        }
        throw r.fail("only scipy.sparse.csr.csr_matrix() may be created, got " + PickleReader.typeName(cls));
    }

    static void build(PickleReader r, Object target, Object state) throws DataFileException {
        if (target instanceof Py.NdArray a) {
            // ndarray.__setstate__((version, shape, dtype, is_fortran, rawdata))
            if (!(state instanceof Py.Tuple t) || t.size() != 5 || !(t.get(1) instanceof Py.Tuple shape)
                    || !(t.get(2) instanceof Py.Dtype dt) || !(t.get(3) instanceof Boolean fortran) || !(t.get(4) instanceof String raw)) {
                throw r.fail("ndarray state must be (version, shape, dtype, is_fortran, data)");
            }
            if (fortran) throw r.fail("Fortran-ordered arrays are not supported");
            if (!dt.order.equals("<") && !dt.order.equals("|")) throw r.fail("byte order '" + dt.order + "' is not supported (little-endian only)");
            int[] dims = new int[shape.size()];
            long n = 1;
            for (int i = 0; i < dims.length; i++) {
                if (!(shape.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) throw r.fail("bad array dim " + shape.get(i));
                dims[i] = (int) (long) d;
                n *= d;
            }
            if (n * dt.itemSize() != raw.length()) {
                throw r.fail("array of shape " + java.util.Arrays.toString(dims) + " " + dt.code + " needs " + n * dt.itemSize()
                        + " bytes, has " + raw.length());
            }
            a.shape = dims;
            a.dtype = dt;
            a.data = raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        } else if (target instanceof Py.Dtype d) {
            // dtype.__setstate__((version, byteorder, subarray, names, fields, elsize, alignment, flags))
            if (!(state instanceof Py.Tuple t) || t.size() < 2 || !(t.get(1) instanceof String order)) {
                throw r.fail("dtype state must start with (version, byteorder)");
            }
            d.order = order;
        } else if (target instanceof Py.Obj o) {
            if (!(state instanceof Py.Dict dict)) throw r.fail("csr_matrix state must be a dict");
            o.state = dict;
        } else {
            throw r.fail("BUILD on a " + PickleReader.typeName(target) + " is refused");
        }
    }
}
