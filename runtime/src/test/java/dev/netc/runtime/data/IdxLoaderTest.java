package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {
  private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

  @TempDir Path dir;

  private static byte[] images(int count, int rows, int cols, int magic) {
    ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
    b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
    for (int i = 0; i < count * rows * cols; i++) {
      b.put((byte) (i * 51));
    }
    return b.array();
  }

  private static byte[] labels(int... values) {
    ByteBuffer b = ByteBuffer.allocate(8 + values.length);
    b.putInt(0x801).putInt(values.length);
    for (int v : values) {
      b.put((byte) v);
    }
    return b.array();
  }

  private Path write(String name, byte[] bytes, boolean gzip) throws IOException {
    Path file = dir.resolve(name);
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (OutputStream z = new GZIPOutputStream(out)) {
        z.write(bytes);
      }
      bytes = out.toByteArray();
    }
    Files.write(file, bytes);
    return file;
  }

  @Test
  void smallFilesPlainAndGzippedScaleToUnitInterval() throws IOException {
    for (boolean gzip : new boolean[] {false, true}) {
      Path x = write("x" + gzip, images(2, 2, 3, 0x803), gzip);
      Path y = write("y" + gzip, labels(3, 0), gzip);
      Dataset data = IdxLoader.load(x, y);
      assertEquals(2, data.size());
      assertEquals(6, data.featureCount());
      assertEquals("pixel_r1_c2", data.featureNames().get(5));
      assertArrayEquals(
          new double[] {0, 51 / 255.0, 102 / 255.0, 153 / 255.0, 204 / 255.0, 1}, data.features(0));
      assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), data.classNames());
      assertEquals(3, data.label(0));
      assertEquals(0, data.label(1));
    }
  }

  @Test
  void wrongMagicNumbersAreExplained() throws IOException {
    Path csv = write("data.csv", "a,b\n1,2\n3,4\n5,6\n7,8\n".getBytes(), false);
    assertEquals(
        csv
            + ": is not an IDX file of unsigned bytes (magic number 0x612C620A, expected "
            + "0x00000803 for images)",
        assertThrows(DataException.class, () -> IdxLoader.readImages(csv)).getMessage());
    Path labelFile = write("labels", labels(1, 2), false);
    assertEquals(
        labelFile
            + ": is an IDX file of 1 dimension (labels), expected images "
            + "(3 dimensions, magic 0x00000803)",
        assertThrows(DataException.class, () -> IdxLoader.readImages(labelFile)).getMessage());
  }

  @Test
  void truncatedAndEmptyFiles() throws IOException {
    byte[] full = images(3, 2, 2, 0x803);
    Path cut = write("cut", Arrays.copyOf(full, full.length - 5), false);
    assertEquals(
        cut + ": is truncated: 3 x 2 x 2 needs 12 bytes of data, the file has 7",
        assertThrows(DataException.class, () -> IdxLoader.readImages(cut)).getMessage());
    Path empty = write("empty", new byte[0], false);
    assertEquals(
        empty + ": the file is empty (expected IDX labels)",
        assertThrows(DataException.class, () -> IdxLoader.readLabels(empty)).getMessage());
    byte[] zipped = Files.readAllBytes(write("z", full, true));
    Path badZip = write("bad.gz", Arrays.copyOf(zipped, zipped.length / 2), false);
    assertTrue(
        assertThrows(DataException.class, () -> IdxLoader.readImages(badZip))
            .getMessage()
            .startsWith(badZip + ": is a damaged or truncated gzip file"));
  }

  @Test
  void imageAndLabelCountsMustAgree() throws IOException {
    Path x = write("x", images(2, 1, 1, 0x803), false);
    Path y = write("y", labels(1, 2, 3), false);
    assertEquals(
        y + ": has 3 labels but " + x + " has 2 images (expected one label per image)",
        assertThrows(DataException.class, () -> IdxLoader.load(x, y)).getMessage());
  }

  @Test
  void realFashionMnistFiles() {
    Path trainImages = FASHION.resolve("train-images-idx3-ubyte.gz");
    assumeTrue(
        Files.exists(trainImages),
        "Fashion-MNIST is not installed under "
            + FASHION
            + " (apt-get install dataset-fashion-mnist); skipping");
    Dataset test =
        IdxLoader.load(
            FASHION.resolve("t10k-images-idx3-ubyte.gz"),
            FASHION.resolve("t10k-labels-idx1-ubyte.gz"));
    assertEquals(10000, test.size());
    assertEquals(784, test.featureCount());
    assertEquals(10, test.classNames().size());
    int[] first = Arrays.copyOf(test.labels(), 10);
    assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, first);

    int[] trainLabels = IdxLoader.readLabels(FASHION.resolve("train-labels-idx1-ubyte.gz"));
    assertEquals(60000, trainLabels.length);
    assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, Arrays.copyOf(trainLabels, 10));
    double[][] trainImagesData = IdxLoader.readImages(trainImages);
    assertEquals(60000, trainImagesData.length);
    double[] image = trainImagesData[0];
    assertEquals(784, image.length);
    assertEquals(217 / 255.0, image[14 * 28 + 14]);
    double sum = 0;
    double max = 0;
    for (double[] row : trainImagesData) {
      for (double v : row) {
        assertTrue(v >= 0 && v <= 1);
        max = Math.max(max, v);
      }
    }
    for (double v : image) {
      sum += v * 255;
    }
    assertEquals(76247, Math.round(sum));
    assertEquals(1.0, max);
  }
}
