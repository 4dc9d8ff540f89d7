package dev.netc.spark;

import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.TrainingResult;
import dev.netc.runtime.weights.WeightFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A trained netc network as a Spark ML {@link org.apache.spark.ml.Transformer}: scores the rows of
 * a DataFrame with the generated class.
 *
 * <pre>{@code
 * NetcModel model = NetcModel.fromWeights(spark, "com.acme.ml.IrisNet", "hdfs:///models/iris.json");
 * Dataset<Row> scored = model.setFeaturesCol("features").transform(table);
 * }</pre>
 *
 * <p>The input is a {@link org.apache.spark.ml.linalg.Vector} column ({@link #setFeaturesCol}); the
 * feature scaling saved with the weights is applied first, as {@code netc predict} does. A model
 * whose weight file carries the preprocessing of raw rows reads raw columns instead with {@link
 * #setInputCols} (categorical values, missing values). A classifier (a network with the {@code
 * cross_entropy} loss) adds the class index as a double ({@link #setPredictionCol}, default {@code
 * prediction}), the network's outputs as a Vector ({@link #setProbabilityCol}, default {@code
 * probability}) and, when the model knows class names, the predicted name ({@link
 * #setPredictedLabelCol}, default {@code predictedLabel}). Any other network adds its output
 * ({@link #setOutputCol}, default {@code prediction}): a double for one output, a Vector for
 * several.
 *
 * <p>The parameters are broadcast once per model. The new columns are column expressions (SQL
 * functions of the input column), so Spark copies no input column and evaluates only what a query
 * reads; each task creates one instance of the generated class and scores its rows with it, reusing
 * its input and output arrays. {@code setProbabilityCol("")} leaves the outputs Vector out. Saved
 * with {@link #write()} (Spark ML metadata plus a netc weight file, {@code weights.json}), loaded
 * with {@link #load(String)}, also as a stage of a saved {@code PipelineModel}.
 */
public final class NetcModel extends Model<NetcModel> implements MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> network;
  private final Param<String> featuresCol;
  private final Param<String> predictionCol;
  private final Param<String> probabilityCol;
  private final Param<String> predictedLabelCol;
  private final Param<String> outputCol;
  private final StringArrayParam inputCols;

  private final NetworkSnapshot parameters;
  private final List<String> classNames;
  private final List<String> featureNames;
  private final Scaler scaler;
  private final Preprocessor preprocessor;
  private final transient TrainingResult trainingResult;
  private transient Broadcast<NetworkSnapshot> broadcast;

  NetcModel(
      String uid,
      NetworkSnapshot parameters,
      List<String> classNames,
      List<String> featureNames,
      Scaler scaler,
      Preprocessor preprocessor,
      TrainingResult trainingResult) {
    this.uid = uid;
    this.parameters = parameters;
    this.classNames = List.copyOf(classNames);
    this.featureNames = List.copyOf(featureNames);
    this.scaler = scaler;
    this.preprocessor = preprocessor;
    this.trainingResult = trainingResult;
    network = new Param<>(this, "network", "qualified name of the generated network class");
    featuresCol = new Param<>(this, "featuresCol", "the Vector column of the network's input");
    predictionCol = new Param<>(this, "predictionCol", "the predicted class index (classifiers)");
    probabilityCol = new Param<>(this, "probabilityCol", "the network's outputs (classifiers)");
    predictedLabelCol =
        new Param<>(
            this,
            "predictedLabelCol",
            "the predicted class name (classifiers that know class names)");
    outputCol = new Param<>(this, "outputCol", "the network's output (regression networks)");
    inputCols =
        new StringArrayParam(
            this,
            "inputCols",
            "raw input columns, encoded by the"
                + " preprocessing saved with the weights (empty: the preprocessing's own column names)");
    set(network, parameters.className());
    setDefault(featuresCol, "features");
    setDefault(predictionCol, "prediction");
    setDefault(probabilityCol, "probability");
    setDefault(predictedLabelCol, "predictedLabel");
    setDefault(outputCol, "prediction");
  }

  /**
   * A model of the generated class {@code className} with the parameters, class names and feature
   * scaling of a netc weight file (as written by {@code netc train}); {@code weightFile} is a path
   * on any file system Spark reads (local, {@code hdfs://}, ...).
   *
   * @throws NetcSparkException if the class is not on the class path or the file does not fit it
   */
  public static NetcModel fromWeights(SparkSession spark, String className, String weightFile) {
    CompiledNetwork net = NetworkClasses.instantiate(className);
    WeightFile weights = HadoopFiles.readWeights(spark, weightFile);
    try {
      weights.applyTo(net, weightFile);
    } catch (RuntimeException e) {
      throw new NetcSparkException(e.getMessage(), e);
    }
    return new NetcModel(
        Identifiable$.MODULE$.randomUID("netcModel"),
        NetworkSnapshot.capture(net, false),
        weights.classNames(),
        weights.featureNames(),
        weights.scaler().orElse(null),
        weights.preprocessor().orElse(null),
        null);
  }

  @Override
  public String uid() {
    return uid;
  }

  /** Qualified name of the generated class (read only: the parameters belong to it). */
  public Param<String> network() {
    return network;
  }

  /** The Vector column of the network's input (default {@code features}). */
  public Param<String> featuresCol() {
    return featuresCol;
  }

  /** The predicted class index column of a classifier (default {@code prediction}). */
  public Param<String> predictionCol() {
    return predictionCol;
  }

  /** The outputs column of a classifier (default {@code probability}). */
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  /**
   * The predicted class name column of a classifier with class names (default {@code
   * predictedLabel}).
   */
  public Param<String> predictedLabelCol() {
    return predictedLabelCol;
  }

  /** The output column of a regression network (default {@code prediction}). */
  public Param<String> outputCol() {
    return outputCol;
  }

  /**
   * Raw input columns (numbers, text, categories, missing values) to encode with the preprocessing
   * saved with the weights instead of reading a Vector column.
   */
  public StringArrayParam inputCols() {
    return inputCols;
  }

  /**
   * Reads the input from raw columns, encoded by the preprocessing saved in the weight file (by
   * {@code netc} from a raw table): categorical values one-hot, missing values (null, NaN, empty,
   * {@code NA}, ...) imputed, scaling applied, exactly as there. The columns are found by the names
   * the preprocessing knows; {@code columns}, if given, must include them all. Values of any type
   * are read as their text.
   */
  public NetcModel setInputCols(String... columns) {
    set(inputCols, columns.clone());
    return this;
  }

  /** The preprocessing of raw rows saved with the weights, if any. */
  public Optional<Preprocessor> preprocessor() {
    return Optional.ofNullable(preprocessor);
  }

  /** Sets the Vector column of the network's input. */
  public NetcModel setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  /** Sets the predicted class index column (classifiers). */
  public NetcModel setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  /**
   * Sets the outputs column (classifiers); the empty name leaves it out, so that scoring builds no
   * Vector per row when only the prediction is wanted.
   */
  public NetcModel setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  /** Sets the predicted class name column (classifiers with class names). */
  public NetcModel setPredictedLabelCol(String value) {
    set(predictedLabelCol, value);
    return this;
  }

  /** Sets the output column (regression networks). */
  public NetcModel setOutputCol(String value) {
    set(outputCol, value);
    return this;
  }

  /** The qualified name of the generated class. */
  public String getNetwork() {
    return parameters.className();
  }

  /** The class names, in the order of the outputs; empty if the model has none. */
  public List<String> classNames() {
    return classNames;
  }

  /** The feature names the model was trained with (may be empty). */
  public List<String> featureNames() {
    return featureNames;
  }

  /** True for a network with the {@code cross_entropy} loss: a class per output. */
  public boolean isClassifier() {
    return "cross_entropy".equals(newNetwork().spec().loss());
  }

  /** What training did, epoch by epoch, when this model came from {@link NetcEstimator#fit}. */
  public Optional<TrainingResult> trainingResult() {
    return Optional.ofNullable(trainingResult);
  }

  /** A new instance of the generated class holding this model's parameters (for local use). */
  public CompiledNetwork newNetwork() {
    return parameters.newNetwork();
  }

  /** This model as a netc weight file (parameters, class and feature names, scaling). */
  public WeightFile toWeightFile() {
    return preprocessor != null
        ? WeightFile.capture(newNetwork(), preprocessor)
        : WeightFile.capture(newNetwork(), classNames, featureNames, scaler);
  }

  NetworkSnapshot parameters() {
    return parameters;
  }

  /** The input of this model read from {@code column}, with the model's scaling. */
  FeatureColumn featureColumn(String column) {
    CompiledNetwork net = newNetwork();
    return new FeatureColumn(column, net.inputSize(), net.spec().name(), scaler);
  }

  private String value(Param<String> param) {
    return getOrDefault(param);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    CompiledNetwork net = newNetwork();
    if (isDefined(inputCols)) {
      raw(schema);
    } else {
      feature(net).check(schema, "NetcModel");
    }
    return outputSchema(schema, net);
  }

  /** {@code schema} with the columns this model adds (an error if one is there already). */
  StructType outputSchema(StructType schema, CompiledNetwork net) {
    List<StructField> added = new ArrayList<>();
    if ("cross_entropy".equals(net.spec().loss())) {
      added.add(DataTypes.createStructField(value(predictionCol), DataTypes.DoubleType, false));
      if (!value(probabilityCol).isEmpty()) {
        added.add(
            DataTypes.createStructField(value(probabilityCol), SQLDataTypes.VectorType(), false));
      }
      if (!classNames.isEmpty()) {
        added.add(
            DataTypes.createStructField(value(predictedLabelCol), DataTypes.StringType, false));
      }
    } else {
      added.add(
          DataTypes.createStructField(
              value(outputCol),
              net.outputSize() == 1 ? DataTypes.DoubleType : SQLDataTypes.VectorType(),
              false));
    }
    StructType result = schema;
    for (StructField field : added) {
      if (Arrays.asList(schema.fieldNames()).contains(field.name())) {
        throw new NetcSparkException(
            "NetcModel: the output column '"
                + field.name()
                + "' is"
                + " already in the data; choose another name with the matching set...Col(...)");
      }
      result = result.add(field);
    }
    return result;
  }

  private RawColumns raw(StructType schema) {
    if (preprocessor == null) {
      throw new NetcSparkException(
          "NetcModel: raw input columns (setInputCols) need the"
              + " preprocessing saved with the weights by netc from a raw table, and this model has"
              + " none; assemble the numeric columns into a Vector (VectorAssembler) and use"
              + " setFeaturesCol");
    }
    return RawColumns.of(preprocessor, schema, Arrays.asList(getOrDefault(inputCols)), "NetcModel");
  }

  private FeatureColumn feature(CompiledNetwork net) {
    return new FeatureColumn(value(featuresCol), net.inputSize(), net.spec().name(), scaler);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    CompiledNetwork net = newNetwork();
    boolean rawInput = isDefined(inputCols);
    FeatureColumn features = null;
    if (!rawInput) {
      features = feature(net);
      features.check(dataset.schema(), "NetcModel");
    }
    return ColumnScoring.score(
        dataset.toDF(),
        broadcast(dataset.sparkSession()),
        net.outputSize(),
        features,
        rawInput ? raw(dataset.schema()) : null,
        "cross_entropy".equals(net.spec().loss()),
        classNames.toArray(new String[0]),
        value(predictionCol),
        value(probabilityCol),
        value(predictedLabelCol),
        value(outputCol));
  }

  private synchronized Broadcast<NetworkSnapshot> broadcast(SparkSession spark) {
    if (broadcast == null) {
      broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(parameters);
    }
    return broadcast;
  }

  @Override
  public NetcModel copy(ParamMap extra) {
    NetcModel copied =
        new NetcModel(
            uid, parameters, classNames, featureNames, scaler, preprocessor, trainingResult);
    return copyValues(copied, extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  /** Reads models saved with {@link #write()}. */
  public static MLReader<NetcModel> read() {
    return new Reader();
  }

  /** Loads a model saved with {@code write().save(path)}. */
  public static NetcModel load(String path) {
    return read().load(path);
  }

  private static final class Writer extends MLWriter {
    private final NetcModel model;

    Writer(NetcModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter.saveMetadata(model, path, sparkSession());
      HadoopFiles.writeText(sparkSession(), path + "/weights.json", model.toWeightFile().toJson());
    }
  }

  private static final class Reader extends MLReader<NetcModel> {
    @Override
    public NetcModel load(String path) {
      DefaultParamsReader.Metadata metadata =
          DefaultParamsReader.loadMetadata(path, sparkSession(), NetcModel.class.getName());
      String className = metadata.getParamValue("network").values().toString();
      NetcModel weights = fromWeights(sparkSession(), className, path + "/weights.json");
      NetcModel model =
          new NetcModel(
              metadata.uid(),
              weights.parameters,
              weights.classNames,
              weights.featureNames,
              weights.scaler,
              weights.preprocessor,
              null);
      metadata.getAndSetParams(model, metadata.getAndSetParams$default$2());
      return model;
    }
  }
}
