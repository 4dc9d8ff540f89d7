package dev.netc.generator.plan;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Padding;
import dev.netc.grammar.model.PoolLayer;
import dev.netc.grammar.model.Precision;
import dev.netc.grammar.model.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, from a checked network, how its class is shaped: the plan step of the pipeline. Every
 * choice of code shape is made here, with the measurement that justifies it beside its constant;
 * the emitter only writes what the plan says. The benchmarks and findings cited are in {@code
 * docs/performance.md} and {@code benchmarks/} ({@code ShapeExperiment}).
 */
public final class Planner {
  private Planner() {}

  /**
   * Layers with at most this many weights are unrolled into straight-line code; larger layers use
   * constant-bound loops over the columns of W (axpy form).
   *
   * <p>Evidence (JMH on JDK 17, 2 cores, training steps per second, one example per step): 4-8-3
   * (32 and 24 weights): unrolled 12.8-13.7 M, constant-bound loops 11.0 M (dot form) / 9.6 M (axpy
   * form); 64-32-10 (2048 weights): unrolled into methods of 400 operations 0.34 M, loops 0.50 M
   * (dot) / 0.72 M (axpy); 784-128-10: unrolled 4.5 k (520 methods, 78 s of JIT time) versus 28 k
   * in axpy form. Unrolling pays only while a layer's code stays a few hundred operations (about
   * 200 weights, one multiply-add each); beyond that the loops win, and by a growing factor.
   *
   * <p>Re-measured with this generator (JDK 17.0.15, AMD EPYC with AVX-512, 2 shared cores at load
   * 3, best of 8 one-second runs of {@code trainStep}, plain SGD, double; not JMH, so +-15%): 4-8-3
   * tanh/softmax: threshold 200 (both layers unrolled) 6.7 M steps/s, threshold 0 (both looped) 6.4
   * M, hand-written loops 2.5 M; 64-32-10: threshold 200 (both looped) 0.70 M, threshold 400 (the
   * 320-weight layer unrolled) 0.61 M, everything unrolled 0.27 M, hand-written 0.30 M; 784-128-10:
   * 33.6 k (float 45.3 k, with {@code -XX:-UseSuperWord} 15.2 k), hand-written 7.6 k;
   * 256-1024-1024-10 relu: 1.2 k (float 1.8 k), hand-written 186.
   */
  public static final int UNROLL_MAX_WEIGHTS = 200;

  /**
   * Longest running sum written as one expression in straight-line code; longer sums are stored in
   * parts ({@code z[i] = ...; z[i] += ...;}). C2 gives up on a single chain of more than about 130
   * terms ("out of stack space, increase MaxLabelRootDepth"), so 100 leaves a margin.
   */
  public static final int PARTIAL_SUM_TERMS = 100;

  /**
   * Estimated bytecode bytes ({@link BytecodeCost}) above which a method is split into parts.
   * HotSpot never compiles a method over 8000 bytes ({@code HugeMethodLimit}); the estimate is
   * pessimistic and the budget half of the limit, so real methods stay far below it (a test reads
   * their sizes). Below the budget a pass stays one method, which reads top to bottom.
   */
  public static final int METHOD_BUDGET_BYTES = 4000;

  /**
   * Columns of W per pass over z in a looped forward pass: {@code z[i] += w0[i] * a0 + ... + w3[i]
   * * a3} loads and stores z once per four multiply-adds instead of once per multiply-add
   * (ShapeExperiment, W3's 784 x 128 layer: {@code forwardColumns4Double} 10.5 us vs 13.3 us,
   * 1.27x; float 5.2 vs 8.6 us, 1.65x). A loop of one column per pass takes the last {@code inputs
   * % 4}. A layer that skips zero inputs takes one column per pass (it tests each input).
   */
  public static final int FORWARD_COLUMNS = 4;

