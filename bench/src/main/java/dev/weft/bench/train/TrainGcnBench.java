package dev.weft.bench.train;

import dev.weft.autograd.Autograd;
import dev.weft.bench.BenchArgs;
import dev.weft.graph.models.KipfGcn;
import dev.weft.nn.loss.Losses;
import dev.weft.nn.optim.Adam;
import dev.weft.nn.optim.ParamGroup;
import dev.weft.tensor.Generator;
import dev.weft.tensor.Tensor;
import dev.weft.tensor.core.Device;
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
        return trainCase(args, batch, Device.CPU);
    }

    @Override
    TrainCase trainCase(BenchArgs args, int batch, Device device) {
        return new TrainCase("gcn_cora_shaped", "GCN 1433-16-7 Adam, 2708 nodes", TrainCase.shape("nodes", CoraShaped.NODES,
                "edges", 2 * CoraShaped.EDGES, "features", CoraShaped.FEATURES), () -> new Step(device));
    }

    private static final class Step implements TrainStep {
        final CoraShaped data = new CoraShaped();
        final KipfGcn model = new KipfGcn(CoraShaped.FEATURES, 16, CoraShaped.CLASSES, 0.5, new Generator(0));
        final Adam opt;
        final Tensor x, edgeIndex, trainIndex, yTrain;

        Step(Device device) {
            model.to(device);
            x = data.x.to(device);
            edgeIndex = data.edgeIndex.to(device);
            trainIndex = data.trainIndex.to(device);
            yTrain = data.y.indexSelect(0, data.trainIndex).to(device);
            model.train();
            opt = new Adam(List.of(new ParamGroup(model.conv1().parameters(), Adam.options().weightDecay(5e-4)),
                    new ParamGroup(model.conv2().parameters(), Adam.options().weightDecay(0))), Adam.options().lr(0.01));
        }

        @Override
        public double run() {
            opt.zeroGrad();
            Tensor logits = model.forward(x, edgeIndex).indexSelect(0, trainIndex);
            Tensor loss = Losses.crossEntropy(logits, yTrain);
            Autograd.backward(loss);
            opt.step();
            return loss.item();
        }
    }
}
