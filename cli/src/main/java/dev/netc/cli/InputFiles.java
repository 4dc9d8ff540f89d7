package dev.netc.cli;

import dev.netc.generator.write.GeneratedFiles;
import dev.netc.grammar.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the user's files, with the errors of {@code netc}: a missing file is a system error. */
final class InputFiles {
  private InputFiles() {}

  /**
   * Reads a {@code .nn} file as UTF-8 through the grammar's read stage; its diagnostics name it as
   * the user gave it. A missing or unreadable file is a system error; bytes that are not UTF-8 are
   * the compiler's located {@code UNREADABLE_TEXT} error, as in the Maven plugin.
   */
  static SourceFile readSource(Path file) {
    checkReadable(file, "network file");
    try {
      return SourceFile.read(file, file.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ioFailure(file, "network file", e);
    }
  }

  /** Reads a whole file; a missing or unreadable file is a system error naming {@code what}. */
  static byte[] readBytes(Path file, String what) {
    checkReadable(file, what);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw ioFailure(file, what, e);
    }
  }

  /** Fails with a system error if {@code file} is missing, a folder or unreadable. */
  static void checkReadable(Path file, String what) {
    if (!Files.exists(file)) {
      throw CommandFailure.system(
          "cannot read " + what + " " + file + ": no such file (check the path)", null);
    }
    if (Files.isDirectory(file)) {
      throw CommandFailure.system(
          "cannot read " + what + " " + file + ": it is a folder, not a file", null);
    }
    if (!Files.isReadable(file)) {
      throw CommandFailure.system("cannot read " + what + " " + file + ": permission denied", null);
    }
  }

  /** The system error for an I/O failure on {@code file}. */
  static CommandFailure ioFailure(Path file, String what, IOException e) {
    String reason;
    if (e instanceof NoSuchFileException) {
      reason = "no such file or folder (check the path)";
    } else if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else {
      reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return CommandFailure.system("cannot access " + what + " " + file + ": " + reason, e);
  }

  /**
   * Writes a generated source to {@code file} through the generator's write stage: only if its
   * bytes differ (creating the folder); I/O failures are system errors.
   */
  static void writeGenerated(Path file, String javaSource) {
    try {
      GeneratedFiles.writeIfChanged(file, javaSource);
    } catch (IOException e) {
      throw ioFailure(file, "output file", e);
    }
  }

  /** Writes {@code text} to {@code file} (creating its folder); I/O failures are system errors. */
  static void writeText(Path file, String text, String what) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ioFailure(file, what, e);
    }
  }
}
