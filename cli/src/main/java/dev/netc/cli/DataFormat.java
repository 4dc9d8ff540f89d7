package dev.netc.cli;

import dev.netc.runtime.data.ArffLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.IdxLoader;
import dev.netc.runtime.data.LibSvmLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The formats {@code --data} and {@code --test} read, chosen by the file name unless {@code
 * --format} says otherwise: {@code .arff} is ARFF, {@code .libsvm} and {@code .svm} are LibSVM, a
 * name containing {@code idx3-ubyte} (gzip-compressed or not) is IDX images, everything else is
 * CSV. Loading of the formats other than CSV (whose columns {@link DataOptions} chooses) is here.
 */
enum DataFormat {
  CSV,
  IDX,
  LIBSVM,
  ARFF;

  /** The name of the format as {@code --format} takes it. */
  String flag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format of {@code file}: {@code flag} (the value of {@code --format}) if given, else from
   * the file name.
   */
  static DataFormat of(Path file, String flag) {
    if (flag != null) {
      for (DataFormat format : values()) {
        if (format.flag().equals(flag.toLowerCase(Locale.ROOT))) {
          return format;
        }
      }
      throw CommandFailure.input("--format " + flag + ": expected csv, idx, libsvm or arff");
    }
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".arff")) {
      return ARFF;
    }
    if (name.endsWith(".libsvm") || name.endsWith(".svm")) {
      return LIBSVM;
    }
    if (name.contains("idx3-ubyte")) {
      return IDX;
    }
    return CSV;
  }

  /** How the format was chosen, for messages. */
  static String how(String flag) {
    return flag != null ? "(--format " + flag + ")" : "(by its name; --format chooses another)";
  }

  /**
   * The labels file of the IDX images {@code images}: {@code given} if not null, else the file
   * named like {@code images} with {@code images-idx3} replaced by {@code labels-idx1}. Fails
   * naming what is missing and the flag that gives it.
   */
  static Path idxLabels(Path images, Path given, String flag) {
    if (given != null) {
      InputFiles.checkReadable(given, "IDX labels file");
      return given;
    }
    String name = images.getFileName().toString();
    if (!name.contains("images-idx3")) {
      throw CommandFailure.input(
          images
              + " holds IDX images without labels; give the labels file"
              + " (an idx1-ubyte file) with "
              + flag
              + " FILE");
    }
    Path labels = images.resolveSibling(name.replace("images-idx3", "labels-idx1"));
    if (!Files.exists(labels)) {
      throw CommandFailure.system(
          "cannot find the labels of the IDX images "
              + images
              + ": "
              + labels
              + " does not exist; put it there or give the labels file with "
              + flag
              + " FILE",
          null);
    }
    InputFiles.checkReadable(labels, "IDX labels file");
    return labels;
  }

  /**
   * Loads labelled examples of this format (not CSV).
   *
   * @param file the file (for IDX the images)
   * @param what what the file is, for the error if it is missing ("data file")
   * @param labels the IDX labels file (IDX only)
   * @param inputs the network's input count: the number of LibSVM features
   * @param regression LibSVM only: the label is one numeric target, not a class
   * @param classes the classes and their order the network was trained with, or null to take those
   *     of the file
   */
  Dataset load(
      Path file, String what, Path labels, int inputs, boolean regression, List<String> classes) {
    InputFiles.checkReadable(file, what);
    switch (this) {
      case ARFF:
        return conform(new ArffLoader().load(file), classes);
      case IDX:
        return conform(IdxLoader.load(file, labels), classes);
      case LIBSVM:
        LibSvmLoader loader = new LibSvmLoader().featureCount(inputs);
        if (regression) {
          loader.regression();
        } else if (classes != null) {
          loader.classNames(classes);
        }
        return loader.load(file);
      default:
        throw new IllegalStateException("CSV is loaded by DataOptions");
    }
  }

  /** The features of a file of this format (not CSV), without targets, for {@code predict}. */
  Dataset features(Path file, int inputs) {
    InputFiles.checkReadable(file, "data file");
    if (this == IDX) {
      double[][] images = IdxLoader.readImages(file);
      return new Dataset(
          file.toString(), images, new double[images.length][0], List.of(), List.of());
    }
    Dataset data =
        switch (this) {
          case ARFF -> new ArffLoader().load(file);
          case LIBSVM -> new LibSvmLoader().featureCount(inputs).regression().load(file);
          default -> throw new IllegalStateException(this + " is loaded elsewhere");
        };
    return new Dataset(
        data.name(), data.features(), new double[data.size()][0], data.featureNames(), List.of());
  }

  /**
   * {@code data} with its labels numbered as in {@code classes} (the classes a network was trained
   * with); a class not among them is an error naming the example.
   */
  private static Dataset conform(Dataset data, List<String> classes) {
    if (classes == null || data.classNames().equals(classes)) {
      return data;
    }
    int[] labels = data.labels();
    for (int i = 0; i < labels.length; i++) {
      String name = data.classNames().get(labels[i]);
      labels[i] = classes.indexOf(name);
      if (labels[i] < 0) {
        throw CommandFailure.input(
            data.name()
                + ", example "
                + (i + 1)
                + ": unknown class '"
                + name
                + "' (the network knows: "
                + String.join(", ", classes)
                + ")");
      }
    }
    return Dataset.classification(
        data.name(), data.features(), labels, classes, data.featureNames());
  }
}
