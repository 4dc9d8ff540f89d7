package dev.netc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceTextTest {
  private static final Path FILE = Path.of("/p/iris.nn");

  @Test
  void decodesValidText() {
    SourceText.Decoded d =
        SourceText.decode(FILE, "network X {}\n".getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8);
    assertEquals("network X {}\n", d.text());
    assertNull(d.problem());
  }

  @Test
  void aBadByteIsAnErrorAtItsLineAndColumn() {
    byte[] bytes = {'a', '\n', 'b', 'c', (byte) 0xff, 'd'};
    SourceText.Decoded d = SourceText.decode(FILE, bytes, StandardCharsets.UTF_8);
    assertNull(d.text());
    assertEquals(
        "/p/iris.nn:[2,3] byte 5 is not valid UTF-8 text: save the file as UTF-8 or set the"
            + " plugin's <encoding>",
        d.problem().toLogLine());
  }
}