  /**
   * Columns of W per pass over z in a looped forward pass of a float class. A float vector holds
   * twice the lanes of a double one, so a pass over z costs half as much arithmetic per load and
   * store of z as in double, and the loads and stores of z are the larger share: eight columns
   * (summed as two groups of four) load and store z once per eight multiply-adds. Measured on the
   * generated W3 class (784 x 128 sigmoid, 10 softmax; JDK 17, Intel Xeon with AVX-512, thread CPU
   * time, best of 7 runs of 0.3 s, two runs): prediction 117-123 k/s against 97-100 k/s with four
   * columns (1.2x), stochastic steps 41.6-43.1 k/s against 40.5-40.7 k/s. Double keeps four
   * columns, so its results stay bit-identical to earlier versions.
   *
   * <p>The two groups are added to z in turn, {@code z[i] = z[i] + (g0) + (g1)}: the same one load
   * and one store of z, and the arithmetic of two successive four-column passes, so that a block of
   * rows ({@link #BATCH_ROWS}) takes four columns per pass and gives each row the per-row bits.
   * Summed as {@code z[i] += (g0) + (g1)}, a block had to repeat 8 columns per pass, which C2
   * leaves scalar (see {@link #BATCH_ROWS}). The per-row pass is as fast either way
   * (BatchBenchmark, W3 float, examples per CPU-second, two runs each: prediction 145-147 k against
   * 137-149 k, mini-batches 52-58 k against 53 k).
   */
  public static final int FLOAT_FORWARD_COLUMNS = 8;

  /**
   * Columns of W per pass over delta in a float class's looped weight gradient ({@code dW += delta
   * x^T}, mini-batches) and in the update of its first layer's fused step (stochastic steps): each
   * column's statements are the same as with one column per pass, so results do not change, but
   * delta is loaded and the loop's bookkeeping paid once per four columns. Measured on the
   * generated W3 class (thread CPU time, best of 7 runs of 0.3 s, two runs): float stochastic steps
   * 50.4-50.8 k/s against 43.9-45.7 k/s, mini-batches of 32 47.3-48.4 k/s against 40.7-43.8 k/s; in
   * double no gain (30.1 k and 29.6 k against 29.3 k and 30.2 k), so double keeps one column. Eight
   * columns per pass were 2x slower than four (24.5 k and 23.4-25.3 k/s). The fused update takes
   * the four columns only with plain SGD: with an optimizer that keeps state, four columns of its
   * update are a loop body C2 leaves scalar (batch-1 training on Fashion-MNIST images, float,
   * examples/s: Adam 2.7 k with four columns against 7.0 k with one, momentum 11.2 k against 28.1
   * k, RMSProp 5.3 k against 12.4 k).
   */
  public static final int FLOAT_GRADIENT_COLUMNS = 4;

  /**
   * Independent partial sums of the looped dot product {@code s = sum_i w[j][i] delta[i]} (the
   * delta below): one running sum waits for each floating-point add to finish (C2 does not
   * vectorize a reduction whose order it must keep); four keep the adder busy. Not measured
   * separately; layers of fewer than {@link #PARTIAL_SUMS_MIN_UNITS} units use one sum, as four
   * would leave at most one round of the unrolled loop.
   */
  public static final int PARTIAL_SUMS = 4;

  /** Units from which the looped dot product takes {@link #PARTIAL_SUMS} partial sums. */
  public static final int PARTIAL_SUMS_MIN_UNITS = 8;

  /**
   * Vectors up to this length (input, target, output) are copied one statement per element, without
   * a call; longer ones by {@code System.arraycopy}, or by a loop where float needs a cast. Not
   * measured: a choice of readable straight-line code for the short vectors of small networks.
   */
  public static final int ELEMENT_COPY_MAX = 16;

  /**
   * Values per packed string constant of explicit weights: 256 doubles are 2732 characters of
   * Base64, far below the 65535-byte limit of one constant, and one decode call (about 10 bytes of
   * bytecode) per 256 values.
   */
  public static final int PACKED_CHUNK = 256;

  /** Decode calls per method: 200 calls are about 2 KB of bytecode, far below 8000 bytes. */
  public static final int PACKED_CHUNKS_PER_METHOD = 200;

  /** Explicit values up to this many are also listed in the decoding method's Javadoc. */
  public static final int LISTED_VALUES = 64;

