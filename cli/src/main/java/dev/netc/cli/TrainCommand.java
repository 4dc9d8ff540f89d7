package dev.netc.cli;

import dev.netc.cli.report.CurvePoint;
import dev.netc.cli.report.HtmlReport;
import dev.netc.cli.report.ReportData;
import dev.netc.grammar.print.SourceRewriter;
import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.RawTable;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.metrics.ClassificationMetrics;
import dev.netc.runtime.metrics.Evaluator;
import dev.netc.runtime.metrics.Metrics;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.NetworkSpec;
import dev.netc.runtime.train.EpochStats;
import dev.netc.runtime.train.TrainingListener;
import dev.netc.runtime.train.TrainingPlan;
import dev.netc.runtime.train.TrainingResult;
import dev.netc.runtime.weights.WeightFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code netc train FILE.nn --data TRAIN.csv ...}: compiles the network in process, trains it with
 * the runtime's trainer, prints the final metrics and writes the weight file.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compiles the network in process (no build step), trains it on a data file, prints the final"
          + " metrics (on the test split or file if one is given, else on the training data) and"
          + " writes the weight file.",
      "The initial parameters come from the file's init (and its seed); --seed seeds the"
          + " shuffling, the splits and the dropout masks. With --no-shuffle --epochs 1 --batch 1 the examples are used once,"
          + " in file order, as in the worked examples of the notes."
    })
