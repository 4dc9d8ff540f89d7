package dev.netc.generator.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write stage writes a file only when its bytes change. */
class GeneratedFilesTest {
  private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);

  @Test
  void writesANewFileWithItsFolders(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("com/example/Net.java");
    assertTrue(GeneratedFiles.writeIfChanged(target, "class Net {}\n"));
    assertEquals("class Net {}\n", Files.readString(target, StandardCharsets.UTF_8));
  }

  @Test
  void leavesAFileWithTheSameBytesUntouched(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("Net.java");
    Files.writeString(target, "class Net {}\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(target, OLD);
    assertFalse(GeneratedFiles.writeIfChanged(target, "class Net {}\n"));
    assertEquals(OLD, Files.getLastModifiedTime(target));
  }

  @Test
  void rewritesAFileWhoseBytesDiffer(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("Net.java");
    Files.writeString(target, "class Net { }\n", StandardCharsets.UTF_8);
    assertTrue(GeneratedFiles.writeIfChanged(target, "class Net {}\n"));
    assertEquals("class Net {}\n", Files.readString(target, StandardCharsets.UTF_8));
    assertTrue(GeneratedFiles.writeIfChanged(target, "class Net {}\n// longer\n"));
    assertEquals("class Net {}\n// longer\n", Files.readString(target, StandardCharsets.UTF_8));
  }
}
