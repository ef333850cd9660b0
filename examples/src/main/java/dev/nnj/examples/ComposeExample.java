package dev.nnj.examples;

import dev.nnj.activations.Sigmoid;
import dev.nnj.core.EpochResult;
import dev.nnj.core.History;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkSpec;
import dev.nnj.core.Trainer;
import dev.nnj.core.TrainingConfig;
import dev.nnj.core.TrainingListener;
import dev.nnj.costs.Quadratic;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.Mnist;
import dev.nnj.datasets.Splits;
import dev.nnj.optimizers.Sgd;
import java.util.List;

/** The README's example: a network composed in code, without Guice, trained for three epochs. */
public final class ComposeExample {

  private ComposeExample() {}

  /** Trains {@code [784, 30, 10]} on MNIST for three epochs and prints each epoch's accuracy. */
  public static void main(String[] args) {
    Splits mnist = new Mnist().load(DataLocation.of(DataLocation.defaultDirectory("mnist")));

    Network network = Network.initialised(NetworkSpec.of(List.of(784, 30, 10), new Sigmoid()), 1);
    Trainer trainer = new Trainer(new Quadratic(), new Sgd(3.0));
    History history = trainer.train(
        network, mnist.training(), mnist.test(), new TrainingConfig(3, 10, 1), TrainingListener.NONE);

    for (EpochResult epoch : history.epochs()) {
      System.out.printf("epoch %d: %.2f %% correct%n", epoch.epoch(), 100 * epoch.accuracy());
    }
  }
}
