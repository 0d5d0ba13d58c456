package dev.weft.bench.train;

import dev.weft.autograd.Autograd;
import dev.weft.bench.BenchArgs;
import dev.weft.graph.models.KipfGcn;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.ParamGroup;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import java.util.List;

/**
 * {@code weft bench train-gcn}: full-batch epochs per second of Kipf and Welling's two-layer GCN (1,433 -> 16 -> 7,
 * dropout 0.5, Adam lr 0.01 with weight decay 5e-4 on the first layer, the normalized adjacency cached) on a
 * generated graph of Cora's shape ({@link CoraShaped}); one epoch = zeroGrad + forward over all nodes + cross-entropy
 * on the 140 training nodes + backward + Adam step, what bench/peers/train_gcn.py times in PyTorch with the same
 * model on a sparse adjacency.
 */
public final class TrainGcnBench extends TrainSuite {
    @Override
    public String name() {
        return "train-gcn";
    }

    @Override
    public String description() {
        return "epochs/s of a full-batch 2-layer GCN on a Cora-shaped graph (Adam, dropout 0.5)";
    }

    @Override
    protected int defaultBatch() {
        return CoraShaped.NODES;
    }

    @Override
    protected int defaultSteps() {
        return 50;
    }

    @Override
    protected String peerScript() {
        return "train_gcn.py";
    }

    @Override
    protected boolean stepIsEpoch() {
        return true;
    }

    @Override
    TrainCase trainCase(BenchArgs args, int batch) {
        return new TrainCase("gcn_cora_shaped", "GCN 1433-16-7 Adam, 2708 nodes", TrainCase.shape("nodes", CoraShaped.NODES,
                "edges", 2 * CoraShaped.EDGES, "features", CoraShaped.FEATURES), Step::new);
    }

    private static final class Step implements TrainStep {
        final CoraShaped data = new CoraShaped();
        final KipfGcn model = new KipfGcn(CoraShaped.FEATURES, 16, CoraShaped.CLASSES, 0.5, new Generator(0));
        final Adam opt;
        final Tensor yTrain = data.y.indexSelect(0, data.trainIndex);

        Step() {
            model.train();
            opt = new Adam(List.of(new ParamGroup(model.conv1().parameters(), Adam.options().weightDecay(5e-4)),
                    new ParamGroup(model.conv2().parameters(), Adam.options().weightDecay(0))), Adam.options().lr(0.01));
        }

        @Override
        public double run() {
            opt.zeroGrad();
            Tensor logits = model.forward(data.x, data.edgeIndex).indexSelect(0, data.trainIndex);
            Tensor loss = Losses.crossEntropy(logits, yTrain);
            Autograd.backward(loss);
            opt.step();
            return loss.item();
        }
    }
}