final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Option(
      names = "--data",
      paramLabel = "TRAIN.csv",
      required = true,
      description =
          "Training examples: CSV (a header row, then one example per row), ARFF,"
              + " LibSVM or IDX images (see --format).")
  Path data;

  @Mixin DataOptions columns;

  @Mixin FormatOption format;

  @Mixin TrainingOptions options;

  @Mixin TableOptions table;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  TestData test;

  static final class TestData {
    @Option(
        names = "--test",
        paramLabel = "TEST.csv",
        description =
            "Test examples (a file of the format of --data, or see --format): the"
                + " final metrics are measured on them.")
    Path file;

    @Option(
        names = "--test-fraction",
        paramLabel = "F",
        description =
            "Hold out this fraction of --data as a test split (stratified by class,"
                + " chosen from --seed): the final metrics are measured on it.")
    Double fraction;
  }

  @Option(
      names = "--test-labels",
      paramLabel = "FILE",
      description =
          "The labels of IDX test images given with --test (default: the file named"
              + " like them with images-idx3 replaced by labels-idx1).")
  Path testLabels;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description = "Save a checkpoint to FILE every --every epochs, to --resume from.")
  Path checkpoint;

  @Option(
      names = "--every",
      paramLabel = "N",
      description = "Epochs between checkpoints (default: 1).")
  Integer every;

  @Option(
      names = "--resume",
      paramLabel = "FILE",
      description = "Continue the run saved in this checkpoint (same data and options).")
  Path resume;

  @Option(
      names = "--out",
      paramLabel = "MODEL.json",
      description = "The weight file to write (default: NAME.weights.json, NAME the network's).")
  Path out;

  @Option(
      names = "--out-nn",
      paramLabel = "TRAINED.nn",
      description =
          "Also write the .nn file with the trained weights and biases as explicit layer"
              + " bodies (its name, package, optimizer and comments kept): its class starts from the"
              + " trained parameters, with no weight file.")
  Path outNn;

  @Option(
      names = "--report",
      paramLabel = "REPORT.html",
      description =
          "Also write a self-contained HTML report: network, training curves,"
              + " confusion matrix, decision regions for two inputs.")
  Path report;

  @Override
  public Integer call() {
    checkOptions();
    checkFormats();
    PrintWriter out = spec.commandLine().getOut();
    LoadedNetwork loaded = network.load(spec.commandLine().getErr());
    CompiledNetwork net = loaded.newInstance();
    NetworkSpec netSpec = net.spec();
    if (options.rate != null) {
      net.setLearningRate(options.rate);
    }

    Prepared prepared = prepare(netSpec, out);
    Dataset training = prepared.training();
    Dataset rawTraining = prepared.rawTraining();
    Scaler scaler = prepared.scaler();
    Optional<Dataset> testSet = prepared.test();

    List<CurvePoint> curve = new ArrayList<>();
    Dataset trainingData = training;
    Optional<Dataset> validationData = prepared.validation();
    boolean trainAccuracy = report != null && training.isClassification();
    TrainingResult result;
    try (TrainingProgress progress = TrainingProgress.start(out, TrainingProgress.isTerminal())) {
      TrainingListener listener =
          new TrainingListener() {
            @Override
            public void onStart(TrainingPlan plan) {
              progress.begin(plan);
            }

            @Override
            public void onStep(int epoch, int step, int stepsPerEpoch, double runningLoss) {
              progress.step(epoch, step, stepsPerEpoch, runningLoss);
            }

            @Override
            public void onEpoch(EpochStats stats) {
              double accuracy =
                  trainAccuracy
                      ? Evaluator.classification(net, trainingData).accuracy()
                      : Double.NaN;
              curve.add(
                  new CurvePoint(
                      stats.epoch(),
                      stats.trainingLoss(),
                      accuracy,
                      stats.validationLoss(),
                      stats.validationAccuracy()));
              progress.epoch(stats);
            }
          };
      result = Training.run(net, trainingData, validationData, settings(), listener);
    }

    Dataset measured = testSet.orElse(training);
    String title =
        testSet.isPresent()
            ? prepared.testTitle()
            : "training data ("
                + Diagnostics.plural(training.size(), "example")
                + "; give --test or --test-fraction to measure on held-out data)";
    Metrics metrics = Evaluator.evaluate(net, measured);
    out.println();
    out.println(
        "trained "
            + netSpec.name()
            + " ("
            + netSpec.topology()
            + ", "
            + Formats.count(netSpec.parameterCount())
            + " parameters) for "
            + Diagnostics.plural(result.epochs(), "epoch")
            + " on "
            + Diagnostics.plural(training.size(), "example")
            + " in "
            + String.format(Locale.ROOT, "%.1f s", result.elapsed().toMillis() / 1000.0));
    if (result.stop() == TrainingResult.Stop.EARLY_STOPPED) {
      out.println(
          "stopped early: the validation loss last improved in epoch "
              + result.bestEpoch()
              + " (--patience "
              + options.patience
              + "), whose parameters it"
              + " keeps");
    } else if (options.patience != null) {
      out.println(
          "kept the parameters of epoch " + result.bestEpoch() + ", the lowest validation loss");
    }
    String metricsText = MetricsPrinter.text(netSpec.name() + " on the " + title + ":", metrics);
    out.print(metricsText);

    Path weightsFile = this.out != null ? this.out : Path.of(netSpec.name() + ".weights.json");
    WeightFile weights =
        prepared.preprocessor() != null
            ? WeightFile.capture(net, prepared.preprocessor())
            : WeightFile.capture(net, rawTraining, scaler);
    try {
      weights.write(weightsFile);
    } catch (IOException e) {
      throw InputFiles.ioFailure(weightsFile, "weight file", e);
    }
    out.println("wrote the weights to " + weightsFile);
    if (outNn != null) {
      String text =
          SourceRewriter.withParameters(
              InputFiles.readSource(network.file), TrainedParameters.of(loaded.model(), net));
      InputFiles.writeText(outNn, text, "trained network file");
      boolean categories =
          prepared.preprocessor() != null
              && prepared.preprocessor().columns().stream()
                  .anyMatch(c -> c.type() == Preprocessor.ColumnType.CATEGORICAL);
      out.println(
          "wrote the trained network to "
              + outNn
              + (categories
                  ? " (the encoding of the categorical columns"
                      + (scaler == null ? "" : " and the feature scaling")
                      + " is in "
                      + weightsFile
                      + ": give it to eval and predict with --weights, or encode the inputs yourself)"
                  : scaler == null
                      ? ""
                      : " (the feature scaling is in "
                          + weightsFile
                          + ": give it to"
                          + " eval and predict with --weights, or scale the inputs yourself)"));
    }

    if (report != null) {
      ReportData reportData =
          new ReportData(
              netSpec,
              network.file.toString(),
              settingsText(prepared.preprocessor()),
              curve,
              title,
              metricsText,
              metrics instanceof ClassificationMetrics c
                  ? Optional.of(new ReportData.Confusion(c.classNames(), c.confusion()))
                  : Optional.empty(),
              regions(net, rawTraining, scaler));
      InputFiles.writeText(report, HtmlReport.render(reportData), "report");
      out.println("wrote the report to " + report);
    }
    out.flush();
    return ExitCode.OK;
  }

  /**
   * The data of a run.
   *
   * @param training the examples to train on, scaled
   * @param rawTraining the same, unscaled
   * @param validation validation examples (scaled), from {@code --validate}
   * @param test test examples (scaled), from {@code --test} or {@code --test-fraction}
   * @param testTitle what the test examples are, for the output
   * @param scaler the scaling fitted on the training examples, or null
   * @param preprocessor the encoding of a CSV table's rows (with the scaling), or null
   */
  private record Prepared(
      Dataset training,
      Dataset rawTraining,
      Optional<Dataset> validation,
      Optional<Dataset> test,
      String testTitle,
      Scaler scaler,
      Preprocessor preprocessor) {

    Prepared(Training.Prepared run, String testTitle, Preprocessor preprocessor) {
      this(
          run.training(),
          run.rawTraining(),
          run.validation(),
          run.test(),
          testTitle,
          run.scaler(),
          preprocessor == null ? null : preprocessor.withScaler(run.scaler()));
    }
  }

  /** Loads the data, splits off the test and validation parts, fits and applies the scaling. */
  private Prepared prepare(NetworkSpec netSpec, PrintWriter out) {
    if (format.of(data) == DataFormat.CSV) {
      return prepareTable(netSpec, out);
    }
    Dataset all = load(data, "data file", columns.labels, "--labels", netSpec, null);
    DataFit.check(all, netSpec);
    Dataset training = all;
    Optional<Dataset> testSet = Optional.empty();
    String testTitle = null;
    if (test != null && test.fraction != null) {
      Dataset.Split split = all.split(test.fraction, options.seed, true);
      training = split.train();
      testSet = Optional.of(split.test());
      testTitle = splitTitle(split.test().size(), all.isClassification());
    } else if (test != null && test.file != null) {
      Dataset file =
          load(
              test.file,
              "test file",
              testLabels,
              "--test-labels",
              netSpec,
              all.isClassification() ? all.classNames() : null);
      DataFit.check(file, netSpec);
      testSet = Optional.of(file);
      testTitle = fileTitle(file.size());
    }
    return new Prepared(Training.prepare(training, testSet, options), testTitle, null);
  }

  /**
   * The CSV path: the raw table's rows are split, the encoding ({@link Preprocessor}) is fitted on
   * the training rows only and applied to every part.
   */
  private Prepared prepareTable(NetworkSpec netSpec, PrintWriter out) {
    RawTable rows = Tabular.read(data, "data file");
    Preprocessor.Options encoding = columns.preprocessing(rows.header(), table.categorical);
    TableOptions.Missing missing = table.missing();
    List<String> ignored = columns.ignoredNames(rows.header());
    rows = Tabular.missing(rows, missing, ignored, out);
    RawTable trainRows = rows;
    Optional<RawTable> testRows = Optional.empty();
    String testTitle = null;
    if (test != null && test.fraction != null) {
      Dataset labels = Preprocessor.fit(rows, encoding).encode(rows).data();
      Dataset.IndexSplit split = labels.splitIndices(test.fraction, options.seed, true);
      trainRows = rows.select(split.train());
      testRows = Optional.of(rows.select(split.test()));
      testTitle = splitTitle(split.test().length, labels.isClassification());
    } else if (test != null && test.file != null) {
      RawTable file = Tabular.missing(Tabular.read(test.file, "test file"), missing, ignored, out);
      testRows = Optional.of(file);
      testTitle = fileTitle(file.size());
    }
    Preprocessor preprocessor = Preprocessor.fit(trainRows, encoding);
    options.checkClassWeights(data.toString(), preprocessor.label().isPresent());
    DataFit.checkEncoded(preprocessor, data.toString(), netSpec);
    Dataset encoded = preprocessor.encode(trainRows).data();
    DataFit.check(encoded, netSpec);
    Optional<Dataset> testSet = testRows.map(t -> Tabular.encode(preprocessor, t, out));
    if (testSet.isPresent() && !testSet.get().hasTargets()) {
      throw CommandFailure.input(
          test.file
              + " has no "
              + labelColumns(preprocessor)
              + "; a test file needs the same label or target columns as "
              + data);
    }
    return new Prepared(Training.prepare(encoded, testSet, options), testTitle, preprocessor);
  }

  private static String labelColumns(Preprocessor preprocessor) {
    return preprocessor
        .label()
        .map(label -> "label column '" + label + "'")
        .orElse("target columns " + String.join(", ", preprocessor.targets()));
  }

  private String splitTitle(int size, boolean stratified) {
    return "test split ("
        + Diagnostics.plural(size, "example")
        + ", "
        + Formats.percent(test.fraction).replace(".00%", "%")
        + " of "
        + data
        + (stratified ? ", stratified" : "")
        + ", seed "
        + options.seed
        + ")";
  }

  private String fileTitle(int size) {
    return "test file " + test.file + " (" + Diagnostics.plural(size, "example") + ")";
  }

  /**
   * Loads {@code file} in its format; {@code classes} (or null) are the classes of the training
   * data, which a test file must use in the same order.
   */
  private Dataset load(
      Path file,
      String what,
      Path idxLabels,
      String labelsFlag,
      NetworkSpec netSpec,
      List<String> classes) {
    DataFormat chosen = format.of(file);
    if (chosen == DataFormat.CSV) {
      CsvLoader loader = columns.loader();
      if (classes != null) {
        loader.classNames(classes);
      }
      return DataOptions.load(loader, file, what);
    }
    Path labels =
        chosen == DataFormat.IDX ? DataFormat.idxLabels(file, idxLabels, labelsFlag) : null;
    boolean regression = chosen == DataFormat.LIBSVM && netSpec.outputSize() == 1;
    return chosen.load(file, what, labels, netSpec.inputSize(), regression, classes);
  }

  /** Usage errors (exit 2) for flags that do not fit the formats of --data and --test. */
  private void checkFormats() {
    DataFormat dataFormat = format.of(data);
    columns.checkFormat(dataFormat, format.describe(data, dataFormat), spec.commandLine());
    table.checkFormat(dataFormat, format.describe(data, dataFormat), spec.commandLine());
    if (dataFormat == DataFormat.CSV
        && test != null
        && test.file != null
        && format.of(test.file) != DataFormat.CSV) {
      throw new ParameterException(
          spec.commandLine(),
          "--test "
              + test.file
              + " must be a CSV"
              + " table like --data "
              + data
              + " ("
              + format.describe(test.file, format.of(test.file))
              + ")");
    }
    if (test != null && test.file != null) {
      DataFormat testFormat = format.of(test.file);
      columns.checkFormat(testFormat, format.describe(test.file, testFormat), spec.commandLine());
      if (testLabels != null && testFormat != DataFormat.IDX) {
        throw new ParameterException(
            spec.commandLine(),
            "--test-labels is the labels file of"
                + " IDX images, but "
                + format.describe(test.file, testFormat)
                + "; leave --test-labels out");
      }
    } else if (testLabels != null) {
      throw new ParameterException(
          spec.commandLine(), "--test-labels needs IDX test images: give them with --test FILE");
    }
  }

  private void checkOptions() {
    options.check();
    table.missing();
    if (every != null) {
      TrainingOptions.positive("--every", every);
      if (checkpoint == null) {
        throw CommandFailure.input(
            "--every " + every + ": checkpoints need a file; add --checkpoint FILE");
      }
    }
    if (test != null) {
      TrainingOptions.fraction("--test-fraction", test.fraction);
    }
    if (resume != null) {
      InputFiles.checkReadable(resume, "checkpoint");
    }
  }

  private Training.Settings settings() {
    return Training.Settings.of(options)
        .withCheckpoints(
            Optional.ofNullable(checkpoint),
            every == null ? 1 : every,
            Optional.ofNullable(resume));
  }

  private List<String> settingsText(Preprocessor preprocessor) {
    List<String> lines = new ArrayList<>();
    lines.add("data: " + data);
    if (preprocessor != null) {
      lines.add(
          "inputs: "
              + preprocessor.width()
              + " ("
              + String.join(", ", preprocessor.featureNames())
              + ")");
      if (!table.missing.equals("impute")) {
        lines.add("missing values: " + table.missing);
      }
    }
    lines.addAll(options.describe());
    return lines;
  }

  /**
   * The decision regions of a classifier of two inputs: one output per class, or one sigmoid output
   * trained on 0/1 targets (class 1 where the output is at least 0.5).
   */
  private static Optional<ReportData.DecisionRegions> regions(
      CompiledNetwork net, Dataset rawTraining, Scaler scaler) {
    if (net.inputSize() != 2) {
      return Optional.empty();
    }
    boolean binary =
        !rawTraining.isClassification()
            && net.outputSize() == 1
            && "sigmoid"
                .equals(net.spec().layers().get(net.spec().layers().size() - 1).activation())
            && Arrays.stream(rawTraining.targets()).allMatch(t -> t[0] == 0 || t[0] == 1);
    if (!rawTraining.isClassification() && !binary) {
      return Optional.empty();
    }
    double[] point = new double[2];
    double[] output = new double[net.outputSize()];
    ReportData.Classifier classifier =
        (x1, x2) -> {
          point[0] = x1;
          point[1] = x2;
          if (scaler != null) {
            scaler.applyInPlace(point);
          }
          if (binary) {
            net.predict(point, output);
            return output[0] >= 0.5 ? 1 : 0;
          }
          return net.classify(point);
        };
    int[] labels =
        binary
            ? Arrays.stream(rawTraining.targets()).mapToInt(t -> (int) t[0]).toArray()
            : rawTraining.labels();
    List<String> classes = binary ? List.of("0", "1") : rawTraining.classNames();
    return Optional.of(
        new ReportData.DecisionRegions(
            rawTraining.featureNames(), classes, classifier, rawTraining.features(), labels));
  }
}
