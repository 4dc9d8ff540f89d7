package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}, {@code eval} and {@code predict} on ARFF, LibSVM and IDX files. */
class DataFormatsTest {
  /** Two inputs, two classes. */
  static final Path TWO_NN = Cli.resource("two.nn");

  /** Eight points in two well separated groups. */
  static final double[][] POINTS = {
    {0.0, 0.1}, {0.2, 0.0}, {0.1, 0.3}, {0.3, 0.2},
    {3.0, 3.1}, {3.2, 2.9}, {2.8, 3.0}, {3.1, 3.3},
  };

  @TempDir Path dir;

  @Test
  void trainAndEvalOnArff() throws IOException {
    StringBuilder arff =
        new StringBuilder(
            "% two groups\n@relation blobs\n"
                + "@attribute x numeric\n@attribute y real\n@attribute group {low, high}\n\n@data\n");
    for (int i = 0; i < POINTS.length; i++) {
      arff.append(POINTS[i][0])
          .append(',')
          .append(POINTS[i][1])
          .append(',')
          .append(i < 4 ? "low" : "high")
          .append('\n');
    }
    Path data = write("blobs.arff", arff.toString());
    Path weights = dir.resolve("blobs.json");

    Cli.Run train = Cli.run("train", TWO_NN, "--data", data, "--epochs", "40", "--out", weights);
    assertEquals(0, train.exitCode(), train::toString);
    assertTrue(
        train
            .out()
            .contains(
                "trained Blobs (2 -> 6 tanh -> 2 softmax, 32 parameters) for"
                    + " 40 epochs on 8 examples"),
        train::toString);
    assertTrue(train.out().contains("accuracy  100.00% (8/8)"), train::toString);

    Cli.Run eval = Cli.run("eval", TWO_NN, "--weights", weights, "--data", data);
    assertEquals(0, eval.exitCode(), eval::toString);
    assertTrue(eval.out().startsWith("Blobs on " + data + " (8 examples):"), eval::toString);
    assertTrue(eval.out().contains("accuracy  100.00% (8/8)"), eval::toString);
    assertTrue(eval.out().contains("low "), "the ARFF header's class names: " + eval);

    Cli.Run predict = Cli.run("predict", TWO_NN, "--weights", weights, "--data", data);
    assertEquals(0, predict.exitCode(), predict::toString);
    assertTrue(predict.out().startsWith("row,class,p_low,p_high\n1,low,"), predict::toString);
    assertTrue(predict.out().contains("\n8,high,"), predict::toString);
  }

  @Test
  void arffErrorsNameTheLineAndColumn() throws IOException {
    Path data =
        write(
            "bad.arff",
            "@relation r\n@attribute x numeric\n@attribute y numeric\n"
                + "@attribute c {a, b}\n@data\n0,1,a\n1,abc,b\n");
    Cli.Run run = Cli.run("train", TWO_NN, "--data", data);
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(
        "netc: " + data + ", line 7, column 2 (y): expected a number, got \"abc\"\n", run.err());

    Cli.Run label = Cli.run("train", TWO_NN, "--data", data, "--label", "c");
    assertEquals(2, label.exitCode(), label::toString);
    assertTrue(
        label
            .err()
            .contains(
                "--label names CSV columns, but "
                    + data
                    + " is read as arff (by its name; --format chooses another)"),
        label::toString);
  }

  @Test
  void trainAndEvalOnLibSvm() throws IOException {
    StringBuilder svm = new StringBuilder("# label index:value ...\n");
    for (int i = 0; i < POINTS.length; i++) {
      svm.append(i < 4 ? "-1" : "+1").append(" 1:").append(POINTS[i][0]);
      if (POINTS[i][1] != 0) {
        svm.append(" 2:").append(POINTS[i][1]);
      }
      svm.append('\n');
    }
    Path data = write("blobs.svm", svm.toString());
    Path text = write("blobs.txt", svm.toString());
    Path weights = dir.resolve("blobs.json");

    Cli.Run train = Cli.run("train", TWO_NN, "--data", data, "--epochs", "40", "--out", weights);
    assertEquals(0, train.exitCode(), train::toString);
    assertTrue(train.out().contains("accuracy  100.00% (8/8)"), train::toString);

    Cli.Run eval =
        Cli.run("eval", TWO_NN, "--weights", weights, "--data", text, "--format", "libsvm");
    assertEquals(0, eval.exitCode(), eval::toString);
    assertTrue(eval.out().contains("accuracy  100.00% (8/8)"), eval::toString);
    assertTrue(
        eval.out().contains("macro avg     1.0000  1.0000  1.0000        8"), eval::toString);

    Cli.Run predict = Cli.run("predict", TWO_NN, "--weights", weights, "--data", data);
    assertEquals(0, predict.exitCode(), predict::toString);
    assertTrue(predict.out().startsWith("row,class,p_-1,p_1\n1,-1,"), predict::toString);

    // Without --format a .txt file is CSV.
    Cli.Run csv = Cli.run("eval", TWO_NN, "--weights", weights, "--data", text);
    assertEquals(1, csv.exitCode(), csv::toString);
  }

