package dev.netc.maven;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;

/** Decodes a {@code .nn} file strictly: a byte sequence the encoding rejects is a user error. */
final class SourceText {
  private SourceText() {}

  /**
   * The decoded text, or a problem at the first bad byte.
   *
   * @param text the text, if the bytes decoded
   * @param problem where and why they did not, else null
   */
  record Decoded(String text, Problem problem) {}

  static Decoded decode(Path file, byte[] bytes, Charset encoding) {
    CharsetDecoder decoder =
        encoding
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out =
        CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      String before = out.toString();
      int line = 1;
      int column = 1;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      String message =
          "byte " + (in.position() + 1) + " is not valid " + encoding.name() + " text: save the"
              + " file as " + encoding.name() + " or set the plugin's <encoding>";
      return new Decoded(null, new Problem(file, line, column, true, message));
    }
    out.flip();
    return new Decoded(out.toString(), null);
  }
}
