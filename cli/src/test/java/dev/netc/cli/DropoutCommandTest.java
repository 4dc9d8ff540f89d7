package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netc train} on a network with dropout: --seed seeds the masks (also in file order), and
 * the trained file keeps the rate.
 */
class DropoutCommandTest {
  @TempDir Path dir;

  private String train(Path nn, String seed, String threads, String out) throws Exception {
    Path trained = dir.resolve(out);
    Cli.Run run =
        Cli.run(
            "train",
            nn,
            "--data",
            Cli.sampleData("iris.csv"),
            "--seed",
            seed,
            "--no-shuffle",
            "--threads",
            threads,
            "--batch",
            "8",
            "--epochs",
            "5",
            "--scale",
            "standard",
            "--out",
            dir.resolve(out + ".json"),
            "--out-nn",
            trained);
    assertEquals(0, run.exitCode(), run::toString);
    return Files.readString(trained, StandardCharsets.UTF_8);
  }

  @Test
  void theSeedSeedsTheMasksAndTheTrainedFileKeepsTheRate() throws Exception {
    Path nn = dir.resolve("drop.nn");
    Files.writeString(
        nn,
        "network Drop {\n"
            + "    input 4;\n"
            + "    dense 16 relu dropout(0.3) as hidden;\n"
            + "    dense 3 softmax;\n"
            + "    loss cross_entropy;\n"
            + "    optimizer adam(rate = 0.01);\n"
            + "}\n",
        StandardCharsets.UTF_8);
    Cli.Run explain = Cli.run("check", "--explain", nn);
    assertEquals(0, explain.exitCode(), explain::toString);
    assertTrue(
        explain.out().contains("  hidden  dense 16 relu dropout(0.3)  16"), explain::toString);
    String a = train(nn, "3", "1", "a.nn");
    assertTrue(a.contains("dense 16 relu dropout(0.3) as hidden {"), a);
    assertEquals(a, train(nn, "3", "2", "b.nn"), "same seed, other thread count");
    assertNotEquals(
        a,
        train(nn, "4", "1", "c.nn"),
        "another seed, other masks (file order: the masks are all that differs)");
  }
}
