package dev.netc.generator.plan;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.ActivationCall;
import dev.netc.grammar.model.ConvLayer;
import java.util.Optional;

/**
 * The decisions for one convolution layer. W is stored as one array per (ky, kx, c) column: {@code
 * w[(ky * kw + kx) * channels + c][f] = W[f][ky][kx][c]}, so that the innermost loops run over the
 * filters of a whole array from index 0 and vectorize; {@code acc<l>} (one value per filter) holds
 * the sums of the output position in progress.
 *
 * @param layer the layer of the model
 * @param unrolled true if the loops over (ky, kx) are written out
 * @param propagates true if the layer computes the delta of the layer below
 * @param explicitWeights the file's explicit weights, if any
 * @param explicitBias the file's explicit bias, if any
 */
public record ConvPlan(
    ConvLayer layer,
    boolean unrolled,
    boolean propagates,
    Optional<PackedConstant> explicitWeights,
    Optional<PackedConstant> explicitBias)
    implements FeaturePlan, ParameterLayer {

  @Override
  public String layerName() {
    return layer.name();
  }

  @Override
  public int number() {
    return layer.number();
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
  public int units() {
    return layer.filters();
  }

  @Override
  public int inputs() {
    return layer.fanIn();
  }

  @Override
  public boolean columns() {
    return true;
  }

  @Override
  public Optional<int[]> fans() {
    return Optional.of(new int[] {layer.fanIn(), layer.fanOut()});
  }

  /** Filters, the output's channels. */
  public int filters() {
    return layer.filters();
  }

  /** Index of column (ky, kx, c) of W. */
  public int column(int ky, int kx, int c) {
    return (ky * window().width() + kx) * input().channels() + c;
  }
}
