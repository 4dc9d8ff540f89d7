package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The front end's packages depend on each other in one direction only: the stages below {@code
 * dev.netc.grammar} never import the package above them, and no two packages import each other,
 * directly or through others. Read from the import lines of the main sources.
 */
class PackageCyclesTest {
  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([a-z.]+);");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import (?:static )?(dev\\.netc\\.grammar(?:\\.[a-z]+)*)\\.[A-Z]");

  /** Each package of the module and the module's packages it imports (itself left out). */
  private static Map<String, Set<String>> imports() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(f -> f.toString().endsWith(".java")).toList();
    }
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Matcher pkg = PACKAGE.matcher(text);
      assertTrue(pkg.find(), "no package in " + file);
      Set<String> uses = graph.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
      Matcher m = IMPORT.matcher(text);
      while (m.find()) {
        if (!m.group(1).equals(pkg.group(1))) {
          uses.add(m.group(1));
        }
      }
    }
    return graph;
  }

  @Test
  void noStageImportsTheFrontEndAboveIt() throws IOException {
    List<String> upward = new ArrayList<>();
    imports()
        .forEach(
            (pkg, uses) -> {
              if (!pkg.equals("dev.netc.grammar") && uses.contains("dev.netc.grammar")) {
                upward.add(pkg);
              }
            });
    assertEquals(List.of(), upward);
  }

  @Test
  void packagesFormNoCycle() throws IOException {
    Map<String, Set<String>> graph = imports();
    assertTrue(graph.size() >= 6, graph::toString);
    for (String start : graph.keySet()) {
      // Depth-first from each package: reaching it again is a cycle.
      List<String> stack = new ArrayList<>(graph.get(start));
      Set<String> seen = new TreeSet<>();
      while (!stack.isEmpty()) {
        String next = stack.remove(stack.size() - 1);
        assertTrue(!next.equals(start), () -> start + " depends on itself through " + seen);
        if (seen.add(next)) {
          stack.addAll(graph.getOrDefault(next, Set.of()));
        }
      }
    }
  }
}
