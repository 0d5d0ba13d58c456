package dev.weft.autograd.cases;

import dev.weft.autograd.Gradcheck;
import dev.weft.tensor.Dispatch;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.DType;
import dev.weft.tensor.core.Device;
import dev.weft.tensor.op.CopyOp;
import java.util.List;

import static dev.weft.autograd.cases.Inputs.*;

/** Gradcheck cases of the Copy family: clone, copy_ (with a cast), in-place chains and device moves. */
public final class CopyCases {
    private CopyCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("clone", false, one(-1, 1), x -> x[0].clone().mul(x[0]));
        add.add("copy_into", false, g -> new Tensor[] {g.leaf(new int[] {3}, -1, 1)},
                x -> Tensor.zeros(DType.F64, 2, 3).copy_(x[0]).mul(2.0));
        add.add("copy_into_cast", false, new Gradcheck.Tolerance(1e-3, 1e-3, 1e-3), g -> new Tensor[] {g.leaf(new int[] {3}, -1, 1)},
                x -> Tensor.zeros(DType.F32, 3).copy_(x[0]).to(DType.F64));
        add.add("in_place_chain", false, two(-1, 1, -1, 1), x -> {
            Tensor h = x[0].mul(x[1]).add(0.0);
            h.add_(x[1].exp().expand(h.shape()));
            return h.mul_(3.0);
        });
        add.add("to_device", false, one(-1, 1), x -> Dispatch.apply1(new CopyOp.ToDevice(Device.CPU), x[0]).exp());
        return add.cases();
    }
}