  /**
   * Rows per block of the batch methods: each pass over a group of {@link #FORWARD_COLUMNS} columns
   * of W updates this many rows' sums in one loop, the column values loaded once for all of them; a
   * block's weight gradient likewise loads and stores each entry of dW once. The last block of a
   * call takes 2 rows or more, a single last row goes through the per-row methods.
   *
   * <p>Evidence (W3's 784 x 128 layer, double, 32 rows, best of 60 calls, JDK 17 with AVX-512, one
   * core at priority): one row per pass 10.2 us per row; 2 rows per loop 7.0 us; 3 rows 6.1 us; 4
   * rows 19.6 us, as 2 rows of 8 columns 19.4 us: C2 unrolls a loop for superword only while its
   * body is small, and 4 rows of 4 columns (16 multiply-adds, 4 loads and stores of sums) exceed
   * that, so the loop is left scalar. The same 4 rows as separate loops over one group of columns
   * (each column group read from L1 4 times) made the generated W3 prediction only 1.19x faster
   * than one row at a time.
   *
   * <p>Float blocks take the same 3 rows and 4 columns per pass (the float per-row pass adds its 8
   * columns as two groups of 4 in turn, {@link #FLOAT_FORWARD_COLUMNS}). Measured on the generated
   * W3 float class (BatchBenchmark, JDK 17, Intel Xeon with AVX-512, examples per CPU-second,
   * prediction / mini-batch of 32): 3 rows of 4 columns 189 k / 74.7 k against 134 k / 52.7 k per
   * row; 2 rows of 4 columns 141 k / 57.6 k (per row 136 k / 55.9 k); 4 rows of 4 columns 49 k / 33
   * k, 2 rows of 8 columns 51 k / 32 k, 3 rows of 8 columns 53 k / 32 k (left scalar; per row
   * 147-157 k / 52-59 k).
   *
   * <p>Re-examined against the target of 2x the per-row prediction on W3 (BlockShapeExperiment, the
   * first layer's sums alone, per row, JDK 17, Intel Xeon with AVX-512): 3 rows of 4 columns 6.7 us
   * in double and 3.9 us in float against 10.3 and 6.2 per row; 2 rows 7.2 / 4.4; tiles of 64 units
   * over all columns 7.4 (double); 4 rows, 6 rows as two loops of 3, and 3 rows of 8 columns scalar
   * (18.8 to 19.6). With W in L1 the 3-row loop takes 6.4 / 3.9 us, so the weights do not limit it;
   * its 128 units per pass do (8 of them run in C2's scalar pre- and post-loops of every pass: over
   * 512 units per pass the same work takes 5.6 us in double). No shape that C2 vectorizes beats
   * this one; docs/performance.md ("What C2 makes of a block") has the disassembly and the figures.
   */
  public static final int BATCH_ROWS = 3;

  /**
   * The batch plan of {@code plan}: blocks of {@link #BATCH_ROWS} rows if every layer loops over
   * the columns of W; empty for networks with unrolled layers (at most {@link #UNROLL_MAX_WEIGHTS}
   * weights: their weights are few enough to stay in registers and L1 from one row to the next),
   * whose batch methods are the interface's defaults, one row at a time; empty too for networks
   * with convolution or pooling layers, dropout or a declared activation (not written for blocks
   * yet). Float classes have them too: their per-row pass over {@link #FLOAT_FORWARD_COLUMNS}
   * columns adds its two groups of four products to z in turn, so a block that takes four columns
   * per pass gives each row the per-row bits.
   */
  public static Optional<BatchPlan> batch(NetworkPlan plan) {
    boolean looped = plan.layers().stream().allMatch(LayerPlan::columns);
    // Dropout draws a mask per example in its training forward pass, and a declared activation
    // keeps per-row values for its derivative: both keep the per-row methods.
    boolean perRow =
        plan.layers().stream().anyMatch(l -> l.hasDropout() || l.declared().isPresent());
    return looped && !perRow && plan.features().isEmpty()
        ? Optional.of(new BatchPlan(BATCH_ROWS))
        : Optional.empty();
  }

  /** The plan of {@code network}, in its own package or else {@code fallbackPackage}. */
  public static NetworkPlan plan(Network network, String fallbackPackage) {
    checkLoss(network);
    boolean fused = network.clip().map(c -> !(c instanceof Clip.Norm)).orElse(true);
    List<FeaturePlan> features = new ArrayList<>();
    for (FeatureLayer feature : network.features()) {
      features.add(feature(feature));
    }
    boolean isFloat = network.precision() == Precision.FLOAT;
    List<LayerPlan> layers = new ArrayList<>();
    ActivatedLayer below = features.isEmpty() ? null : features.get(features.size() - 1);
    for (DenseLayer layer : network.layers()) {
      LayerPlan plan = layer(network, layer, below, fused);
      layers.add(plan);
      below = plan;
    }
    String pkg = network.packageName().orElse(fallbackPackage == null ? "" : fallbackPackage);
    return new NetworkPlan(
        network,
        pkg,
        network.name(),
        features,
        layers,
        fused,
        copy(network.inputSize(), isFloat),
        copy(network.outputSize(), isFloat),
        copy(network.outputSize(), isFloat),
        METHOD_BUDGET_BYTES,
        isFloat && usesExp(network));
  }

