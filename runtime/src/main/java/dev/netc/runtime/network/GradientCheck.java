package dev.netc.runtime.network;

import java.util.List;
import java.util.Locale;

/**
 * Checks a network's analytic gradient against central differences {@code (E(p + h) - E(p - h)) /
 * 2h} for every weight and bias, where E is the sum of the examples' losses plus, for a network with
 * {@code regularize l2(lambda)} (hyper-parameter {@code lambda}), {@code lambda / 2 * sum w^2} over
 * the weights (whose gradient is the {@code lambda * w} that {@code applyGradient} adds).
 *
 * <p>Meant for double-precision networks (torch's gradcheck: "designed for input of double
 * precision"); keep inputs away from kinks such as relu at 0. Parameters are restored afterwards;
 * the gradient accumulators are left holding the examples' gradient.
 */
public final class GradientCheck {
  private GradientCheck() {}

  /**
   * The outcome: the worst entry by the criterion {@code |a - n| <= absTol + relTol max(|a|, |n|)},
   * expressed as {@link #worstRatio()} (at most 1 passes).
   *
   * @param checked number of parameters compared
   * @param worstRatio {@code |a - n| / (absTol + relTol max(|a|, |n|))} of the worst entry
   * @param worst a description of the worst entry: parameter, index, analytic and numeric values
   */
  public record Result(int checked, double worstRatio, String worst) {
    /** True if every entry is within tolerance. */
    public boolean passed() {
      return worstRatio <= 1.0;
    }
  }

  /**
   * Compares the analytic gradient of the summed loss of {@code inputs}/{@code targets} with central
   * differences of step {@code h}, with tolerances {@code absTol + relTol max(|a|, |n|)}.
   */
  public static Result check(
      CompiledNetwork network,
      double[][] inputs,
      double[][] targets,
      double h,
      double absTol,
      double relTol) {
    if (inputs.length != targets.length || inputs.length == 0) {
      throw new IllegalArgumentException(
          "need as many targets as inputs, at least one: " + inputs.length + ", " + targets.length);
    }
    double lambda =
        network.hyperparameterNames().contains("lambda") ? network.hyperparameter("lambda") : 0;
    network.clearGradient();
    for (int e = 0; e < inputs.length; e++) {
      network.accumulateGradient(inputs[e], targets[e]);
    }
    List<ParameterTensor> parameters = network.parameters();
    List<ParameterTensor> gradients = network.gradients();
    int checked = 0;
    double worstRatio = 0;
    String worst = "none";
    for (int p = 0; p < parameters.size(); p++) {
      ParameterTensor param = parameters.get(p);
      ParameterTensor grad = gradients.get(p);
      for (int k = 0; k < param.size(); k++) {
        double original = param.get(k);
        double analytic = grad.get(k) + (param.isVector() ? 0 : lambda * original);
        param.set(k, original + h);
        double plus = objective(network, inputs, targets, lambda);
        param.set(k, original - h);
        double minus = objective(network, inputs, targets, lambda);
        param.set(k, original);
        double numeric = (plus - minus) / (2 * h);
        double ratio =
            Math.abs(analytic - numeric)
                / (absTol + relTol * Math.max(Math.abs(analytic), Math.abs(numeric)));
        checked++;
        if (!(ratio <= worstRatio)) {
          worstRatio = ratio;
          worst = String.format(Locale.ROOT, "%s[%d]: analytic %.12g, numeric %.12g", param.name(),
              k, analytic, numeric);
        }
      }
    }
    return new Result(checked, worstRatio, worst);
  }

  /** The summed loss of the examples plus {@code lambda / 2 * sum w^2}. */
  public static double objective(
      CompiledNetwork network, double[][] inputs, double[][] targets, double lambda) {
    double sum = 0;
    for (int e = 0; e < inputs.length; e++) {
      sum += network.loss(inputs[e], targets[e]);
    }
    if (lambda != 0) {
      double squares = 0;
      for (ParameterTensor param : network.parameters()) {
        if (!param.isVector()) {
          for (int k = 0; k < param.size(); k++) {
            squares += param.get(k) * param.get(k);
          }
        }
      }
      sum += lambda / 2 * squares;
    }
    return sum;
  }
}
