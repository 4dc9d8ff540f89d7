package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibSvmAndArffLoaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private String libsvmError(LibSvmLoader loader, String text) throws IOException {
    Path file = write("bad.svm", text);
    return assertThrows(DataException.class, () -> loader.load(file))
        .getMessage()
        .replace(file.toString(), "bad.svm");
  }

  private String arffError(String text) throws IOException {
    Path file = write("bad.arff", text);
    return assertThrows(DataException.class, () -> new ArffLoader().load(file))
        .getMessage()
        .replace(file.toString(), "bad.arff");
  }

  @Test
  void libsvmSparseRowsBecomeDenseWithClassesInNumericOrder() throws IOException {
    Path file = write("a.svm", "+1 1:0.5 3:2 # comment\n-1 2:1\n\n1 3:-4e-1\n");
    Dataset data = new LibSvmLoader().load(file);
    assertEquals(3, data.size());
    assertEquals(List.of("-1", "1"), data.classNames());
    assertArrayEquals(new double[] {0.5, 0, 2}, data.features(0));
    assertArrayEquals(new double[] {0, 0, -0.4}, data.features(2));
    assertEquals(1, data.label(0));
    assertEquals(0, data.label(1));
    Dataset wide = new LibSvmLoader().featureCount(5).load(file);
    assertEquals(5, wide.featureCount());
    Dataset regression = new LibSvmLoader().regression().load(file);
    assertArrayEquals(new double[] {-1}, regression.target(1));
  }

  @Test
  void libsvmErrorsNameLineAndItem() throws IOException {
    assertEquals(
        "bad.svm, line 2, column 2: expected index:value, got \"abc\"",
        libsvmError(new LibSvmLoader(), "1 1:2\n2 abc\n"));
    assertEquals(
        "bad.svm, line 1, column 3: feature index 2 after 5 (indexes must increase "
            + "along a line)",
        libsvmError(new LibSvmLoader(), "1 5:1 2:1\n"));
    assertEquals(
        "bad.svm, line 1, column 2: feature index 0 (indexes start at 1)",
        libsvmError(new LibSvmLoader(), "1 0:1\n"));
    assertEquals(
        "bad.svm, line 1, column 2: expected a number, got \"x\"",
        libsvmError(new LibSvmLoader(), "1 1:x\n"));
    assertEquals(
        "bad.svm, line 1, column 1: missing label (expected a number before the first "
            + "index:value pair)",
        libsvmError(new LibSvmLoader(), "1:2 3:4\n"));
    assertEquals(
        "bad.svm, line 1, column 2: feature index 9 but the data has 4 features",
        libsvmError(new LibSvmLoader().featureCount(4), "1 9:1\n"));
    assertEquals(
        "bad.svm, line 2, column 1 (label): unknown class '3' (the network knows: 1, 2)",
        libsvmError(new LibSvmLoader().classNames(List.of("1", "2")), "1 1:1\n3 1:1\n"));
    assertEquals(
        "bad.svm: the file is empty (expected a LibSVM file)",
        libsvmError(new LibSvmLoader(), "\n\n"));
  }

  private static final String IRIS_ARFF =
      """
      % a comment
      @RELATION iris
      @ATTRIBUTE 'sepal length' NUMERIC
      @ATTRIBUTE petalwidth real
      @ATTRIBUTE class {Iris-setosa,Iris-versicolor, Iris-virginica}

      @DATA
      5.1,0.2,Iris-setosa
      7.0,1.4,'Iris-versicolor'
      6.3,2.5,Iris-virginica
      """;

  @Test
  void arffNumericAttributesAndNominalClassInDeclaredOrder() throws IOException {
    Dataset data = new ArffLoader().load(write("iris.arff", IRIS_ARFF));
    assertEquals(List.of("sepal length", "petalwidth"), data.featureNames());
    assertEquals(List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica"), data.classNames());
    assertArrayEquals(new double[] {7.0, 1.4}, data.features(1));
    assertEquals(2, data.label(2));
  }

  @Test
  void arffErrorsNameLineAndColumn() throws IOException {
    assertEquals(
        "bad.arff, line 10, column 1 (sepal length): missing value (expected a number)",
        arffError(IRIS_ARFF.replace("6.3,2.5", "?,2.5")));
    assertEquals(
        "bad.arff, line 8, column 3 (class): unknown class 'Iris-rose' (the header "
            + "declares: Iris-setosa, Iris-versicolor, Iris-virginica)",
        arffError(IRIS_ARFF.replace("5.1,0.2,Iris-setosa", "5.1,0.2,Iris-rose")));
    assertEquals(
        "bad.arff, line 9: expected 3 values (one per @attribute), got 2",
        arffError(IRIS_ARFF.replace("7.0,1.4,", "7.0,")));
    assertEquals(
        "bad.arff, line 3: attribute 'sepal length' has type string; only numeric "
            + "attributes and a nominal class are supported",
        arffError(IRIS_ARFF.replace("NUMERIC", "string")));
    assertEquals(
        "bad.arff, line 1: expected @relation, @attribute or @data, got \"a,b,c\" "
            + "(is this an ARFF file?)",
        arffError("a,b,c\n1,2,3\n"));
    assertEquals(
        "bad.arff, line 8: sparse ARFF rows are not supported (write the row in full, "
            + "or use the LibSVM format)",
        arffError(IRIS_ARFF.replace("5.1,0.2,Iris-setosa", "{0 5.1, 2 Iris-setosa}")));
    assertEquals("bad.arff: the file is empty (expected an ARFF file)", arffError(""));
  }
}