  /**
   * Windows of at most this many positions (kh * kw) are unrolled over (ky, kx) when the window
   * never leaves the input (valid padding): each position is then one block with constant offsets
   * into the input and W, a loop over the channels around a loop over the filters. A 5x5 window is
   * 25 such blocks, about 2 KB of bytecode in the backward pass, within {@link
   * #METHOD_BUDGET_BYTES}; larger windows, and windows that zero padding clips at the border (their
   * range of (ky, kx) depends on the output position), use loops over (ky, kx) whose bounds do the
   * clipping. Not measured separately: written-out positions spare the index arithmetic of two loop
   * levels per output position, which is what the innermost loops over a few channels or filters
   * cannot hide.
   */
  public static final int UNROLL_MAX_WINDOW = 25;

  private static FeaturePlan feature(FeatureLayer layer) {
    Window window = layer.window();
    boolean unrolled =
        window.padding() == Padding.VALID && window.height() * window.width() <= UNROLL_MAX_WINDOW;
    boolean propagates = layer.number() > 1;
    if (layer instanceof ConvLayer conv) {
      int n = conv.number();
      return new ConvPlan(
          conv,
          unrolled,
          propagates,
          conv.weights().map(m -> packed("explicitWeights" + n, m.toArray(), conv.fanIn())),
          conv.bias().map(v -> packed("explicitBias" + n, v.toArray(), conv.filters())));
    }
    return new PoolPlan((PoolLayer) layer, unrolled, propagates);
  }

  private static LayerPlan layer(
      Network network, DenseLayer layer, ActivatedLayer below, boolean fused) {
    CodeShape shape =
        layer.weightCount() <= UNROLL_MAX_WEIGHTS ? CodeShape.UNROLLED : CodeShape.LOOPED;
    boolean looped = shape == CodeShape.LOOPED;
    // relu gives exact zeros about half of the time; skipping their columns (finding 4 of
    // docs/performance.md, reluForwardSkip on W4's 1024 x 1024 layer: 1.64x) pays only in loops;
    // leaky_relu and elu never give exact zeros
    boolean skip = looped && below != null && below.activation() == Activation.RELU;
    // a zero column's gradient is 0, and a zero gradient leaves a weight unchanged only under
    // plain SGD without l2 (momentum, Adam, ... move it anyway)
    boolean skipUpdate = skip && isPlainSgd(network.optimizer()) && network.regularizer().isEmpty();
    // straight-line update statements only where a weight's update is SGD's one or two statements
    // on the bare product delta x; otherwise a pair of constant-bound loops, which C2 unrolls
    boolean straight =
        !looped
            && network.optimizer() instanceof Optimizer.Sgd
            && network.regularizer().isEmpty()
            && network.clip().isEmpty();
    int partialSums = looped && layer.units() >= PARTIAL_SUMS_MIN_UNITS ? PARTIAL_SUMS : 1;
    int n = layer.number();
    List<Sized> forwardBlocks =
        new ArrayList<>(
            List.of(
                new Sized(
                    Block.FORWARD_SUM,
                    layer.units(),
                    looped ? 0 : BytecodeCost.forwardRow(layer.inputs()))));
    // the softmax of the output layer is a method of its own (NetworkPlan#softmaxOutput), so that
    // classify can take the logits z without it
    if (layer.activation() != Activation.SOFTMAX) {
      forwardBlocks.add(new Sized(Block.ACTIVATION, layer.units(), activationCost(layer, looped)));
    }
    MethodPlan forward = method("forward" + n, forwardBlocks);
    List<Sized> backward =
        new ArrayList<>(
            List.of(
                new Sized(
                    Block.WEIGHT_GRADIENT,
                    Math.toIntExact(layer.weightCount()),
                    looped ? 0 : BytecodeCost.gradientEntry()),
                new Sized(
                    Block.BIAS_GRADIENT,
                    layer.units(),
                    looped ? 0 : BytecodeCost.gradientEntry())));
    Sized propagate =
        below == null
            ? null
            : new Sized(
                Block.PROPAGATE,
                layer.inputs(),
                looped ? 0 : BytecodeCost.propagateRow(layer.units()) + derivativeCost(below));
    if (propagate != null) {
      backward.add(propagate);
    }
    Optional<MethodPlan> step = Optional.empty();
    if (fused) {
      List<Sized> blocks = new ArrayList<>();
      if (propagate != null && !looped) {
        blocks.add(propagate);
      }
      int update = straight ? BytecodeCost.sgdUpdate(network.optimizer()) : 0;
      blocks.add(new Sized(Block.WEIGHT_STEP, Math.toIntExact(layer.weightCount()), update));
      blocks.add(new Sized(Block.BIAS_STEP, layer.units(), update));
      step = Optional.of(method("step" + n, blocks));
    }
    int gradientColumns =
        looped && !skip && network.precision() == Precision.FLOAT ? FLOAT_GRADIENT_COLUMNS : 1;
    return new LayerPlan(
        layer,
        shape,
        looped && !skip ? forwardColumns(network) : 1,
        gradientColumns,
        isPlainSgd(network.optimizer()) ? gradientColumns : 1,
        partialSums,
        skip,
        skipUpdate,
        straight,
        expLoops(network, layer, looped),
        forward,
        method("backward" + n, backward),
        step,
        layer.weights().map(m -> packed("explicitWeights" + n, m.toArray(), layer.inputs())),
        layer.bias().map(v -> packed("explicitBias" + n, v.toArray(), layer.units())));
  }