  @Test
  void libSvmErrorsNameTheLineAndColumn() throws IOException {
    Path data = write("bad.libsvm", "1 1:0.5 2:1\n-1 1:0.25 x\n");
    Cli.Run run = Cli.run("train", TWO_NN, "--data", data);
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(
        "netc: " + data + ", line 2, column 3: expected index:value, got \"x\"\n", run.err());

    Cli.Run format = Cli.run("train", TWO_NN, "--data", data, "--format", "svmlight");
    assertEquals(1, format.exitCode(), format::toString);
    assertEquals("netc: --format svmlight: expected csv, idx, libsvm or arff\n", format.err());
  }

  @Test
  void trainEvalAndPredictOnGzippedIdx() throws IOException {
    Path nn =
        write(
            "pixels.nn",
            "network Pixels {\n  input 4;\n  dense 10 softmax;\n"
                + "  loss cross_entropy;\n  init xavier(seed = 1);\n  optimizer sgd(rate = 0.5);\n}\n");
    // Eight 2x2 images: class k has its bright pixel at position k.
    byte[][] images = new byte[8][4];
    byte[] labels = new byte[8];
    for (int i = 0; i < 8; i++) {
      labels[i] = (byte) (i % 4);
      images[i][i % 4] = (byte) (i < 4 ? 255 : 200);
      images[i][(i + 1) % 4] = 20;
    }
    Path imageFile = idxImages("train-images-idx3-ubyte.gz", images);
    idxLabels("train-labels-idx1-ubyte.gz", labels);
    Path weights = dir.resolve("pixels.json");

    Cli.Run train =
        Cli.run(
            "train",
            nn,
            "--data",
            imageFile,
            "--test",
            imageFile,
            "--epochs",
            "60",
            "--out",
            weights);
    assertEquals(0, train.exitCode(), train::toString);
    assertTrue(
        train
            .out()
            .contains(
                "trained Pixels (4 -> 10 softmax, 50 parameters) for" + " 60 epochs on 8 examples"),
        train::toString);
    assertTrue(
        train.out().contains("Pixels on the test file " + imageFile + " (8 examples):"),
        train::toString);
    assertTrue(train.out().contains("accuracy  100.00% (8/8)"), train::toString);

    // The labels by --labels, whatever their name.
    Path other = idxLabels("answers.gz", labels);
    Cli.Run eval =
        Cli.run("eval", nn, "--weights", weights, "--data", imageFile, "--labels", other);
    assertEquals(0, eval.exitCode(), eval::toString);
    assertTrue(eval.out().contains("accuracy  100.00% (8/8)"), eval::toString);

    // predict needs no labels.
    Path alone = idxImages("some.idx3-ubyte", images);
    Cli.Run predict = Cli.run("predict", nn, "--weights", weights, "--data", alone);
    assertEquals(0, predict.exitCode(), predict::toString);
    assertTrue(
        predict.out().startsWith("row,class,p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9\n" + "1,0,"),
        predict::toString);
    assertTrue(predict.out().contains("\n8,3,"), predict::toString);
  }

  @Test
  void idxWithoutItsLabelsSaysWhatIsMissing() throws IOException {
    Path nn =
        write(
            "pixels.nn",
            "network Pixels {\n  input 4;\n  dense 10 softmax;\n"
                + "  loss cross_entropy;\n  init xavier(seed = 1);\n  optimizer sgd(rate = 0.5);\n}\n");
    Path images = idxImages("t10k-images-idx3-ubyte.gz", new byte[][] {{1, 2, 3, 4}});
    Cli.Run missing = Cli.run("train", nn, "--data", images);
    assertEquals(3, missing.exitCode(), missing::toString);
    assertEquals(
        "netc: cannot find the labels of the IDX images "
            + images
            + ": "
            + dir.resolve("t10k-labels-idx1-ubyte.gz")
            + " does not exist; put it there or give the"
            + " labels file with --labels FILE\n",
        missing.err());

    Path renamed = idxImages("pictures.idx3-ubyte", new byte[][] {{1, 2, 3, 4}});
    Cli.Run unnamed = Cli.run("train", nn, "--data", renamed);
    assertEquals(1, unnamed.exitCode(), unnamed::toString);
    assertTrue(
        unnamed.err().contains("give the labels file (an idx1-ubyte file) with --labels" + " FILE"),
        unnamed::toString);

    // A damaged file keeps the loader's message.
    Path labels = idxLabels("t10k-labels-idx1-ubyte.gz", new byte[] {1, 2});
    Cli.Run count = Cli.run("train", nn, "--data", images);
    assertEquals(1, count.exitCode(), count::toString);
    assertEquals(
        "netc: "
            + labels
            + ": has 2 labels but "
            + images
            + " has 1 images (expected one label per image)\n",
        count.err());

    Cli.Run ignore =
        Cli.run(
            "eval", nn, "--weights", dir.resolve("none.json"), "--data", images, "--ignore", "1");
    assertEquals(2, ignore.exitCode(), ignore::toString);
    assertTrue(ignore.err().contains("--ignore names CSV columns"), ignore::toString);
    assertFalse(ignore.err().contains("Exception"), ignore::toString);
  }

