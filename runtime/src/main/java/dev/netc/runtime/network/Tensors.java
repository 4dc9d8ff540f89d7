package dev.netc.runtime.network;

/**
 * {@link ParameterTensor} views over the arrays of a generated class. Generated code calls these
 * factories; a weight matrix may be stored row-major ({@code data[offset + i * cols + j]}) or
 * transposed ({@code data[offset + j * rows + i]}), and the view hides which.
 */
public final class Tensors {
  private Tensors() {}

  /** A matrix view of {@code rows x cols} doubles, stored transposed if {@code transposed}. */
  public static ParameterTensor matrix(
      String name, double[] data, int offset, int rows, int cols, boolean transposed) {
    checkBounds(name, data.length, offset, rows * cols);
    return new DoubleView(name, data, offset, rows, cols, transposed, false);
  }

  /** A vector view of {@code size} doubles. */
  public static ParameterTensor vector(String name, double[] data, int offset, int size) {
    checkBounds(name, data.length, offset, size);
    return new DoubleView(name, data, offset, size, 1, false, true);
  }

  /** A matrix view of {@code rows x cols} floats, stored transposed if {@code transposed}. */
  public static ParameterTensor matrix(
      String name, float[] data, int offset, int rows, int cols, boolean transposed) {
    checkBounds(name, data.length, offset, rows * cols);
    return new FloatView(name, data, offset, rows, cols, transposed, false);
  }

  /** A vector view of {@code size} floats. */
  public static ParameterTensor vector(String name, float[] data, int offset, int size) {
    checkBounds(name, data.length, offset, size);
    return new FloatView(name, data, offset, size, 1, false, true);
  }

  /**
   * A matrix view of {@code rows x cols} doubles stored as one array per column: {@code
   * columns[j][i] = W[i][j]}. Generated classes store the weights of looped layers this way, so
   * that every inner loop runs over a whole array from index 0 (C2's superword pass on JDK 17 does
   * not vectorize {@code y[i] += a * x[offset + i]} with an invariant offset, but does vectorize
   * {@code y[i] += a * x[i]}).
   */
  public static ParameterTensor columns(String name, double[][] columns, int rows, int cols) {
    checkColumns(name, columns.length, cols);
    for (double[] column : columns) {
      checkBounds(name, column.length, 0, rows);
    }
    return new DoubleColumns(name, columns, rows, cols);
  }

  /** A matrix view of {@code rows x cols} floats stored as one array per column. */
  public static ParameterTensor columns(String name, float[][] columns, int rows, int cols) {
    checkColumns(name, columns.length, cols);
    for (float[] column : columns) {
      checkBounds(name, column.length, 0, rows);
    }
    return new FloatColumns(name, columns, rows, cols);
  }

  private static void checkColumns(String name, int length, int cols) {
    if (length != cols) {
      throw new IllegalArgumentException(name + ": " + cols + " columns expected, got " + length);
    }
  }

  private static void checkBounds(String name, int length, int offset, int size) {
    if (offset < 0 || size < 0 || offset + size > length) {
      throw new IllegalArgumentException(
          name + ": " + size + " values at offset " + offset + " do not fit an array of " + length);
    }
  }

  private abstract static class View implements ParameterTensor {
    private final String name;
    final int offset;
    private final int rows;
    private final int cols;
    private final boolean transposed;
    private final boolean vector;

    View(String name, int offset, int rows, int cols, boolean transposed, boolean vector) {
      this.name = name;
      this.offset = offset;
      this.rows = rows;
      this.cols = cols;
      this.transposed = transposed;
      this.vector = vector;
    }

    final int position(int index) {
      if (index < 0 || index >= rows * cols) {
        throw new IndexOutOfBoundsException(name + ": index " + index + " of " + rows * cols);
      }
      if (!transposed) {
        return offset + index;
      }
      int i = index / cols;
      int j = index % cols;
      return offset + j * rows + i;
    }

    @Override
    public final String name() {
      return name;
    }

    @Override
    public final int rows() {
      return rows;
    }

    @Override
    public final int cols() {
      return cols;
    }

    @Override
    public final boolean isVector() {
      return vector;
    }

    @Override
    public final String toString() {
      return name + (vector ? "[" + rows + "]" : "[" + rows + "x" + cols + "]");
    }
  }

  private abstract static class ColumnView extends View {
    ColumnView(String name, int rows, int cols) {
      super(name, 0, rows, cols, false, false);
    }

    /** Row of {@code index} (within its column array). */
    final int row(int index) {
      return position(index) / cols();
    }

    /** Column of {@code index} (which array). */
    final int col(int index) {
      return position(index) % cols();
    }
  }

  private static final class DoubleColumns extends ColumnView {
    private final double[][] data;

    DoubleColumns(String name, double[][] data, int rows, int cols) {
      super(name, rows, cols);
      this.data = data;
    }

    @Override
    public double get(int index) {
      return data[col(index)][row(index)];
    }

    @Override
    public void set(int index, double value) {
      data[col(index)][row(index)] = value;
    }
  }

  private static final class FloatColumns extends ColumnView {
    private final float[][] data;

    FloatColumns(String name, float[][] data, int rows, int cols) {
      super(name, rows, cols);
      this.data = data;
    }

    @Override
    public double get(int index) {
      return data[col(index)][row(index)];
    }

    @Override
    public void set(int index, double value) {
      data[col(index)][row(index)] = (float) value;
    }
  }

  private static final class DoubleView extends View {
    private final double[] data;

    DoubleView(
        String name, double[] data, int offset, int rows, int cols, boolean transposed, boolean v) {
      super(name, offset, rows, cols, transposed, v);
      this.data = data;
    }

    @Override
    public double get(int index) {
      return data[position(index)];
    }

    @Override
    public void set(int index, double value) {
      data[position(index)] = value;
    }
  }

  private static final class FloatView extends View {
    private final float[] data;

    FloatView(
        String name, float[] data, int offset, int rows, int cols, boolean transposed, boolean v) {
      super(name, offset, rows, cols, transposed, v);
      this.data = data;
    }

    @Override
    public double get(int index) {
      return data[position(index)];
    }

    @Override
    public void set(int index, double value) {
      data[position(index)] = (float) value;
    }
  }
}