  /**
   * The cost of one unit's activation in an unrolled layer, or 0 for one loop (looped layers). A
   * declared activation is one loop over the units of each part, whose cost is that of its formula:
   * spread over the units, so that a long formula moves to a part of its own.
   */
  private static int activationCost(DenseLayer layer, boolean looped) {
    if (looped) {
      return 0;
    }
    if (layer.activation() == Activation.DECLARED) {
      return BytecodeCost.perEntry(
          BytecodeCost.declaredForward(ActivationPlan.of(layer.declared().orElseThrow())),
          layer.units());
    }
    return BytecodeCost.activation(layer.activation());
  }

  /**
   * The share of one entry of an unrolled propagate block in the loop {@code delta *= f'(z)} of the
   * layer below, if its activation is declared; else 0.
   */
  private static int derivativeCost(ActivatedLayer below) {
    return below != null && below.declared().isPresent()
        ? BytecodeCost.perEntry(
            BytecodeCost.declaredDerivative(ActivationPlan.of(below.declared().get())),
            below.outputSize())
        : 0;
  }

  /**
   * A block with its entries and the estimated cost of one entry; a cost of 0 means the block is
   * one loop nest ({@link BytecodeCost#LOOP}).
   */
  private record Sized(Block block, int entries, int entryCost) {
    int cost() {
      return entryCost == 0 ? BytecodeCost.LOOP : entries * entryCost;
    }
  }

  /**
   * The method of {@code blocks}: one part if it fits the budget; else parts that each begin at a
   * block boundary, except that a block larger than the budget is cut between entries into parts of
   * its own (the last of which the next blocks may join).
   */
  private static MethodPlan method(String name, List<Sized> blocks) {
    int total = blocks.stream().mapToInt(Sized::cost).sum();
    List<List<Segment>> parts = new ArrayList<>();
    List<Segment> current = new ArrayList<>();
    int used = 0;
    for (Sized b : blocks) {
      int cost = b.cost();
      if (total <= METHOD_BUDGET_BYTES || used + cost <= METHOD_BUDGET_BYTES) {
        current.add(Segment.whole(b.block(), b.entries()));
        used += cost;
        continue;
      }
      if (!current.isEmpty()) {
        parts.add(current);
        current = new ArrayList<>();
        used = 0;
      }
      if (cost <= METHOD_BUDGET_BYTES) {
        current.add(Segment.whole(b.block(), b.entries()));
        used = cost;
        continue;
      }
      int perPart = Math.max(1, METHOD_BUDGET_BYTES / b.entryCost());
      for (int from = 0; from < b.entries(); from += perPart) {
        int to = Math.min(b.entries(), from + perPart);
        if (!current.isEmpty()) {
          parts.add(current);
        }
        current = new ArrayList<>(List.of(new Segment(b.block(), from, to, b.entries())));
        used = (to - from) * b.entryCost();
      }
    }
    parts.add(current);
    return new MethodPlan(name, parts, total);
  }

  private static PackedConstant packed(String method, double[] values, int rowLength) {
    return new PackedConstant(
        method,
        values,
        rowLength,
        PACKED_CHUNK,
        PACKED_CHUNKS_PER_METHOD,
        values.length <= LISTED_VALUES);
  }

  private static Copy copy(int length, boolean toFloat) {
    if (length <= ELEMENT_COPY_MAX) {
      return Copy.ELEMENTS;
    }
    return toFloat ? Copy.LOOP : Copy.ARRAYCOPY;
  }

