package dev.netc.generator.plan;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.ActivationCall;
import dev.netc.grammar.model.DenseLayer;
import java.util.Optional;

/**
 * The decisions for one dense layer: its code shape and storage, the shape of its loops, how its
 * methods are split, and the names of its arrays in the generated class (the notes' notation:
 * {@code w1}, {@code b1}, {@code z1}, {@code x1}, {@code delta1}, gradients {@code dw1}, {@code
 * db1}).
 *
 * @param layer the layer of the model
 * @param shape unrolled or looped
 * @param forwardColumns columns of W per pass over z in the looped forward pass (1 if unrolled)
 * @param gradientColumns columns of W per pass over delta in the looped weight gradient ({@code dW
 *     += delta x^T}) (1 if unrolled)
 * @param stepColumns columns of W per pass over delta in the first layer's fused step (1 if
 *     unrolled, and with an optimizer that keeps state)
 * @param partialSums independent partial sums of the looped dot product that propagates delta (1 if
 *     unrolled)
 * @param skipsZeroInputs true if the looped loops over the columns of W skip the columns whose
 *     input is exactly 0 (the layer below is relu)
 * @param skipsZeroColumnUpdates true if the fused step also skips the update of such a column (its
 *     gradient is 0 and a zero gradient leaves the parameter unchanged)
 * @param straightLineStep true if the fused step of an unrolled layer updates each weight in its
 *     own statement; false for a pair of constant-bound loops
 * @param expLoops true if the layer's activation (float sigmoid or tanh) takes e^x over all its
 *     units in the loops that C2 vectorizes ({@code Planner#EXP_LOOP_MIN_UNITS}) rather than one
 *     {@code expFloat} call per unit
 * @param forward the method {@code forward<l>} ({@code z = W x + b} alone for a softmax output
 *     layer: {@link NetworkPlan#softmaxOutput})
 * @param backward the method {@code backward<l>}
 * @param step the method {@code step<l>} of the fused stochastic step, if the step is fused
 * @param explicitWeights the file's explicit weights, if any
 * @param explicitBias the file's explicit bias, if any
 */
public record LayerPlan(
    DenseLayer layer,
    CodeShape shape,
    int forwardColumns,
    int gradientColumns,
    int stepColumns,
    int partialSums,
    boolean skipsZeroInputs,
    boolean skipsZeroColumnUpdates,
    boolean straightLineStep,
    boolean expLoops,
    MethodPlan forward,
    MethodPlan backward,
    Optional<MethodPlan> step,
    Optional<PackedConstant> explicitWeights,
    Optional<PackedConstant> explicitBias)
    implements ParameterLayer {

  /** The layer's number, counting every layer statement from 1. */
  @Override
  public int number() {
    return layer.number();
  }

  @Override
  public String layerName() {
    return layer.name();
  }

  @Override
  public Activation activation() {
    return layer.activation();
  }

  @Override
  public double activationParameter() {
    return layer.activationParameter();
  }

  @Override
  public Optional<ActivationCall> declared() {
    return layer.declared();
  }

  @Override
  public double dropout() {
    return layer.dropout();
  }

  @Override
  public int outputSize() {
    return layer.units();
  }

  /** A dense layer's fans are the columns and rows of W. */
  @Override
  public Optional<int[]> fans() {
    return Optional.empty();
  }

  /** Units of this layer (rows of W). */
  @Override
  public int units() {
    return layer.units();
  }

  /** Units of the layer below (columns of W). */
  @Override
  public int inputs() {
    return layer.inputs();
  }

  /** Number of weights. */
  @Override
  public int weightCount() {
    return layer.units() * layer.inputs();
  }

  /** True if W is stored as one array per column (looped layers). */
  @Override
  public boolean columns() {
    return shape == CodeShape.LOOPED;
  }

  /** Index of W[i][j] in the flat, row-major weight array of an unrolled layer. */
  public int weightIndex(int i, int j) {
    return i * inputs() + j;
  }

  /** Name of an array of the layer below: {@code below("x")} is {@code x0} for layer 1. */
  public String below(String prefix) {
    return prefix + (number() - 1);
  }
}
