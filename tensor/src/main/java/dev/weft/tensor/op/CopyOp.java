package dev.weft.tensor.op;

import dev.weft.tensor.core.Device;

/** Copies: into a fresh contiguous tensor, into an existing tensor (in place), or to another device. */
public sealed interface CopyOp extends Op {
    /** A new contiguous tensor with x's values. Inputs: x. Output: x's shape and dtype. */
    record Clone() implements CopyOp {
        public String name() {
            return "clone";
        }
    }

    /**
     * dst[...] = src[...] (src broadcast to dst's shape, converted to dst's dtype). Inputs: dst, src.
     * Output: dst itself, whose storage version is bumped. dst must not have overlapping (stride-0) dims.
     *
     * @param name the name used in error messages
     */
    record CopyInto(String name) implements CopyOp {
        /** name: the in-place op the user called (copy_, add_, fill_, ...), for error messages. */
        public CopyInto {
            java.util.Objects.requireNonNull(name, "name");
        }

        /** A copy named "copy_" in errors. */
        public CopyInto() {
            this("copy_");
        }
    }

    /**
     * x's values on another device (same shape and dtype, contiguous). Inputs: x.
     *
     * @param device the device
     */
    record ToDevice(Device device) implements CopyOp {
        public String name() {
            return "to";
        }
    }
}