  private static int forwardColumns(Network network) {
    return network.precision() == Precision.FLOAT ? FLOAT_FORWARD_COLUMNS : FORWARD_COLUMNS;
  }

  /**
   * True if some activation of {@code network} (or its derivative) takes e^x: sigmoid, tanh,
   * softmax, softplus. A float class computes those in float with its own {@code expFloat} instead
   * of {@code (float) Math.exp((double) x)}: the double intrinsic is a call, around which every
   * value is spilled, and each conversion between float and double costs a few cycles (and, in
   * scalar x86 code, depends on the previous contents of its target register). Measured on the
   * generated classes (JDK 17, Intel Xeon, thread CPU time, best of 7 runs of 0.3 s): W2 (64 -> 32
   * tanh -> 10 softmax) prediction 1.89 M/s against 0.86 M/s with {@code Math.exp}, stochastic
   * steps 0.79 M/s against 0.52 M/s (double: 1.88 M/s and 0.73 M/s). With it, W1 (4 -> 8 tanh -> 3
   * softmax) in float predicts at 10.5-11.5 M/s, as fast as in double (10.5-10.9 M/s), where it was
   * about 0.65x of double before.
   */
  private static boolean usesExp(Network network) {
    List<Activation> activations = new ArrayList<>();
    network.layers().forEach(l -> activations.add(l.activation()));
    for (FeatureLayer feature : network.features()) {
      if (feature instanceof ConvLayer conv) {
        activations.add(conv.activation());
      }
    }
    for (Activation activation : activations) {
      switch (activation) {
        case SIGMOID, TANH, SOFTMAX, SOFTPLUS -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  /**
   * Units from which a looped float layer with sigmoid or tanh computes its e^x in four loops over
   * the layer's units (scratch arrays between them, {@link NetworkPlan#expScratch}) rather than one
   * call of the class's {@code expFloat} per unit. {@code expFloat} builds 2^n in the exponent
   * bits, and C2 (JDK 17) vectorizes no loop that moves float bits to int and back; the loops
   * compute the same bits with float arithmetic only (2^n from a polynomial in n, squared 8 times
   * and rounded to one bit), about twice the instructions, each loop small enough for C2 to unroll
   * and so to vectorize. C2 unrolls a loop, and so widens its vectors, only while the trip count of
   * its profile is large enough ({@code LoopPercentProfileLimit}): 4 floats per vector for 32 to 69
   * units, 8 up to 149, 16 beyond, and a few units before and after the vector loop run one at a
   * time. Measured (a loop of sigmoids, JDK 17, Intel Xeon with AVX-512, ns per value, the scalar
   * {@code expFloat} form first): 32 units 3.5 against 2.8, 128 units 3.9 against 1.9, 1024 units
   * 3.7 against 1.6.
   */
  public static final int EXP_LOOP_MIN_UNITS = 32;

  private static boolean expLoops(Network network, DenseLayer layer, boolean looped) {
    Activation f = layer.activation();
    return looped
        && network.precision() == Precision.FLOAT
        && (f == Activation.SIGMOID || f == Activation.TANH)
        && layer.units() >= EXP_LOOP_MIN_UNITS;
  }

  private static boolean isPlainSgd(Optimizer optimizer) {
    return optimizer instanceof Optimizer.Sgd sgd && sgd.momentum() == 0 && !sgd.nesterov();
  }

  private static void checkLoss(Network network) {
    Activation out = network.outputLayer().activation();
    if (network.loss() == Loss.CROSS_ENTROPY && out != Activation.SOFTMAX) {
      throw new IllegalArgumentException(
          network.name() + ": cross_entropy needs a softmax output, has " + out.dslName());
    }
    if (network.loss() == Loss.BINARY_CROSS_ENTROPY && out != Activation.SIGMOID) {
      throw new IllegalArgumentException(
          network.name() + ": binary_cross_entropy needs a sigmoid output, has " + out.dslName());
    }
    for (DenseLayer layer : network.layers()) {
      if (layer.activation() == Activation.SOFTMAX && layer != network.outputLayer()) {
        throw new IllegalArgumentException(
            network.name() + ": softmax only on the output layer, not on layer " + layer.number());
      }
      if (layer.hasDropout() && layer == network.outputLayer()) {
        throw new IllegalArgumentException(
            network.name() + ": dropout on the output layer " + layer.number());
      }
    }
  }
}