  @Test
  void convolutionTrainsEvaluatesPredictsAndWritesItsParametersOnIdx() throws IOException {
    Path nn =
        write(
            "blobs.nn",
            "network Blobs {\n  input 6 x 6 x 1;\n  conv 3 3x3 relu padding same;\n"
                + "  maxpool 3x3;\n  dense 10 softmax;\n  loss cross_entropy;\n"
                + "  init xavier(seed = 2);\n  optimizer sgd(rate = 0.1);\n}\n");
    // Eight 6x6 images: class k has a bright 2x2 blob in quadrant k.
    byte[][] images = new byte[8][36];
    byte[] labels = new byte[8];
    for (int i = 0; i < 8; i++) {
      int k = i % 4;
      labels[i] = (byte) k;
      int top = (k / 2) * 3 + (i < 4 ? 0 : 1);
      int left = (k % 2) * 3 + (i < 4 ? 1 : 0);
      for (int y = top; y < top + 2; y++) {
        for (int x = left; x < left + 2; x++) {
          images[i][y * 6 + x] = (byte) 230;
        }
      }
    }
    Path imageFile = idxImages("blobs-images-idx3-ubyte", images, 6, 6);
    Path labelFile = idxLabels("blobs-labels-idx1-ubyte", labels);
    Path weights = dir.resolve("blobs.json");
    Path trainedNn = dir.resolve("blobs-trained.nn");

    Cli.Run train =
        Cli.run(
            "train",
            nn,
            "--data",
            imageFile,
            "--epochs",
            "80",
            "--scale",
            "minmax",
            "--out",
            weights,
            "--out-nn",
            trainedNn);
    assertEquals(0, train.exitCode(), train::toString);
    assertTrue(train.out().contains("accuracy  100.00% (8/8)"), train::toString);
    assertTrue(Files.readString(weights).contains("\"kind\": \"conv\""), weights::toString);

    Cli.Run eval =
        Cli.run("eval", nn, "--weights", weights, "--data", imageFile, "--labels", labelFile);
    assertEquals(0, eval.exitCode(), eval::toString);
    assertTrue(eval.out().contains("accuracy  100.00% (8/8)"), eval::toString);

    Cli.Run predict = Cli.run("predict", nn, "--weights", weights, "--data", imageFile);
    assertEquals(0, predict.exitCode(), predict::toString);
    assertTrue(
        predict.out().startsWith("row,class,p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9\n1,0,"),
        predict::toString);
    assertTrue(predict.out().contains("\n8,3,"), predict::toString);

    // the trained .nn holds every conv and dense parameter: it checks, and gives the same outputs
    String trained = Files.readString(trainedNn);
    assertTrue(trained.contains("conv 3 3x3 relu padding same {"), trained);
    Cli.Run check = Cli.run("check", trainedNn);
    assertEquals(0, check.exitCode(), check::toString);

    Cli.Run export =
        Cli.run("export", nn, "--weights", weights, "--out", dir.resolve("blobs.onnx"));
    assertEquals(1, export.exitCode(), export::toString);
    assertTrue(
        export.err().contains("which this version of netc cannot export to ONNX"),
        export::toString);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Path idxImages(String name, byte[][] images) throws IOException {
    return idxImages(name, images, 2, 2);
  }

  private Path idxImages(String name, byte[][] images, int rows, int cols) throws IOException {
    ByteBuffer header =
        ByteBuffer.allocate(16).putInt(0x00000803).putInt(images.length).putInt(rows).putInt(cols);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(header.array());
    for (byte[] image : images) {
      bytes.write(image);
    }
    return writeIdx(name, bytes.toByteArray());
  }

  private Path idxLabels(String name, byte[] labels) throws IOException {
    ByteBuffer bytes =
        ByteBuffer.allocate(8 + labels.length).putInt(0x00000801).putInt(labels.length).put(labels);
    return writeIdx(name, bytes.array());
  }

  /** Gzip-compressed if the name ends with .gz. */
  private Path writeIdx(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out =
        name.endsWith(".gz")
            ? new GZIPOutputStream(Files.newOutputStream(file))
            : Files.newOutputStream(file)) {
      out.write(bytes);
    }
    return file;
  }
}
