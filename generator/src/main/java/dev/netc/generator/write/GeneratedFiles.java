package dev.netc.generator.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The write stage: a generated source to a file, written only if its bytes differ from the file's
 * (so an unchanged class keeps its timestamp and the Java compiler and IDEs see nothing new). The
 * Maven plugin and {@code netc compile} both write through it.
 */
public final class GeneratedFiles {
  private GeneratedFiles() {}

  /**
   * Writes {@code text} as UTF-8 to {@code target}, creating its folders, unless {@code target}
   * already holds exactly these bytes. Generated sources are ASCII, so UTF-8 is also their bytes in
   * any platform encoding javac may read them with.
   *
   * @return true if the file was written, false if it already held these bytes
   * @throws IOException if the folders cannot be created or the file cannot be read or written
   */
  public static boolean writeIfChanged(Path target, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(target) && sameBytes(target, bytes)) {
      return false;
    }
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(target, bytes);
    return true;
  }

  private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
    return Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
  }
}
