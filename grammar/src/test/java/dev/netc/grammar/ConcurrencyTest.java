package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.grammar.diag.DiagnosticFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The front end keeps no state between calls: files checked on several threads at once give the
 * same results as one by one (the Maven plugin declares itself thread-safe).
 */
class ConcurrencyTest {

  private static String render(FrontEndResult result) {
    return DiagnosticFormat.terminal(result.diagnostics()) + result.model();
  }

  @Test
  void checkingOnManyThreadsGivesTheSameResults() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String name : ErrorCorpusTest.cases().toList()) {
      files.add(ErrorCorpusTest.corpus().resolve(name + ".nn"));
    }
    List<String> expected = new ArrayList<>();
    for (Path file : files) {
      expected.add(render(NetcFrontEnd.check(file, file.getFileName().toString())));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (Path file : files) {
          results.add(
              pool.submit(() -> render(NetcFrontEnd.check(file, file.getFileName().toString()))));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        int file = i % files.size();
        assertEquals(expected.get(file), results.get(i).get(), files.get(file).toString());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
