package dev.netc.spark;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Schedule;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingListener;
import dev.netc.runtime.train.TrainingResult;
import dev.netc.runtime.weights.WeightFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Trains a generated netc network on a DataFrame with Spark, data-parallel, and gives a {@link
 * NetcModel}.
 *
 * <pre>{@code
 * NetcModel model = new NetcEstimator()
 *     .setNetwork("com.acme.ml.IrisNet")        // the generated class, on the executors' class path
 *     .setFeaturesCol("features")               // a Vector column
 *     .setLabelCol("label")                     // class index, class name, or regression target
 *     .setEpochs(50).setBatchSize(32).setReduction("mean").setSeed(1)
 *     .fit(train);
 * }</pre>
 *
 * <p><b>Modes.</b> {@code setMode("gradient")} (the default): one synchronous step per mini-batch,
 * the step's gradient computed where the rows are and added on the driver in a fixed order, so the
 * parameters are those of the runtime's {@link Trainer} with the same settings, bit for bit, for
 * any number of partitions or executors (see {@link GradientSteps}). {@code setMode("average")}:
 * each partition takes {@link #setLocalSteps K} steps on its own rows, then the driver averages the
 * parameters; fewer Spark jobs, a result that depends on the partitioning (see {@link
 * ParameterAveraging}).
 *
 * <p><b>Order.</b> Rows are numbered in the order of the data (partition by partition, as {@code
 * collect()} returns them); with {@link #setSeed} epoch e visits them in the order {@code
 * Dataset.permutation(n, seed + e)}, without a seed in data order, as the Trainer's {@code
 * shuffle(seed)} and {@code noShuffle()}.
 *
 * <p><b>Validation.</b> {@link #setValidationIndicatorCol} (a boolean column, true for validation
 * rows) or {@link #setValidationFraction} (the rows at the first {@code round(f * n)} positions of
 * {@code Dataset.permutation(n, validationSeed)}, the remaining rows keep their order); after each
 * epoch the validation loss and accuracy are computed, and {@link #setPatience} stops early and
 * keeps the best epoch's parameters. Per-epoch figures: {@link NetcModel#trainingResult()}.
 *
 * <p><b>Checkpoints.</b> {@link #setCheckpointPath} writes the whole training state every {@link
 * #setCheckpointInterval} epochs; {@link #setResumeFrom} continues a run from it. {@link
 * #setInitialWeights} starts from the parameters of a trained model instead of the class's own.
 *
 * <p>Saved with {@code write()} (its settings, as Spark ML's metadata; listeners are not saved) and
 * loaded with {@link #load(String)}, also inside a saved {@code Pipeline}.
 *
 * <p>The training rows stay partitioned on the executors (cached while training); the driver holds
 * the parameters and, with a seed, one int per training row for the epoch's order.
 */
public final class NetcEstimator extends Estimator<NetcModel> implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> network;
  private final Param<String> featuresCol;
  private final Param<String> labelCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private final Param<String> predictedLabelCol;
  private final Param<String> outputCol;
  private final StringArrayParam classNames;
  private final IntParam epochs;
  private final IntParam batchSize;
  private final Param<String> reduction;
  private final LongParam seed;
  private final Param<String> mode;
  private final IntParam localSteps;
  private final IntParam chunkSize;
  private final DoubleParam validationFraction;
  private final LongParam validationSeed;
  private final Param<String> validationIndicatorCol;
  private final IntParam patience;
  private final StringArrayParam inputCols;
  private final StringArrayParam categoricalCols;
  private final Param<String> scaling;
  private final Param<String> checkpointPath;
  private final IntParam checkpointInterval;
  private final Param<String> resumeFrom;
  private final Param<String> initialWeights;
  private final transient List<TrainingListener> listeners = new ArrayList<>();
  private transient Schedule schedule;
  private Preprocessor preprocessor;

  /** An estimator with the defaults: 10 epochs, batch size 1, sum reduction, data order. */
  public NetcEstimator() {
    this(Identifiable$.MODULE$.randomUID("netcEstimator"));
  }

  /** An estimator with the given uid (Spark ML's copy and persistence use this). */
  public NetcEstimator(String uid) {
    this.uid = uid;
    network = new Param<>(this, "network", "qualified name of the generated network class");
    featuresCol = new Param<>(this, "featuresCol", "the Vector column of the network's input");
    labelCol = new Param<>(this, "labelCol", "the class index, class name or target column");
    predictionCol = new Param<>(this, "predictionCol", "the predicted class index (classifiers)");
    probabilityCol = new Param<>(this, "probabilityCol", "the network's outputs (classifiers)");
    predictedLabelCol = new Param<>(this, "predictedLabelCol", "the predicted class name");
    outputCol = new Param<>(this, "outputCol", "the network's output (regression networks)");
    classNames =
        new StringArrayParam(
            this,
            "classNames",
            "the class names, in the order of the outputs (default: the sorted distinct labels)");
    epochs = new IntParam(this, "epochs", "passes over the training rows (>= 1)");
    batchSize = new IntParam(this, "batchSize", "examples per step (>= 1)");
    reduction = new Param<>(this, "reduction", "sum or mean: how a step's gradient is scaled");
    seed = new LongParam(this, "seed", "shuffles the rows every epoch from this seed");
    mode = new Param<>(this, "mode", "gradient (exact steps) or average (parameter averaging)");
    localSteps = new IntParam(this, "localSteps", "steps per partition between averages");
    chunkSize =
        new IntParam(
            this,
            "chunkSize",
            "examples per partial gradient sum (the runtime Trainer's chunk size)");
    validationFraction =
        new DoubleParam(
            this, "validationFraction", "fraction of the rows held out for validation, in (0, 1)");
    validationSeed = new LongParam(this, "validationSeed", "chooses the validation rows");
    validationIndicatorCol =
        new Param<>(this, "validationIndicatorCol", "a boolean column, true for validation rows");
    patience =
        new IntParam(
            this, "patience", "epochs without a better validation loss before stopping (0: never)");
    inputCols =
        new StringArrayParam(
            this,
            "inputCols",
            "raw input columns, encoded by the"
                + " preprocessing given with setPreprocessor (empty: its own column names)");
    categoricalCols =
        new StringArrayParam(
            this,
            "categoricalCols",
            "raw input columns to encode as categories even when their values are numbers");
    scaling =
        new Param<>(
            this,
            "scaling",
            "standard or minmax: the scaling fitted with the preprocessing of raw columns"
                + " (default none)");
    checkpointPath =
        new Param<>(
            this,
            "checkpointPath",
            "where the driver writes the whole training state (a netc checkpoint, any Hadoop"
                + " file system)");
    checkpointInterval =
        new IntParam(this, "checkpointInterval", "epochs between checkpoints (>= 1)");
    resumeFrom =
        new Param<>(
            this, "resumeFrom", "a checkpoint written by an earlier fit, to continue its run");
    initialWeights =
        new Param<>(
            this,
            "initialWeights",
            "a netc weight file whose parameters the training starts from (any Hadoop file"
                + " system)");
    setDefault(checkpointInterval, 1);
    setDefault(featuresCol, "features");
    setDefault(labelCol, "label");
    setDefault(categoricalCols, new String[0]);
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
    setDefault(predictedLabelCol, "predictedLabel");
    setDefault(outputCol, "prediction");
    setDefault(classNames, new String[0]);
    setDefault(epochs, 10);
    setDefault(batchSize, 1);
    setDefault(reduction, "sum");
    setDefault(mode, "gradient");
    setDefault(localSteps, 10);
    setDefault(chunkSize, Trainer.DEFAULT_CHUNK_SIZE);
    setDefault(validationFraction, 0.0);
    setDefault(validationSeed, 0L);
    setDefault(patience, 0);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** Qualified name of the generated network class. */
  public Param<String> network() {
    return network;
  }

  /** The Vector column of the network's input (default {@code features}). */
  public Param<String> featuresCol() {
    return featuresCol;
  }

  /** The label column (default {@code label}). */
  public Param<String> labelCol() {
    return labelCol;
  }

  /** Passed on to the model. */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /** Passed on to the model. */
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  /** Passed on to the model. */
  public Param<String> predictedLabelCol() {
    return predictedLabelCol;
  }

  /** Passed on to the model. */
  public Param<String> outputCol() {
    return outputCol;
  }

  /** The class names of a string label column. */
  public StringArrayParam classNames() {
    return classNames;
  }

  /** Epochs (default 10). */
  public IntParam epochs() {
    return epochs;
  }

  /** Examples per step (default 1). */
  public IntParam batchSize() {
    return batchSize;
  }

  /** {@code sum} or {@code mean} (default {@code sum}, as the language). */
  public Param<String> reduction() {
    return reduction;
  }

  /** The shuffle seed (default: none, data order). */
  public LongParam seed() {
    return seed;
  }

  /** {@code gradient} or {@code average} (default {@code gradient}). */
  public Param<String> mode() {
    return mode;
  }

  /** Steps per partition between two averages, average mode (default 10). */
  public IntParam localSteps() {
    return localSteps;
  }

  /** Examples per partial gradient sum (default 8, as the Trainer). */
  public IntParam chunkSize() {
    return chunkSize;
  }

  /** Fraction of rows held out for validation (default 0: none). */
  public DoubleParam validationFraction() {
    return validationFraction;
  }

  /** Seed choosing the validation rows (default 0). */
  public LongParam validationSeed() {
    return validationSeed;
  }

  /** A boolean column marking validation rows (default: none). */
  public Param<String> validationIndicatorCol() {
    return validationIndicatorCol;
  }

  /** Early-stopping patience in epochs (default 0: off). */
  public IntParam patience() {
    return patience;
  }

  /** Raw input columns, encoded by the preprocessing of {@link #setPreprocessor}. */
  public StringArrayParam inputCols() {
    return inputCols;
  }

  /**
   * Reads the input from raw columns (numbers, text, categories, missing values), encoded by the
   * preprocessing given with {@link #setPreprocessor}, instead of a Vector column; as {@link
   * NetcModel#setInputCols}, which the model then uses too. Without {@code setPreprocessor}, {@code
   * fit} fits the preprocessing of these columns (in this order) on the training rows itself, where
   * the rows are: which columns are categorical and their values, the means that replace missing
   * numbers, the class names of a label column, and the scaling of {@link #setScaling}; equal to
   * {@code Preprocessor.fit} on the training rows: the rows held out for validation ({@link
   * #setValidationIndicatorCol} or {@link #setValidationFraction}) are left out of the fit.
   */
  public NetcEstimator setInputCols(String... columns) {
    set(inputCols, columns.clone());
    return this;
  }

  /** Raw input columns encoded as categories even when their values are numbers. */
  public StringArrayParam categoricalCols() {
    return categoricalCols;
  }

  /**
   * Names raw input columns whose values are category codes (zip codes, ...): one-hot encoded even
   * though they are numbers, as {@code Preprocessor.Options.categorical}. Used when {@code fit}
   * fits the preprocessing itself (no {@link #setPreprocessor}).
   */
  public NetcEstimator setCategoricalCols(String... columns) {
    set(categoricalCols, columns.clone());
    return this;
  }

  /** The scaling fitted with the preprocessing of raw columns. */
  public Param<String> scaling() {
    return scaling;
  }

  /**
   * Fits a scaling of the encoded raw input ({@code standard}: mean and population standard
   * deviation; {@code minmax}) with the preprocessing, when {@code fit} fits the preprocessing
   * itself (no {@link #setPreprocessor}); as {@code netc train --scale}.
   */
  public NetcEstimator setScaling(String kind) {
    set(scaling, kind);
    return this;
  }

  /**
   * The preprocessing of raw rows (from {@code Preprocessor.fit} on a sample table, or from the
   * weight file of a {@code netc train} run): it encodes the raw input columns, and its class names
   * are the classes of a string label column. The model carries it, and saves it in its weight
   * file. Not saved with the estimator itself.
   */
  public NetcEstimator setPreprocessor(Preprocessor value) {
    this.preprocessor = value;
    return this;
  }

  /** Sets the generated network class, by qualified name. */
  public NetcEstimator setNetwork(String className) {
    set(network, className);
    return this;
  }

  /** Sets the Vector column of the network's input. */
  public NetcEstimator setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  /**
   * Sets the label column: for a classifier (the {@code cross_entropy} loss) a class index (0 ..
   * outputs-1) or a class name (string); else a number, or a Vector for several outputs.
   */
  public NetcEstimator setLabelCol(String value) {
    set(labelCol, value);
    return this;
  }

  /** Sets the model's predicted class index column. */
  public NetcEstimator setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  /** Sets the model's outputs column (classifiers). */
  public NetcEstimator setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  /** Sets the model's predicted class name column. */
  public NetcEstimator setPredictedLabelCol(String value) {
    set(predictedLabelCol, value);
    return this;
  }

  /** Sets the model's output column (regression networks). */
  public NetcEstimator setOutputCol(String value) {
    set(outputCol, value);
    return this;
  }

  /** Sets the class names of a string label column, in the order of the network's outputs. */
  public NetcEstimator setClassNames(String... names) {
    set(classNames, names.clone());
    return this;
  }

  /** Sets the number of epochs (at least 1). */
  public NetcEstimator setEpochs(int value) {
    require(value >= 1, "epochs must be >= 1: " + value);
    set(epochs, value);
    return this;
  }

  /** Sets the examples per step (at least 1). */
  public NetcEstimator setBatchSize(int value) {
    require(value >= 1, "batch size must be >= 1: " + value);
    set(batchSize, value);
    return this;
  }

  /** Sets the reduction: {@code sum} or {@code mean}. */
  public NetcEstimator setReduction(String value) {
    reductionOf(value);
    set(reduction, value);
    return this;
  }

  /** Shuffles the rows every epoch from {@code value}. */
  public NetcEstimator setSeed(long value) {
    set(seed, value);
    return this;
  }

  /** Sets the mode: {@code gradient} (exact steps) or {@code average} (parameter averaging). */
  public NetcEstimator setMode(String value) {
    require(
        value.equals("gradient") || value.equals("average"),
        "mode must be \"gradient\" or \"average\": \"" + value + "\"");
    set(mode, value);
    return this;
  }

  /** Sets the steps each partition takes between two averages (average mode). */
  public NetcEstimator setLocalSteps(int value) {
    require(value >= 1, "local steps must be >= 1: " + value);
    set(localSteps, value);
    return this;
  }

  /** Sets the examples per partial gradient sum (as the Trainer's {@code chunkSize}). */
  public NetcEstimator setChunkSize(int value) {
    require(value >= 1, "chunk size must be >= 1: " + value);
    set(chunkSize, value);
    return this;
  }

  /** Holds out {@code fraction} of the rows, chosen from {@code seed}, for validation. */
  public NetcEstimator setValidationFraction(double fraction, long seedValue) {
    require(fraction > 0 && fraction < 1, "validation fraction must be in (0, 1): " + fraction);
    set(validationFraction, fraction);
    set(validationSeed, seedValue);
    return this;
  }

  /** Uses the rows where the boolean column {@code column} is true for validation. */
  public NetcEstimator setValidationIndicatorCol(String column) {
    set(validationIndicatorCol, column);
    return this;
  }

  /** Stops when the validation loss has not improved for {@code epochs} epochs; keeps the best. */
  public NetcEstimator setPatience(int value) {
    require(value >= 0, "patience must be >= 0: " + value);
    set(patience, value);
    return this;
  }

  /** The weight file whose parameters training starts from (unset: the class's own). */
  public Param<String> initialWeights() {
    return initialWeights;
  }

  /**
   * Starts training from the parameters of the netc weight file at {@code path} instead of the
   * generated class's own (its {@code init} and seed, or the explicit weights of its {@code .nn}
   * file): a model trained before, saved with {@code NetcModel.write()} ({@code path/weights.json})
   * or by {@code netc train --out}, on any file system Spark reaches. The file must be of the same
   * network (the same layers and sizes). The optimizer's state starts anew, and epochs are counted
   * from 1 (to continue an interrupted run exactly, use {@link #setResumeFrom}). Without {@link
   * #setClassNames}, the classes are the file's, in its order; with raw input columns ({@link
   * #setInputCols}) and no {@link #setPreprocessor}, the inputs are encoded by the file's
   * preprocessing (the one the parameters were trained with) instead of one fitted anew. A feature
   * scaling saved in the file is not applied to a Vector column: scale it before the estimator, as
   * the file's training did.
   */
  public NetcEstimator setInitialWeights(String path) {
    require(path != null && !path.isBlank(), "initialWeights must name a file");
    set(initialWeights, path);
    return this;
  }

  /** Where the driver writes checkpoints (unset: none). */
  public Param<String> checkpointPath() {
    return checkpointPath;
  }

  /**
   * Writes the whole training state (parameters, optimizer state and step count, the epoch, the
   * early-stopping state and the per-epoch figures) to {@code path} after every {@link
   * #setCheckpointInterval} epochs: a netc checkpoint, the file the runtime Trainer and {@code netc
   * train --checkpoint} write, on any file system Spark reaches (local, {@code hdfs://}, {@code
   * s3a://}, ...), written to {@code path.tmp} and then renamed. A {@code fit} that fails (a lost
   * driver, a job that fails again and again) continues from it with {@link #setResumeFrom}.
   */
  public NetcEstimator setCheckpointPath(String path) {
    require(path != null && !path.isBlank(), "checkpointPath must name a file");
    set(checkpointPath, path);
    return this;
  }

  /** Epochs between checkpoints (default 1). */
  public IntParam checkpointInterval() {
    return checkpointInterval;
  }

  /**
   * Writes a checkpoint after every {@code epochs} epochs (default 1); see {@link
   * #setCheckpointPath}.
   */
  public NetcEstimator setCheckpointInterval(int epochs) {
    require(epochs >= 1, "checkpointInterval must be >= 1: " + epochs);
    set(checkpointInterval, epochs);
    return this;
  }

  /** The checkpoint a {@code fit} continues from (unset: it starts at epoch 1). */
  public Param<String> resumeFrom() {
    return resumeFrom;
  }

  /**
   * Continues the run saved in the checkpoint at {@code path} (written by {@link
   * #setCheckpointPath}) from the epoch after it, instead of starting at epoch 1: with the same
   * network class, data and settings (mode, batch size, reduction, seed, chunk size or local steps
   * and partitions, validation, patience), the result equals the uninterrupted run's, bit for bit
   * (in average mode on the same partitioning); {@link #setEpochs} may be raised to train longer. A
   * checkpoint of another network or of other settings is refused with a message saying what
   * differs. The checkpoint's parameters replace those of {@link #setInitialWeights}, if both are
   * set.
   */
  public NetcEstimator setResumeFrom(String path) {
    require(path != null && !path.isBlank(), "resumeFrom must name a file");
    set(resumeFrom, path);
    return this;
  }

  /**
   * Sets the learning rate of each epoch (from 1) from the network's rate, as the runtime Trainer's
   * {@code schedule} (step, exponential, cosine, ...): in gradient mode the driver's steps, in
   * average mode every partition's local steps of the epoch take it. Not saved with the estimator
   * (a function; set it again after {@code load}); null: the network's rate throughout.
   */
  public NetcEstimator setSchedule(Schedule value) {
    this.schedule = value;
    return this;
  }

  /** Adds a listener for progress (called on the driver; not saved with the estimator). */
  public NetcEstimator addListener(TrainingListener listener) {
    listeners.add(listener);
    return this;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static Reduction reductionOf(String value) {
    try {
      return Reduction.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "reduction must be \"sum\" or \"mean\": \"" + value + "\"", e);
    }
  }

  private String text(Param<String> param) {
    return getOrDefault(param);
  }

  private int integer(IntParam param) {
    return (Integer) getOrDefault(param);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    CompiledNetwork net = NetworkClasses.instantiate(isDefined(network) ? text(network) : null);
    if (isDefined(inputCols) && preprocessor != null) {
      rawColumns(schema, net, preprocessor);
    } else if (isDefined(inputCols)) {
      requireInputColumns();
      for (String column : getOrDefault(inputCols)) {
        FeatureColumn.field(schema, column, "input", "NetcEstimator", "setInputCols");
      }
    } else {
      new FeatureColumn(text(featuresCol), net.inputSize(), net.spec().name(), null)
          .check(schema, "NetcEstimator");
    }
    FeatureColumn.field(schema, text(labelCol), "label", "NetcEstimator", "setLabelCol");
    return model(net, List.of(), null, null).outputSchema(schema, net);
  }

  private NetcModel model(
      CompiledNetwork net, List<String> names, TrainingResult result, Preprocessor prep) {
    NetcModel model =
        new NetcModel(
            uid + "_model",
            NetworkSnapshot.capture(net, false),
            names,
            prep != null ? prep.featureNames() : List.of(),
            null,
            prep,
            result);
    if (prep != null) {
      model.setInputCols(getOrDefault(inputCols));
    }
    model
        .setFeaturesCol(text(featuresCol))
        .setPredictionCol(text(predictionCol))
        .setProbabilityCol(text(probabilityCol))
        .setPredictedLabelCol(text(predictedLabelCol))
        .setOutputCol(text(outputCol));
    return model.setParent(this);
  }

  @Override
  public NetcModel fit(org.apache.spark.sql.Dataset<?> dataset) {
    CompiledNetwork net = NetworkClasses.instantiate(isDefined(network) ? text(network) : null);
    WeightFile start = null;
    if (isDefined(initialWeights)) {
      String path = text(initialWeights);
      start = HadoopFiles.readWeights(dataset.sparkSession(), path);
      try {
        start.applyTo(net, path);
      } catch (RuntimeException e) {
        throw new NetcSparkException("NetcEstimator: " + e.getMessage(), e);
      }
    }
    String name = net.spec().name();
    boolean classifier = "cross_entropy".equals(net.spec().loss());
    StructType schema = dataset.schema();
    FeatureColumn features = new FeatureColumn(text(featuresCol), net.inputSize(), name, null);
    JavaSparkContext spark =
        JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
    JavaRDD<Row> rows = dataset.toDF().javaRDD();
    double fraction = (Double) getOrDefault(validationFraction);
    // With a validation fraction, the held-out rows are chosen from the row count: counted here
    // when the preprocessing is fitted (on the training rows only), else with the examples below.
    Broadcast<boolean[]> heldOut = null;
    Preprocessor prep = preprocessor;
    if (isDefined(inputCols) && prep == null && start != null) {
      // the encoding the starting parameters were trained with
      prep = start.preprocessor().orElse(null);
    }
    if (isDefined(inputCols) && prep == null) {
      requireInputColumns();
      org.apache.spark.sql.Dataset<Row> fitRows = withoutValidationRows(dataset.toDF());
      if (fraction > 0) {
        heldOut = spark.broadcast(heldOutRows(rows.count(), fraction));
        Broadcast<boolean[]> held = heldOut;
        fitRows =
            dataset
                .sparkSession()
                .createDataFrame(
                    rows.zipWithIndex()
                        .filter(pair -> !held.value()[(int) (long) pair._2()])
                        .keys(),
                    dataset.schema());
      }
      prep =
          DistributedPreprocessing.fit(
              fitRows,
              Arrays.asList(getOrDefault(inputCols)),
              text(labelCol),
              classifier,
              net.outputSize(),
              name,
              Set.of(getOrDefault(categoricalCols)),
              isDefined(scaling) ? text(scaling) : null);
    }
    RawColumns raw = isDefined(inputCols) ? rawColumns(schema, net, prep) : null;
    int featureIndex = raw != null ? -1 : features.check(schema, "NetcEstimator");
    List<String> given =
        raw != null && !prep.classNames().isEmpty()
            ? prep.classNames()
            : Arrays.asList(getOrDefault(classNames));
    if (given.isEmpty() && start != null && classifier) {
      // the classes of the starting parameters' outputs
      given = start.classNames();
    }
    LabelColumn label =
        LabelColumn.of(dataset, text(labelCol), classifier, net.outputSize(), name, given);
    int indicator = -1;
    if (isDefined(validationIndicatorCol)) {
      String column = text(validationIndicatorCol);
      StructField field =
          FeatureColumn.field(
              schema, column, "validation indicator", "NetcEstimator", "setValidationIndicatorCol");
      if (!field.dataType().equals(DataTypes.BooleanType)) {
        throw new NetcSparkException(
            "NetcEstimator: the validation indicator column '"
                + column
                + "' is "
                + field.dataType().simpleString()
                + ", not boolean");
      }
      indicator = schema.fieldIndex(column);
    }
    int validationColumn = indicator;
    JavaPairRDD<Example, Long> all =
        rows.map(
                row -> {
                  double[] x = new double[features.width()];
                  if (raw != null) {
                    raw.read(row, x);
                  } else {
                    features.read(row, featureIndex, x);
                  }
                  boolean held =
                      validationColumn >= 0
                          && !row.isNullAt(validationColumn)
                          && row.getBoolean(validationColumn);
                  return new Example(x, label.target(row), held);
                })
            .zipWithIndex()
            .persist(StorageLevel.MEMORY_AND_DISK());
    long total = all.count();
    JavaRDD<Example> validation;
    JavaPairRDD<Example, Long> training;
    if (fraction > 0) {
      if (heldOut == null) {
        heldOut = spark.broadcast(heldOutRows(total, fraction));
      } else if (heldOut.value().length != total) {
        throw new NetcSparkException(
            "NetcEstimator: the data gave "
                + heldOut.value().length
                + " rows when the preprocessing was fitted and "
                + total
                + " rows after; setValidationFraction needs a DataFrame that gives the same rows"
                + " in the same order each time it is computed (cache it, or read it from files)");
      }
      Broadcast<boolean[]> held = heldOut;
      validation = all.filter(pair -> held.value()[(int) (long) pair._2()]).keys();
      training = all.filter(pair -> !held.value()[(int) (long) pair._2()]).keys().zipWithIndex();
    } else if (indicator >= 0) {
      validation = all.keys().filter(Example::held);
      training = all.keys().filter(e -> !e.held()).zipWithIndex();
    } else {
      validation = spark.emptyRDD();
      training = all;
    }
    training = training.persist(StorageLevel.MEMORY_AND_DISK());
    validation = validation.persist(StorageLevel.MEMORY_AND_DISK());
    long trainingCount = training.count();
    long validationCount = validation.count();
    if (trainingCount == 0) {
      throw new NetcSparkException(
          "NetcEstimator: no training rows ("
              + total
              + " rows, "
              + validationCount
              + " of them for validation)");
    }
    require(trainingCount <= Integer.MAX_VALUE, "at most 2^31-1 training rows");
    int patienceValue = integer(patience);
    if (patienceValue > 0 && validationCount == 0) {
      throw new NetcSparkException(
          "NetcEstimator: early stopping (setPatience) needs validation"
              + " rows: set setValidationFraction(...) or setValidationIndicatorCol(...)");
    }
    TrainingSettings settings =
        new TrainingSettings(
            integer(epochs),
            integer(batchSize),
            reductionOf(text(reduction)),
            isDefined(seed) ? (Long) getOrDefault(seed) : null,
            integer(chunkSize),
            integer(localSteps),
            patienceValue);
    DistributedTraining run =
        text(mode).equals("average")
            ? new ParameterAveraging(
                spark,
                net,
                settings,
                training.keys(),
                trainingCount,
                validation,
                validationCount,
                classifier,
                listeners)
            : new GradientSteps(
                spark,
                net,
                settings,
                training,
                trainingCount,
                validation,
                validationCount,
                classifier,
                listeners);
    TrainingResult result;
    try {
      result =
          run.schedule(schedule)
              .checkpoints(
                  dataset.sparkSession(),
                  isDefined(checkpointPath) ? text(checkpointPath) : null,
                  integer(checkpointInterval),
                  isDefined(resumeFrom) ? text(resumeFrom) : null)
              .run();
    } finally {
      training.unpersist(false);
      validation.unpersist(false);
      all.unpersist(false);
    }
    return model(net, label.classNames(), result, raw != null ? prep : null);
  }

  /**
   * Which of {@code total} rows (by their index in data order) {@link #setValidationFraction} holds
   * out: those at the first {@code round(fraction * n)} positions of {@code Dataset.permutation(n,
   * validationSeed)}.
   */
  private boolean[] heldOutRows(long total, double fraction) {
    require(total <= Integer.MAX_VALUE, "validationFraction needs at most 2^31-1 rows");
    int n = (int) total;
    int[] order = Dataset.permutation(n, (Long) getOrDefault(validationSeed));
    boolean[] held = new boolean[n];
    for (int p = 0; p < Math.round(fraction * n); p++) {
      held[order[p]] = true;
    }
    return held;
  }

  /** Without a preprocessing given, the raw columns to fit one on must be named. */
  private void requireInputColumns() {
    if (getOrDefault(inputCols).length == 0) {
      throw new NetcSparkException(
          "NetcEstimator: setInputCols() names no columns, and there is no preprocessing"
              + " (setPreprocessor) whose columns they would be; name the raw input columns, in"
              + " input order, for fit to fit their preprocessing");
    }
  }

  /** The rows whose validation indicator (if set) is not true. */
  private org.apache.spark.sql.Dataset<Row> withoutValidationRows(
      org.apache.spark.sql.Dataset<Row> data) {
    if (!isDefined(validationIndicatorCol)
        || !Arrays.asList(data.columns()).contains(text(validationIndicatorCol))
        || !data.schema()
            .apply(text(validationIndicatorCol))
            .dataType()
            .equals(DataTypes.BooleanType)) {
      return data;
    }
    return data.filter(
        functions.not(
            functions.coalesce(
                ColumnScoring.column(text(validationIndicatorCol)), functions.lit(false))));
  }

  private RawColumns rawColumns(StructType schema, CompiledNetwork net, Preprocessor preprocessor) {
    if (preprocessor == null) {
      throw new NetcSparkException(
          "NetcEstimator: raw input columns (setInputCols) need the"
              + " preprocessing that encodes them: setPreprocessor(Preprocessor.fit(sample, options)),"
              + " or the one of a netc weight file");
    }
    if (preprocessor.width() != net.inputSize()) {
      throw new NetcSparkException(
          "NetcEstimator: the preprocessing encodes "
              + preprocessor.width()
              + " inputs "
              + preprocessor.featureNames()
              + ", but "
              + net.spec().name()
              + " has "
              + net.inputSize()
              + " inputs");
    }
    return RawColumns.of(
        preprocessor, schema, Arrays.asList(getOrDefault(inputCols)), "NetcEstimator");
  }

  /** Reads estimators saved with {@code write()}. */
  public static MLReader<NetcEstimator> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads an estimator saved with {@code write().save(path)}. */
  public static NetcEstimator load(String path) {
    return read().load(path);
  }

  @Override
  public NetcEstimator copy(ParamMap extra) {
    NetcEstimator copied = new NetcEstimator(uid);
    copied.listeners.addAll(listeners);
    copied.schedule = schedule;
    copied.preprocessor = preprocessor;
    return copyValues(copied, extra);
  }
}
