package dev.netc.runtime.testing;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's sample data and small helpers for the runtime's tests. */
public final class TestData {
  private TestData() {}

  /** {@code <repo>/testdata}, from the system property Surefire sets. */
  public static Path testdata() {
    return Path.of(System.getProperty("netc.testdata", "../testdata"));
  }

  /** {@code samples/data/<name>}. */
  public static Path sample(String name) {
    return testdata().resolve("../samples/data").resolve(name).normalize();
  }

  /** Iris, 150 x 4, classes 0, 1, 2. */
  public static Dataset iris() {
    return new CsvLoader().load(sample("iris.csv"));
  }

  /** Digits, 1797 x 64, classes 0 to 9. */
  public static Dataset digits() {
    return new CsvLoader().load(sample("digits.csv"));
  }

  /** Every parameter value, in order. */
  public static List<double[]> parameters(CompiledNetwork net) {
    List<double[]> values = new ArrayList<>();
    for (ParameterTensor t : net.parameters()) {
      values.add(t.toArray());
    }
    return values;
  }

  /** True if both lists hold the same doubles, bit for bit. */
  public static boolean sameBits(List<double[]> a, List<double[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).length != b.get(i).length) {
        return false;
      }
      for (int k = 0; k < a.get(i).length; k++) {
        if (Double.doubleToRawLongBits(a.get(i)[k]) != Double.doubleToRawLongBits(b.get(i)[k])) {
          return false;
        }
      }
    }
    return true;
  }
}
