package dev.nnj.optimizers;

/**
 * AdamW: {@link Adam} with decoupled weight decay, shrinking the weights toward zero by a fixed
 * fraction each step, apart from the gradient, instead of adding an L2 term to the cost.
 *
 * <p>From <a href="https://arxiv.org/abs/1711.05101">Loshchilov &amp; Hutter (2019)</a>: with Adam,
 * an L2 term is divided by {@code √v̂} like any gradient, so weights with large gradients are
 * hardly regularised; decoupling the decay restores it. Use it instead of Adam plus L2
 * regularisation. Only weight blocks decay; biases do not, as is usual.
 *
 * <p>Each step first decays the weights, {@code w ← w − η·λ·w} (as PyTorch does, the decay scales
 * with this step's {@code η}, so a schedule lowers both together), then takes Adam's step.
 *
 * @param learningRate the step size {@code η}, positive and finite
 * @param beta1 the decay {@code β₁} of the gradient average, in {@code [0, 1)}
 * @param beta2 the decay {@code β₂} of the squared-gradient average, in {@code [0, 1)}
 * @param epsilon {@code ε}, positive and finite, keeps the division finite where {@code v̂ = 0}
 * @param weightDecay the decay rate {@code λ}, non-negative and finite; 0 is plain Adam
 */
public record AdamW(
    double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
    implements Optimizer {

  /** Validates every hyperparameter. */
  public AdamW {
    Validation.requirePositive("learningRate", learningRate);
    Validation.requireFraction("beta1", beta1);
    Validation.requireFraction("beta2", beta2);
    Validation.requirePositive("epsilon", epsilon);
    Validation.requireNonNegative("weightDecay", weightDecay);
  }

  @Override
  public AdamW withLearningRate(double learningRate) {
    return new AdamW(learningRate, beta1, beta2, epsilon, weightDecay);
  }

  /** Two moments per parameter. */
  @Override
  public int stateValuesPerParameter() {
    return 2;
  }

  @Override
  public OptimizerState start(int[] blockLengths, boolean[] weightBlocks) {
    if (weightBlocks.length != blockLengths.length) {
      throw new IllegalArgumentException(
          "weightBlocks must have one flag per block: "
              + weightBlocks.length + " flags for " + blockLengths.length + " blocks");
    }
    boolean[] decayed = weightBlocks.clone();
    AdamMoments adam = new AdamMoments(beta1, beta2, epsilon, blockLengths);
    return new OptimizerState() {
      @Override
      public void step(double[][] parameters, double[][] gradients, int batchSize, double learningRate) {
        Validation.requireBatchSize(batchSize); // before the decay, so a refused step changes nothing
        double kept = 1.0 - learningRate * weightDecay;
        for (int block = 0; block < parameters.length; block++) {
          if (decayed[block]) {
            double[] w = parameters[block];
            for (int i = 0; i < w.length; i++) {
              w[i] *= kept;
            }
          }
        }
        adam.step(parameters, gradients, batchSize, learningRate);
      }

      @Override
      public double[][] save() {
        return adam.save();
      }

      @Override
      public void restore(double[][] saved, long stepsTaken) {
        adam.restore(saved, stepsTaken);
      }
    };
  }
}
