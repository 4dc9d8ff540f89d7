package dev.netc.grammar.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of one {@code .nn} file and where its lines start, so that offsets become 1-based line
 * and column numbers (a column counts characters, that is Unicode code points; a tab is one).
 *
 * <p>This is netc's one read stage: the command line and the Maven plugin both read {@code .nn}
 * files through it. Read a file with {@link #read(Path, String, Charset)} (or decode bytes you
 * already hold with {@link #decode(String, byte[], Charset)}); the forms without a charset read
 * UTF-8. None throws for bad content: bytes that are not valid in the charset give a source with a
 * {@link #decodingError()}, which {@code NetcFrontEnd.check} reports as the error {@code
 * UNREADABLE_TEXT} naming the line and column of the first bad byte. Build one from text with
 * {@link #SourceFile(String, String)}.
 *
 * @param name the file as it is shown in diagnostics (a path as the user gave it, or relative to a
 *     source root)
 * @param text the file's text, without a byte order mark; line ends may be {@code \n} or {@code
 *     \r\n}. If the bytes were not valid in their charset, each malformed sequence is replaced (by
 *     U+FFFD for UTF-8).
 * @param decodingError where the bytes stopped being valid in their charset, if they did
 */
public record SourceFile(String name, String text, Optional<DecodingError> decodingError) {

  public SourceFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(decodingError, "decodingError");
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
  }

  /** A source file from text that was decoded without error. */
  public SourceFile(String name, String text) {
    this(name, text, Optional.empty());
  }

  /**
   * Where the bytes of a file stopped being valid text in their charset.
   *
   * @param textOffset the offset in {@link #text()} (a {@code char} index) where the first
   *     replacement character stands
   * @param byteOffset the offset of the first malformed byte in the file, from 0
   * @param charset the name of the charset the bytes were decoded with ({@code UTF-8})
   */
  public record DecodingError(int textOffset, long byteOffset, String charset) {
    public DecodingError {
      Objects.requireNonNull(charset, "charset");
    }
  }

  /**
   * Reads {@code file} as UTF-8 (a byte order mark is dropped), as {@link #read(Path, String,
   * Charset)} does.
   *
   * @throws IOException only if the file cannot be read at all (missing, a folder, no permission)
   */
  public static SourceFile read(Path file, String displayName) throws IOException {
    return read(file, displayName, StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code file} in {@code charset} (a UTF-8 byte order mark is dropped). Malformed or
   * unmappable bytes do not throw: the result carries a {@link #decodingError()}.
   *
   * @param file the file to read
   * @param displayName the name diagnostics show for it
   * @param charset the file's encoding (the Maven plugin's {@code encoding}; UTF-8 elsewhere)
   * @throws IOException only if the file cannot be read at all (missing, a folder, no permission)
   */
  public static SourceFile read(Path file, String displayName, Charset charset) throws IOException {
    return decode(displayName, Files.readAllBytes(file), charset);
  }

  /** Decodes {@code bytes} as UTF-8, as {@link #decode(String, byte[], Charset)} does. */
  public static SourceFile decode(String displayName, byte[] bytes) {
    return decode(displayName, bytes, StandardCharsets.UTF_8);
  }

  /**
   * Decodes {@code bytes} in {@code charset} as {@link #read(Path, String, Charset)} does: never
   * throws for bad bytes.
   */
  public static SourceFile decode(String displayName, byte[] bytes, Charset charset) {
    Objects.requireNonNull(charset, "charset");
    int skip = charset.equals(StandardCharsets.UTF_8) && startsWithUtf8Bom(bytes) ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out =
        CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (!result.isError()) {
      out.flip();
      return new SourceFile(displayName, out.toString());
    }
    DecodingError error = new DecodingError(out.position(), in.position(), charset.name());
    String lenient = new String(bytes, skip, bytes.length - skip, charset);
    return new SourceFile(displayName, lenient, Optional.of(error));
  }

  private static boolean startsWithUtf8Bom(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  /** The 0-based offsets at which each line starts. */
  public List<Integer> lineStarts() {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts;
  }

  /** The text of 1-based line {@code line}, without its line end ("" past the last line). */
  public String line(int line) {
    int start = 0;
    for (int current = 1; current < line; current++) {
      int newline = text.indexOf('\n', start);
      if (newline < 0) {
        return "";
      }
      start = newline + 1;
    }
    int end = text.indexOf('\n', start);
    if (end < 0) {
      end = text.length();
    }
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, end);
  }

  /**
   * The 1-based line and column of {@code offset} (a {@code char} index into {@link #text()}), as
   * {@code {line, column}}; the column counts code points.
   */
  public int[] lineAndColumn(int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < clamped; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, text.codePointCount(lineStart, clamped) + 1};
  }
}
