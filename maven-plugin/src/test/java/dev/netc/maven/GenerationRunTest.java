package dev.netc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.build.incremental.DefaultBuildContext;

/**
 * One {@link Generation} after another on a project in a temporary folder, in process, with the
 * real compiler: what the incremental IT checks through Maven, plus the cases that need a prepared
 * state (an old state format, a copied project).
 */
class GenerationRunTest {
  private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);

  /** Records INFO, WARN and ERROR lines. */
  private static final class RecordingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      lines.add("INFO " + content);
    }

    @Override
    public void warn(CharSequence content) {
      lines.add("WARN " + content);
    }

    @Override
    public void error(CharSequence content) {
      lines.add("ERROR " + content);
    }

    @Override
    public void debug(CharSequence content) {}
  }

  private static String network(String name, int hidden) {
    return "network "
        + name
        + " {\n    input 2;\n    dense "
        + hidden
        + " tanh;\n"
        + "    dense 1 sigmoid;\n    loss binary_cross_entropy;\n}\n";
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static GenerationRequest request(Path base) {
    return request(base, StandardCharsets.UTF_8);
  }

  private static GenerationRequest request(Path base, Charset encoding) {
    return new GenerationRequest(
        base,
        base.resolve("src/main/netc"),
        base.resolve("target/generated-sources/netc"),
        base.resolve("target/generated-test-sources/netc"),
        List.of("**/*.nn"),
        List.of(),
        Optional.of("inc"),
        encoding,
        false,
        false,
        base.resolve("target/maven-status/netc/generate/default/state"),
        "0.1.0-test");
  }

  private static RecordingLog run(Path base) throws Exception {
    RecordingLog log = new RecordingLog();
    new Generation(request(base), log, new DefaultBuildContext()).run();
    return log;
  }

  private static Path out(Path base, String relative) {
    return base.resolve("target/generated-sources/netc").resolve(relative);
  }

  private static void age(Path... files) throws IOException {
    for (Path file : files) {
      Files.setLastModifiedTime(file, OLD);
    }
  }

  @Test
  void regeneratesOnlyWhatChangedAndDeletesWhatWasRemoved(@TempDir Path base) throws Exception {
    write(base.resolve("src/main/netc/a.nn"), network("NetA", 3));
    write(base.resolve("src/main/netc/sub/b.nn"), network("NetB", 3));
    RecordingLog first = run(base);
    Path a = out(base, "inc/NetA.java");
    Path b = out(base, "sub/NetB.java");
    assertTrue(Files.isRegularFile(a) && Files.isRegularFile(b));
    assertEquals(
        List.of(
            "INFO netc: 2 of 2 networks regenerated into target/generated-sources/netc"
                + " (2 files written)"),
        first.lines);

    age(a, b);
    assertEquals(
        List.of(
            "INFO netc: 0 of 2 networks regenerated into"
                + " target/generated-sources/netc (0 files written)"),
        run(base).lines);
    assertEquals(OLD, Files.getLastModifiedTime(a));
    assertEquals(OLD, Files.getLastModifiedTime(b));

    // a comment changes the input's hash but not the output: recompiled, not rewritten
    write(base.resolve("src/main/netc/a.nn"), "// comment\n" + network("NetA", 3));
    assertEquals(
        List.of(
            "INFO netc: 1 of 2 networks regenerated into"
                + " target/generated-sources/netc (0 files written)"),
        run(base).lines);
    assertEquals(OLD, Files.getLastModifiedTime(a));

    write(base.resolve("src/main/netc/a.nn"), network("NetA", 5));
    run(base);
    assertNotEquals(OLD, Files.getLastModifiedTime(a));
    assertEquals(OLD, Files.getLastModifiedTime(b));

    Files.delete(base.resolve("src/main/netc/sub/b.nn"));
    run(base);
    assertFalse(Files.exists(b));
    assertTrue(Files.exists(a));
  }

  @Test
  void aRenamedNetworkLosesItsOldClass(@TempDir Path base) throws Exception {
    write(base.resolve("src/main/netc/a.nn"), network("NetA", 3));
    run(base);
    write(base.resolve("src/main/netc/a.nn"), network("Renamed", 3));
    run(base);
    assertFalse(Files.exists(out(base, "inc/NetA.java")));
    assertTrue(Files.exists(out(base, "inc/Renamed.java")));
  }

  @Test
  void errorsFailOnceAfterReportingAllAndKeepTheOldState(@TempDir Path base) throws Exception {
    write(base.resolve("src/main/netc/a.nn"), network("NetA", 3));
    run(base);
    Path state = base.resolve("target/maven-status/netc/generate/default/state");
    String before = Files.readString(state);
    // a.nn stays; c.nn is broken; b.nn repeats a.nn's network
    write(base.resolve("src/main/netc/c.nn"), network("NetC", 3).replace("tanh", "tahn"));
    write(base.resolve("src/main/netc/b.nn"), network("NetA", 3));
    RecordingLog log = new RecordingLog();
    MojoFailureException failure =
        assertThrows(
            MojoFailureException.class,
            () -> new Generation(request(base), log, new DefaultBuildContext()).run());
    assertEquals("netc: 2 errors in 2 files", failure.getMessage());
    String src = base.resolve("src/main/netc").toAbsolutePath().normalize().toString();
    assertEquals(
        List.of(
            "ERROR "
                + src
                + "/b.nn:[1,9] network 'NetA' generates class inc.NetA, which a.nn"
                + " also generates; rename one of them or give their files different packages",
            "ERROR " + src + "/c.nn:[3,13] unknown activation 'tahn' (did you mean 'tanh'?)"),
        log.lines);
    assertEquals(before, Files.readString(state));
  }

  @Test
  void aCopiedProjectStaysIncrementalAndLeavesTheOriginalAlone(@TempDir Path dir) throws Exception {
    Path original = dir.resolve("original");
    write(original.resolve("src/main/netc/a.nn"), network("NetA", 3));
    write(original.resolve("src/main/netc/b.nn"), network("NetB", 3));
    run(original);
    Path copy = dir.resolve("copy");
    try (Stream<Path> files = Files.walk(original)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = copy.resolve(original.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    Files.delete(copy.resolve("src/main/netc/b.nn"));
    assertEquals(
        List.of(
            "INFO netc: 0 of 1 network regenerated into"
                + " target/generated-sources/netc (0 files written)"),
        run(copy).lines);
    assertFalse(Files.exists(out(copy, "inc/NetB.java")));
    assertTrue(Files.exists(out(original, "inc/NetB.java")), "the original's class was deleted");
  }

  @Test
  void aStateOfAnotherFormatIsIgnoredAndDeletesNothing(@TempDir Path base) throws Exception {
    write(base.resolve("src/main/netc/a.nn"), network("NetA", 3));
    Path a = out(base, "inc/NetA.java");
    write(
        base.resolve("target/maven-status/netc/generate/default/state"),
        "netc-state 1\nfingerprint\tx\ninput\ta.nn\th\t1\t" + a.toAbsolutePath() + "\n");
    run(base);
    assertTrue(Files.isRegularFile(a));
    assertTrue(run(base).lines.get(0).contains("0 of 1 network regenerated"));
  }

  /** The bytes of a network file with an e-acute in a comment on line 2, in ISO-8859-1. */
  private static byte[] latin1Network() {
    return network("Cafe", 3)
        .replace("input 2;", "input 2; // caf\u00e9")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aByteTheEncodingRejectsIsTheCompilersLocatedDiagnostic(@TempDir Path base) throws Exception {
    Path file = base.resolve("src/main/netc/cafe.nn");
    Files.createDirectories(file.getParent());
    Files.write(file, latin1Network());
    RecordingLog log = new RecordingLog();
    MojoFailureException failure =
        assertThrows(
            MojoFailureException.class,
            () -> new Generation(request(base), log, new DefaultBuildContext()).run());
    assertEquals("netc: 1 error in 1 file", failure.getMessage());
    String src = base.resolve("src/main/netc").toAbsolutePath().normalize().toString();
    // The same message, line and column as netc check gives (the CLI's ErrorsTest).
    assertEquals(
        List.of(
            "ERROR "
                + src
                + "/cafe.nn:[2,20] the file is not UTF-8 text: the byte at offset 34"
                + " cannot be decoded; save the file as UTF-8"),
        log.lines);
    assertFalse(Files.exists(out(base, "inc/Cafe.java")));
  }

  @Test
  void theConfiguredEncodingDecodesTheFile(@TempDir Path base) throws Exception {
    Path file = base.resolve("src/main/netc/cafe.nn");
    Files.createDirectories(file.getParent());
    Files.write(file, latin1Network());
    RecordingLog log = new RecordingLog();
    new Generation(request(base, StandardCharsets.ISO_8859_1), log, new DefaultBuildContext())
        .run();
    assertTrue(Files.isRegularFile(out(base, "inc/Cafe.java")));
  }

  @Test
  void anUnchangedClassIsNotRewritten(@TempDir Path base) throws Exception {
    write(base.resolve("src/main/netc/a.nn"), network("NetA", 3));
    run(base);
    Path a = out(base, "inc/NetA.java");
    Files.setLastModifiedTime(a, OLD);
    // A new configuration recompiles every input; the bytes of NetA stay the same.
    Files.delete(base.resolve("target/maven-status/netc/generate/default/state"));
    assertTrue(run(base).lines.get(0).contains("(0 files written)"));
    assertEquals(OLD, Files.getLastModifiedTime(a));
  }
}
