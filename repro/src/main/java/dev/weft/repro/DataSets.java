package dev.weft.repro;

import dev.weft.nn.data.Mnist;
import java.util.List;

/** The data sets more than one reproduction reads, under their folder names in ../shared/data. */
public final class DataSets {
    private DataSets() {}

    /** The four canonical MNIST idx files, plain or gzipped. */
    public static final DataSet MNIST = new DataSet("mnist", List.of(Mnist.FILES),
            "the MNIST database (the four canonical train-/t10k- idx files)");

    /** Fashion-MNIST, in MNIST's file names and format. */
    public static final DataSet FASHION_MNIST = new DataSet("fashion-mnist", List.of(Mnist.FILES),
            "Fashion-MNIST (the four train-/t10k- idx files, MNIST's format)");

    /** Fashion-MNIST's normalization (mean and std of the training pixels in [0, 1]). */
    public static final double FASHION_MEAN = 0.2860, FASHION_STD = 0.3530;
}
