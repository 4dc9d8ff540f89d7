package dev.netc.cli;

import dev.netc.grammar.source.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the user's files, with the errors of {@code netc}: a missing file is a system error. */
final class InputFiles {
  private InputFiles() {}

  /** Reads a {@code .nn} file as UTF-8; its diagnostics name it as the user gave it. */
  static SourceFile readSource(Path file) {
    byte[] bytes = readBytes(file, "network file");
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new SourceFile(file.toString(), text);
    } catch (CharacterCodingException e) {
      throw CommandFailure.input(
          file + ": error: the file is not UTF-8 text; save it as UTF-8 (a .nn file is plain text)",
          e);
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
      throw CommandFailure.system(
          "cannot read " + what + " " + file + ": permission denied", null);
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
