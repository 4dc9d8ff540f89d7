package dev.netc.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netc.runtime.network.NetworkSpec;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class HtmlReportTest {
  /** Debian's chromium, used to check that reports render. */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  static ReportData sample() {
    NetworkSpec spec =
        new NetworkSpec(
            "Moons",
            "Moons",
            "moons.nn",
            2,
            List.of(
                new NetworkSpec.LayerSpec("hidden", 8, "tanh", Double.NaN),
                new NetworkSpec.LayerSpec("layer2", 2, "softmax", Double.NaN)),
            "cross_entropy",
            "double",
            "sgd(rate = 0.1, momentum = 0.9, nesterov = 0)",
            "abc");
    List<CurvePoint> curve = new ArrayList<>();
    for (int e = 1; e <= 30; e++) {
      curve.add(new CurvePoint(e, 1.0 / e, 1 - 0.5 / e, 1.2 / e, 1 - 0.6 / e));
    }
    double[][] points = new double[40][];
    int[] labels = new int[40];
    for (int i = 0; i < 40; i++) {
      points[i] = new double[] {Math.cos(i), Math.sin(i * 0.7) + i * 0.05};
      labels[i] = points[i][0] + points[i][1] > 0.5 ? 1 : 0;
    }
    return new ReportData(
        spec,
        "moons.nn",
        List.of("epochs: 30", "batch: 1"),
        curve,
        "test set (12 examples)",
        "loss 0.1234\naccuracy 91.67%",
        Optional.of(new ReportData.Confusion(List.of("a", "b"), new int[][] {{5, 1}, {0, 6}})),
        Optional.of(
            new ReportData.DecisionRegions(
                List.of("x1", "x2"),
                List.of("a", "b"),
                (x, y) -> x + y > 0.5 ? 1 : 0,
                points,
                labels)));
  }

  @Test
  void reportIsSelfContainedWithChartsNetworkAndConfusionMatrix() {
    String html = HtmlReport.render(sample());
    assertEquals(3, count(html, "src=\"data:image/png;base64,"), "loss, accuracy, regions charts");
    assertTrue(html.contains("2 -&gt; 8 tanh -&gt; 2 softmax"), html);
    assertTrue(html.contains("42 parameters"), "2*8+8 + 8*2+2 = 42");
    assertTrue(html.contains("Confusion matrix"));
    assertTrue(html.contains("Decision regions"));
    assertTrue(!html.contains("http://") && !html.contains("https://"), "no network access");
  }

  @Test
  void reportRendersInHeadlessChromium() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    Path page = dir.resolve("report.html");
    Files.writeString(page, HtmlReport.render(sample()), StandardCharsets.UTF_8);
    Path png = screenshot(page, dir);
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(image.getWidth() > 100 && image.getHeight() > 100);
    assertTrue(distinctColors(image) > 20, "the screenshot shows more than a blank page");
  }

  /** Takes a screenshot of {@code page} with headless Chromium; returns the PNG. */
  public static Path screenshot(Path page, Path dir) throws Exception {
    Path png = dir.resolve("screenshot.png");
    Process chromium =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + dir.resolve("chromium-profile"),
                "--screenshot=" + png,
                "--window-size=1200,1600",
                page.toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromium.log").toFile())
            .start();
    assertTrue(chromium.waitFor(90, TimeUnit.SECONDS), "chromium finished");
    assertTrue(Files.size(png) > 0, "screenshot written: " + png);
    return png;
  }

  /** Number of distinct colours on a grid of every third pixel. */
  public static int distinctColors(BufferedImage image) {
    java.util.Set<Integer> colors = new java.util.HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 3) {
      for (int y = 0; y < image.getHeight(); y += 3) {
        colors.add(image.getRGB(x, y));
      }
    }
    return colors.size();
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
