package dev.weft.autograd.cases;

import dev.weft.tensor.Convolution;
import dev.weft.tensor.Dispatch;
import dev.weft.tensor.Pooling;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.op.ConvOp;
import java.util.List;

/** Gradcheck cases of the Conv family: convolutions, transposed convolutions, unfold/fold and pooling. */
public final class ConvCases {
    private ConvCases() {}

    public static List<Case> cases() {
        CaseList add = new CaseList();
        add.add("conv2d", true, g -> {
            int b = g.nextInt(1, 2), ci = 2, co = g.nextInt(1, 2);
            return new Tensor[] {g.leaf(new int[] {b, ci, 4, 4}, -1, 1), g.leaf(new int[] {co, ci, 2, 2}, -1, 1), g.leaf(new int[] {co}, -1, 1)};
        }, x -> Convolution.conv2d(x[0], x[1], x[2]));
        add.add("conv2d_strided_grouped", false, g -> new Tensor[] {
                g.leaf(new int[] {1, 4, 5, 4}, -1, 1), g.leaf(new int[] {2, 2, 3, 2}, -1, 1)},
                x -> Convolution.conv2d(x[0], x[1], null, new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 2}, 2));
        // the convolution's product and its weight gradient alone, grouped (second order: each one's backward is the pair)
        add.add("conv_matmul_grouped", true, g -> new Tensor[] {g.leaf(new int[] {4, 3}, -1, 1), g.leaf(new int[] {2, 6, 5}, -1, 1)},
                x -> Dispatch.apply1(new ConvOp.ConvMatmul(2), x[0], x[1]));
        add.add("conv_weight_grad", true, g -> new Tensor[] {g.leaf(new int[] {2, 4, 5}, -1, 1), g.leaf(new int[] {2, 6, 5}, -1, 1)},
                x -> Dispatch.apply1(new ConvOp.ConvWeightGrad(2), x[0], x[1]));
        // the fused convolution's gradient primitives alone, grouped, strided and padded (second order: each
        // one's backward is the other two and Conv2d); Conv2d itself is every conv2d case on the CPU
        ConvOp.Window win = new ConvOp.Window(2, 3, 1, 2, 1, 0, 1, 1);   // on a 3x5 image: outH 4, outW 2
        add.add("conv2d_weight_grad_fused", true, g -> new Tensor[] {g.leaf(new int[] {2, 4, 8}, -1, 1), g.leaf(new int[] {2, 4, 3, 5}, -1, 1)},
                x -> Dispatch.apply1(new ConvOp.Conv2dWeightGrad(win, 2), x[0], x[1]));
        add.add("conv2d_input_grad_fused", true, g -> new Tensor[] {g.leaf(new int[] {2, 4, 8}, -1, 1), g.leaf(new int[] {4, 12}, -1, 1)},
                x -> Dispatch.apply1(new ConvOp.Conv2dInputGrad(3, 5, win, 2), x[0], x[1]));
        add.add("conv1d_same", false, g -> new Tensor[] {g.leaf(new int[] {2, 2, 5}, -1, 1), g.leaf(new int[] {3, 2, 2}, -1, 1)},
                x -> Convolution.conv1d(x[0], x[1], null, 1, "same", 1, 1));
        add.add("unfold_fold", true, g -> new Tensor[] {g.leaf(new int[] {1, 2, 3, 4}, -1, 1)},
                x -> Convolution.fold(Convolution.unfold(x[0], 2, 2).exp(), new int[] {3, 4}, new int[] {2, 2}));
        add.add("max_pool2d", true, g -> new Tensor[] {g.leaf(new int[] {1, 2, 4, 5}, -1, 1)},
                x -> Pooling.maxPool2d(x[0], new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 0}, new int[] {1, 1}, true));
        add.add("max_pool1d", false, g -> new Tensor[] {g.leaf(new int[] {2, 2, 6}, -1, 1)}, x -> Pooling.maxPool1d(x[0], 3));
        add.add("avg_pool2d", true, g -> new Tensor[] {g.leaf(new int[] {1, 2, 5, 4}, -1, 1)},
                x -> Pooling.avgPool2d(x[0], new int[] {3, 2}, new int[] {2, 2}, new int[] {1, 1}, true, false));
        add.add("avg_pool1d", false, g -> new Tensor[] {g.leaf(new int[] {1, 2, 5}, -1, 1)}, x -> Pooling.avgPool1d(x[0], 2));
        add.add("max_pool2d_backward", false, g -> {
            Tensor img = g.tensor(new int[] {1, 2, 4, 4}, -1, 1);
            Tensor idx = Pooling.maxPool2dWithIndices(img, new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1}, false).indices();
            return new Tensor[] {g.leaf(new int[] {1, 2, 2, 2}, -1, 1), idx};
        }, x -> Pooling.maxPool2dBackward(x[0], x[1], 4, 4));
        add.add("avg_pool2d_backward", false, g -> new Tensor[] {g.leaf(new int[] {1, 2, 2, 2}, -1, 1)},
                x -> Pooling.avgPool2dBackward(x[0], 4, 4, new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}, false, true));
        return add.cases();
    }
}
