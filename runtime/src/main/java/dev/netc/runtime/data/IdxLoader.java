package dev.netc.runtime.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Loads the IDX format of MNIST and its relatives (Fashion-MNIST, KMNIST): a file of unsigned-byte
 * images ({@code 0x00000803}, dimensions count x rows x cols) and a file of unsigned-byte labels
 * ({@code 0x00000801}), each optionally gzip-compressed (recognised by its first bytes, whatever
 * its name). Pixels are scaled to [0, 1] by dividing by 255.
 *
 * <pre>{@code
 * Dataset train = IdxLoader.load(dir.resolve("train-images-idx3-ubyte.gz"),
 *                                dir.resolve("train-labels-idx1-ubyte.gz"));
 * }</pre>
 */
public final class IdxLoader {
  private static final int UNSIGNED_BYTE = 0x08;

  private IdxLoader() {}

  /**
   * Images and labels as a classification dataset with classes {@code "0"} to {@code "9"} (or up to
   * the largest label, if that is above 9), one-hot targets and features named {@code pixel_rR_cC}.
   */
  public static Dataset load(Path images, Path labels) {
    Images read = images(images);
    double[][] x = read.pixels();
    int[] y = readLabels(labels);
    if (x.length != y.length) {
      throw new DataException(
          labels.toString(),
          "has "
              + y.length
              + " labels but "
              + images
              + " has "
              + x.length
              + " images (expected one label per image)");
    }
    int max = 9;
    for (int label : y) {
      max = Math.max(max, label);
    }
    List<String> classes = new ArrayList<>();
    for (int k = 0; k <= max; k++) {
      classes.add(String.valueOf(k));
    }
    List<String> names = new ArrayList<>(read.rows() * read.cols());
    for (int r = 0; r < read.rows(); r++) {
      for (int c = 0; c < read.cols(); c++) {
        names.add("pixel_r" + r + "_c" + c);
      }
    }
    return Dataset.classification(images.toString(), x, y, classes, names);
  }

  /** The images of an IDX image file, one row of rows x cols pixels in [0, 1] per image. */
  public static double[][] readImages(Path file) {
    return images(file).pixels();
  }

  private record Images(double[][] pixels, int rows, int cols) {}

  private static Images images(Path file) {
    ByteBuffer data = open(file, 3, "images");
    int count = data.getInt();
    int rows = data.getInt();
    int cols = data.getInt();
    long expected = (long) count * rows * cols;
    checkLength(file, data, expected, count + " x " + rows + " x " + cols);
    double[][] images = new double[count][rows * cols];
    for (double[] image : images) {
      for (int p = 0; p < image.length; p++) {
        image[p] = (data.get() & 0xFF) / 255.0;
      }
    }
    return new Images(images, rows, cols);
  }

  /** The labels of an IDX label file, each 0 to 255. */
  public static int[] readLabels(Path file) {
    ByteBuffer data = open(file, 1, "labels");
    int count = data.getInt();
    checkLength(file, data, count, String.valueOf(count));
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = data.get() & 0xFF;
    }
    return labels;
  }

  /** Reads the whole file (unzipping it if needed) and checks the magic number. */
  private static ByteBuffer open(Path file, int dimensions, String what) {
    String source = file.toString();
    byte[] bytes = readAll(file);
    if (bytes.length == 0) {
      throw new DataException(source, "the file is empty (expected IDX " + what + ")");
    }
    if (bytes.length < 4) {
      throw new DataException(source, "is not an IDX file (only " + bytes.length + " bytes)");
    }
    ByteBuffer data = ByteBuffer.wrap(bytes);
    int magic = data.getInt();
    int expected = (UNSIGNED_BYTE << 8) | dimensions;
    if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE) {
      throw new DataException(
          source,
          String.format(
              "is not an IDX file of unsigned bytes (magic number 0x%08X, expected 0x%08X for %s)",
              magic, expected, what));
    }
    int found = magic & 0xFF;
    if (found != dimensions) {
      String kind = found == 1 ? " (labels)" : found == 3 ? " (images)" : "";
      throw new DataException(
          source,
          String.format(
              "is an IDX file of %d dimension%s%s, expected %s (%d dimension%s, magic 0x%08X)",
              found,
              found == 1 ? "" : "s",
              kind,
              what,
              dimensions,
              dimensions == 1 ? "" : "s",
              expected));
    }
    if (bytes.length < 4 + 4 * dimensions) {
      throw new DataException(
          source,
          "is truncated: the header needs "
              + (4 + 4 * dimensions)
              + " bytes, the file has "
              + bytes.length);
    }
    return data;
  }

  private static void checkLength(Path file, ByteBuffer data, long expected, String shape) {
    if (data.remaining() < expected) {
      throw new DataException(
          file.toString(),
          "is truncated: "
              + shape
              + " needs "
              + expected
              + " bytes of data, the file has "
              + data.remaining());
    }
    if (data.remaining() > expected) {
      throw new DataException(
          file.toString(),
          "has "
              + (data.remaining() - expected)
              + " bytes after the "
              + shape
              + " values its header announces (corrupted?)");
    }
  }

  private static byte[] readAll(Path file) {
    String source = file.toString();
    try {
      byte[] raw = Files.readAllBytes(file);
      if (raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
          return in.readAllBytes();
        } catch (EOFException | ZipException e) {
          throw new DataException(
              source, "is a damaged or truncated gzip file (" + e.getMessage() + ")", e);
        }
      }
      return raw;
    } catch (NoSuchFileException e) {
      throw new DataException(source, "file not found", e);
    } catch (IOException e) {
      throw new DataException(source, "cannot read the file: " + e.getMessage(), e);
    }
  }
}
